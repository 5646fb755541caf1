import type { Scenario } from '../core/scenario.ts';
import { nameToText, nodeName, targetName, type Notation } from '../core/notation.ts';

/** The column heads every samples table starts with: the inputs, the targets and the outputs, in the notation shown. */
export function SampleColumnHeads({
  scenario,
  notation,
  nIn,
  nOut,
  depth,
}: {
  readonly scenario: Scenario;
  readonly notation: Notation;
  readonly nIn: number;
  readonly nOut: number;
  readonly depth: number;
}) {
  return (
    <>
      {Array.from({ length: nIn }, (_, i) => (
        <th scope="col" key={`x${i}`}>
          {nameToText(nodeName(scenario, 0, i, notation))}
        </th>
      ))}
      {Array.from({ length: nOut }, (_, k) => (
        <th scope="col" key={`y${k}`}>
          {nameToText(targetName(scenario, k, notation))}
        </th>
      ))}
      {Array.from({ length: nOut }, (_, k) => (
        <th scope="col" key={`p${k}`}>
          {nameToText(nodeName(scenario, depth, k, notation))}
        </th>
      ))}
    </>
  );
}

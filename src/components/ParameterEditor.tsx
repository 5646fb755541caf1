import { biasName, nameToText, nodeName, targetName, weightName } from '../core/notation.ts';
import type { Selection } from '../core/selection.ts';
import { biasMark, marked, weightMark } from '../core/shared-names.ts';
import { EditableNumber } from './EditableNumber.tsx';
import { useNotation } from './notation-context.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

/** The value of the selection, editable where it is an input of the iteration: a weight, a bias, an input x or a target y. */
export function ParameterEditor({ selection }: { selection: Selection }) {
  const store = useAppStoreApi();
  const st = useAppStore((s) => ({
    // the value as it settles: a drag of this weight on the diagram re-renders the editor when it rests, not per frame
    scenario: s.settled.scenario,
    sample: s.sample,
    setWeight: s.setWeight,
    setBias: s.setBias,
    setSampleValue: s.setSampleValue,
  }));
  const { notation } = useNotation();
  const { scenario } = st;
  const depth = scenario.layers.length - 1;
  const row = store.selectors.iteration(store.getState()).start + st.sample;
  if (selection.kind === 'edge') {
    const name =
      nameToText(weightName(scenario, selection.l, selection.j, selection.i, notation)) +
      marked(weightMark(scenario, selection.l, selection.j, selection.i));
    const value = scenario.weights[selection.l]?.[selection.j]?.[selection.i];
    if (value === undefined) return null;
    return (
      <div className="param-editor">
        <span>{name} =</span>
        <EditableNumber
          value={value}
          label={`weight ${name}`}
          testId="edit-weight"
          onCommit={(v) => st.setWeight(selection.l, selection.j, selection.i, v)}
        />
      </div>
    );
  }
  if (selection.kind === 'bias') {
    const value = scenario.biases[selection.l]?.[selection.j];
    if (value === undefined) return null;
    const name =
      nameToText(biasName(scenario, selection.l, selection.j, notation)) +
      marked(biasMark(scenario, selection.l, selection.j));
    return (
      <div className="param-editor">
        <span>{name} =</span>
        <EditableNumber
          value={value}
          label={`bias ${name}`}
          testId="edit-bias"
          onCommit={(v) => st.setBias(selection.l, selection.j, v)}
        />
      </div>
    );
  }
  if (selection.kind === 'node' && (selection.l === 0 || selection.l === depth)) {
    const input = selection.l === 0;
    const name = nameToText(
      input ? nodeName(scenario, 0, selection.j, notation) : targetName(scenario, selection.j, notation),
    );
    const value = scenario.data[row]?.[input ? 'x' : 'y'][selection.j];
    if (value === undefined) return null;
    return (
      <div className="param-editor">
        <span>
          {input ? 'input' : 'target'} {name} of sample {row + 1} =
        </span>
        <EditableNumber
          value={value}
          label={`${input ? 'input' : 'target'} ${name} of sample ${row + 1}`}
          testId={input ? 'edit-input' : 'edit-target'}
          onCommit={(v) => st.setSampleValue(row, input ? 'x' : 'y', selection.j, v)}
        />
      </div>
    );
  }
  return null;
}

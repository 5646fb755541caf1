import { csvCell, type CsvValue } from './csv-cell.ts';
import { compileScenario, type Compiled } from './compile.ts';
import { runIteration, type Iteration } from './iteration.ts';
import { biasIndex, weightIndex } from './model.ts';
import { biasName, nameToText, nodeName, weightName } from './notation.ts';
import type { Scenario } from './scenario.ts';

/**
 * The columns of the iteration CSV, one table of four kinds of row (`kind`):
 *
 * - `node`: node `node` of layer `layer` (layer 0 = the inputs) for data sample `sample`
 *   (its index in the scenario's `data`): `z`, `a` (= x for an input), `dL_dz` (δ) and
 *   `dL_da`, derivatives of the reduced batch loss as in the trace. `z` and `dL_dz` are
 *   empty for an input.
 * - `loss`: with a `sample`, that sample's own loss in `value`; without, the reduced batch
 *   loss in `value` and the batch loss after the step in `value_after`.
 * - `weight`: the weight from node `from_node` of layer `layer − 1` to node `node` of layer
 *   `layer`, that is `weights[layer − 1][node][from_node]` of the scenario.
 * - `bias`: the bias of node `node` of layer `layer`, `biases[layer − 1][node]`.
 *
 * For weights and biases: `value`, `gradient` (∂L/∂θ over the batch, frozen ones included),
 * `value_after` (after the optimizer step) and `trainable` (1, or 0 for a frozen one).
 * `name` is the display name the diagram shows. Numbers are written in full (the shortest
 * text that reads back as the same double); NaN, Infinity, -Infinity as words; a blank
 * cell is a value that does not exist. A name that a spreadsheet would read as a formula
 * (starting with =, +, -, @, tab, CR or LF) starts with a `'` (csv-cell.ts).
 */
export const TRACE_CSV_COLUMNS = [
  'kind',
  'sample',
  'layer',
  'node',
  'from_node',
  'name',
  'z',
  'a',
  'dL_dz',
  'dL_da',
  'value',
  'gradient',
  'value_after',
  'trainable',
] as const;

type Cell = CsvValue;

function row(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

/** z, a, dL_dz, dL_da: blank in a loss, weight or bias row. */
const BLANK4: readonly Cell[] = [null, null, null, null];

/**
 * The CSV (RFC 4180, CRLF line ends) of every node value and gradient of one iteration, and
 * of every weight and bias with its gradient and value after the step (TRACE_CSV_COLUMNS).
 * Row count: 1 header + count·(nodes + 1) + 1 + weights + biases of layers with biases.
 */
export function iterationCsv(scenario: Scenario, compiled: Compiled, it: Iteration): string {
  const { model, trainable } = compiled;
  const { pass } = it;
  const lines: string[] = [row(TRACE_CSV_COLUMNS)];
  for (let s = 0; s < it.count; s++) {
    const sample = it.start + s;
    for (let l = 0; l <= model.depth; l++) {
      for (let j = 0; j < model.sizes[l]; j++) {
        const k = s * model.nodeCount + model.nodeOffset[l] + j;
        const input = l === 0;
        lines.push(
          row([
            'node',
            sample,
            l,
            j,
            null,
            nameToText(nodeName(scenario, l, j)),
            input ? null : pass.z[k],
            pass.a[k],
            input ? null : pass.dLdz[k],
            pass.dLda[k],
            null,
            null,
            null,
            null,
          ]),
        );
      }
    }
    lines.push(row(['loss', sample, null, null, null, 'loss', ...BLANK4, pass.sampleLoss[s], null, null, null]));
  }
  lines.push(row(['loss', null, null, null, null, 'loss', ...BLANK4, pass.loss, null, it.lossAfter, null]));
  for (let l = 0; l < model.depth; l++) {
    for (let j = 0; j < model.sizes[l + 1]; j++) {
      for (let i = 0; i < model.sizes[l]; i++) {
        const k = weightIndex(model, l, j, i);
        lines.push(
          row([
            'weight',
            null,
            l + 1,
            j,
            i,
            nameToText(weightName(scenario, l, j, i)),
            ...BLANK4,
            it.params.w[k],
            pass.dLdw[k],
            it.after.w[k],
            trainable.w[k],
          ]),
        );
      }
    }
  }
  for (let l = 0; l < model.depth; l++) {
    if (!model.hasBias[l]) continue;
    for (let j = 0; j < model.sizes[l + 1]; j++) {
      const k = biasIndex(model, l, j);
      lines.push(
        row([
          'bias',
          null,
          l + 1,
          j,
          null,
          nameToText(biasName(scenario, l, j)),
          ...BLANK4,
          it.params.b[k],
          pass.dLdb[k],
          it.after.b[k],
          trainable.b[k],
        ]),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The CSV of a scenario's first iteration from fresh optimizer state: the iteration the trace command prints. */
export function traceCsv(scenario: Scenario): string {
  const compiled = compileScenario(scenario);
  return iterationCsv(scenario, compiled, runIteration(compiled));
}

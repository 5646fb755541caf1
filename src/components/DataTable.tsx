import { sampleRange } from '../view/sample-range.ts';
import { useMemo } from 'react';
import { biasContribution, edgeFactors } from '../core/chain-rule.ts';
import { forward } from '../core/forward.ts';
import { createWorkspace } from '../core/workspace.ts';
import { BLANK } from '../view/format.ts';
import { biasName, nameToText, nodeName, targetName, weightName } from '../core/notation.ts';
import { withSampleAdded, withSampleRemoved } from '../core/scenario-edits.ts';
import { biasMark, marked, weightMark } from '../core/shared-names.ts';
import { EditableNumber } from './EditableNumber.tsx';
import { useNotation } from './notation-context.tsx';
import { Num } from './Num.tsx';
import { SampleColumnHeads } from './SampleColumnHeads.tsx';
import { SHOWN_ROWS } from './shown-rows.ts';
import { TestSamplesTable } from './TestSamplesTable.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

/**
 * Every sample (or SHOWN_ROWS of them from the batch shown on): x, y, ŷ, its loss, and its contribution to the selected parameter's
 * gradient, with the batch total. Cells are editable; the selected row drives the diagram.
 * It shows the settled scenario (src/store/settled.ts): a drag or a training run does not
 * re-render every cell of every sample on each frame, only when it rests or ends.
 */
export function DataTable() {
  const store = useAppStoreApi();
  const st = useAppStore((s) => ({
    scenario: s.settled.scenario,
    selection: s.selection,
    sample: s.sample,
    optimizerState: s.settled.optimizerState,
    batchShown: s.batchShown,
    position: s.settled.position,
    setSample: s.setSample,
    setSampleValue: s.setSampleValue,
    changeScenario: s.changeScenario,
  }));
  const { notation } = useNotation();
  const state = { scenario: st.scenario, optimizerState: st.optimizerState, batchShown: st.batchShown };
  const compiled = store.selectors.compiled(state);
  const { model } = compiled;
  const it = store.selectors.iteration(state);
  const ownStart = store.selectors.iteration({ ...state, batchShown: null }).start;
  const { scenario, selection } = st;
  const first =
    scenario.data.length <= SHOWN_ROWS ? 0 : Math.max(0, Math.min(it.start, scenario.data.length - SHOWN_ROWS));
  const rows = scenario.data.length <= SHOWN_ROWS ? scenario.data : scenario.data.slice(first, first + SHOWN_ROWS);
  // the forward pass of the rows shown only, not of 100,000 samples on every settled change
  const windowed = useMemo(() => {
    if (compiled.data.count <= SHOWN_ROWS) return null;
    const n = Math.min(SHOWN_ROWS, compiled.data.count - first);
    const ws = createWorkspace(compiled.model, n);
    forward(compiled.model, compiled.params, compiled.data, first, n, ws);
    return ws;
  }, [compiled, first]);
  const all = windowed ?? store.selectors.dataset(state);
  // the index in `all` of a sample's row
  const at = (row: number) => (windowed === null ? row : row - first);
  const depth = model.depth;
  const nIn = model.sizes[0];
  const nOut = model.sizes[depth];
  const outOff = model.nodeOffset[depth];
  const param =
    selection?.kind === 'edge' || (selection?.kind === 'bias' && model.hasBias[selection.l]) ? selection : null;
  const paramName =
    param === null
      ? null
      : param.kind === 'edge'
        ? nameToText(weightName(scenario, param.l, param.j, param.i, notation)) +
          marked(weightMark(scenario, param.l, param.j, param.i))
        : nameToText(biasName(scenario, param.l, param.j, notation)) + marked(biasMark(scenario, param.l, param.j));
  const contribution = (row: number): number | null => {
    if (param === null || row < it.start || row >= it.start + it.count) return null;
    const s = row - it.start;
    return param.kind === 'edge'
      ? edgeFactors(model, it.pass, s, param.l, param.j, param.i).dLdw
      : biasContribution(model, it.pass, s, param.l, param.j);
  };
  // Like the diagram, the table is a worksheet: what the iteration has not computed yet is blank.
  const plan = store.selectors.plan(state);
  const outputKnown = (k: number) => plan.aAt[outOff + k] < st.position;
  const lossKnown = plan.lossAt < st.position;
  const gradKnown =
    param === null
      ? false
      : param.kind === 'edge'
        ? plan.weightGradAt[model.weightOffset[param.l] + param.j * model.sizes[param.l] + param.i] < st.position
        : plan.biasGradAt[model.biasOffset[param.l] + param.j] < st.position;
  const shown = (x: number | null, known: boolean) => (x === null ? '—' : known ? <Num value={x} /> : BLANK);
  const total =
    param === null
      ? null
      : param.kind === 'edge'
        ? it.pass.dLdw[model.weightOffset[param.l] + param.j * model.sizes[param.l] + param.i]
        : it.pass.dLdb[model.biasOffset[param.l] + param.j];

  return (
    <section className="data-table panel" aria-label="Samples">
      <div className="panel-head">
        <h2>Samples</h2>
        <span className="muted" data-testid="batch-range">
          {it.count < scenario.data.length
            ? `batch: ${sampleRange(it.start, it.count)} of ${scenario.data.length}`
            : `${scenario.data.length} sample${scenario.data.length > 1 ? 's' : ''}, one batch`}
          {it.start !== ownStart && ` (shown for the sample picked; the next step trains samples from ${ownStart + 1})`}
        </span>
        <button
          type="button"
          className="chrome"
          onClick={() => st.changeScenario((s) => withSampleAdded(s), 'Add a sample')}
          data-testid="add-sample"
        >
          + sample
        </button>
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <SampleColumnHeads scenario={scenario} notation={notation} nIn={nIn} nOut={nOut} depth={depth} />
              <th scope="col">loss</th>
              <th scope="col">{paramName ? `∂L/∂${paramName}` : 'contribution'}</th>
              <th scope="col">
                <span className="visually-hidden">remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d, index) => {
              const row = first + index;
              const inBatch = row >= it.start && row < it.start + it.count;
              const selected = inBatch && row - it.start === st.sample;
              const c = contribution(row);
              return (
                <tr
                  key={row}
                  className={`${selected ? 'selected' : ''} ${inBatch ? '' : 'out-of-batch'}`}
                  aria-selected={selected}
                  data-testid={`sample-row-${row}`}
                  onClick={() => (inBatch ? st.setSample(row - it.start) : store.getState().showSample(row))}
                >
                  <th scope="row">{row + 1}</th>
                  {d.x.map((v, i) => (
                    <td key={`x${i}`}>
                      <EditableNumber
                        value={v}
                        label={`input ${nameToText(nodeName(scenario, 0, i, notation))} of sample ${row + 1}`}
                        onCommit={(n) => st.setSampleValue(row, 'x', i, n)}
                        testId={`x-${row}-${i}`}
                      />
                    </td>
                  ))}
                  {d.y.map((v, k) => (
                    <td key={`y${k}`}>
                      <EditableNumber
                        value={v}
                        label={`target ${nameToText(targetName(scenario, k, notation))} of sample ${row + 1}`}
                        onCommit={(n) => st.setSampleValue(row, 'y', k, n)}
                        testId={`y-${row}-${k}`}
                      />
                    </td>
                  ))}
                  {Array.from({ length: nOut }, (_, k) => (
                    <td
                      key={`p${k}`}
                      className="num"
                      data-value={String(all.a[at(row) * model.nodeCount + outOff + k])}
                    >
                      {shown(all.a[at(row) * model.nodeCount + outOff + k], outputKnown(k))}
                    </td>
                  ))}
                  <td className="num" data-value={String(all.sampleLoss[at(row)])}>
                    {shown(all.sampleLoss[at(row)], lossKnown)}
                  </td>
                  <td className="num" data-value={c === null ? '' : String(c)}>
                    {shown(c, gradKnown)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-button chrome"
                      disabled={scenario.data.length <= 1}
                      aria-label={`Remove sample ${row + 1}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        st.changeScenario((s) => withSampleRemoved(s, row), `Remove sample ${row + 1}`);
                      }}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={1 + nIn + 2 * nOut}>
                {scenario.reduction === 'sum' ? 'sum over the batch' : 'mean over the batch'}
              </th>
              <td className="num" data-testid="batch-loss" data-value={String(it.pass.loss)}>
                {shown(it.pass.loss, lossKnown)}
              </td>
              <td className="num" data-testid="batch-contribution" data-value={total === null ? '' : String(total)}>
                {total === null ? 'select an edge' : shown(total, gradKnown)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
        {rows.length < scenario.data.length && (
          <p className="muted" data-testid="rows-shown">
            Samples {first + 1}–{first + rows.length} of {scenario.data.length.toLocaleString('en-US')} are shown here
            (the batch shown and the ones after it); stepping through the batches moves along.
          </p>
        )}
        <TestSamplesTable />
      </div>
    </section>
  );
}

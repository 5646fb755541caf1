import { useMemo } from 'react';
import { createTestWorkspace, testLoss } from '../core/test-loss.ts';
import { useNotation } from './notation-context.tsx';
import { Num } from './Num.tsx';
import { SampleColumnHeads } from './SampleColumnHeads.tsx';
import { SHOWN_ROWS } from './shown-rows.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

/**
 * The test samples, apart from the training samples: x, y, ŷ and the loss of each, and the
 * test loss. Never trained on, so no iteration steps through them and they are not edited here
 * (the Data tab moves, adds and removes them). Past SHOWN_ROWS, the first SHOWN_ROWS are shown.
 */
export function TestSamplesTable() {
  const store = useAppStoreApi();
  // settled, as the samples table: not recomputed on each frame of a drag or a training run
  const scenario = useAppStore((s) => s.settled.scenario);
  const { notation } = useNotation();
  const pass = useMemo(() => {
    const c = store.selectors.compiled({ scenario });
    const ws = createTestWorkspace(c);
    const loss = testLoss(c, c.params, ws);
    return ws === null ? null : { c, ws, loss };
  }, [store, scenario]);
  const test = scenario.testData;
  if (!test || test.length === 0 || pass === null) return null;
  const { model } = pass.c;
  const depth = model.depth;
  const nIn = model.sizes[0];
  const nOut = model.sizes[depth];
  const outOff = model.nodeOffset[depth];
  return (
    <table className="test-samples" data-testid="test-samples">
      <caption>
        Test samples ({test.length}): never trained on; their loss is reported beside the training loss
        {test.length > SHOWN_ROWS && ` (the first ${SHOWN_ROWS} are shown here)`}
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <SampleColumnHeads scenario={scenario} notation={notation} nIn={nIn} nOut={nOut} depth={depth} />
          <th scope="col">loss</th>
        </tr>
      </thead>
      <tbody>
        {(test.length > SHOWN_ROWS ? test.slice(0, SHOWN_ROWS) : test).map((d, row) => (
          <tr key={row} data-testid={`test-row-${row}`}>
            <th scope="row">t{row + 1}</th>
            {d.x.map((v, i) => (
              <td key={`x${i}`} className="num">
                <Num value={v} />
              </td>
            ))}
            {d.y.map((v, k) => (
              <td key={`y${k}`} className="num">
                <Num value={v} />
              </td>
            ))}
            {Array.from({ length: nOut }, (_, k) => (
              <td key={`p${k}`} className="num">
                <Num value={pass.ws.a[row * model.nodeCount + outOff + k]} />
              </td>
            ))}
            <td className="num">
              <Num value={pass.ws.sampleLoss[row]} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={1 + nIn + 2 * nOut}>
            test loss ({scenario.reduction === 'sum' ? 'sum' : 'mean'}, no penalty)
          </th>
          <td className="num" data-testid="test-loss" data-value={String(pass.loss)}>
            <Num value={pass.loss} />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

import { useEffect, useRef, useState } from 'react';
import { formatValue } from '../core/format-number.ts';
import { createLossChartView } from '../view/loss-chart-view.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { useSizedView } from './use-sized-view.ts';
import './data.css';

/** The test loss's line: a colour and a dash of its own, so it is told apart without colour too. */
const TEST_COLOR = '#7b3294';
const TEST_DASH = '5 3';

/** The whole-data-set loss after each training step since the last reset (and the test loss), drawn by the D3 chart view. */
export function LossChart() {
  const store = useAppStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const [log, setLog] = useState(true);
  const { history, testHistory, clearHistory, precision } = useAppStore((s) => ({
    history: s.run.lossHistory,
    testHistory: s.run.testLossHistory,
    clearHistory: s.clearHistory,
    precision: s.precision,
  }));

  const view = useSizedView(svgRef, createLossChartView);

  // the chart follows the history without re-rendering the component
  useEffect(
    () =>
      store.subscribe(
        (s) => s.run,
        (run) =>
          view.current?.update({
            series:
              run.testLossHistory.length > 0
                ? [
                    { history: run.lossHistory, label: 'training' },
                    { history: run.testLossHistory, label: 'test', color: TEST_COLOR, dash: TEST_DASH },
                  ]
                : [{ history: run.lossHistory }],
            log,
          }),
        { fireImmediately: true },
      ),
    [store, view, log],
  );

  const last = history.length > 0 ? history[history.length - 1] : null;
  const lastTest = testHistory.length > 0 ? testHistory[testHistory.length - 1] : null;
  return (
    <section className="loss-chart panel" aria-label="Loss during training">
      <div className="panel-head">
        <h2>Loss</h2>
        <span className="muted" data-testid="loss-chart-summary">
          {last === null ? 'not trained yet' : `${history.length - 1} steps, L = ${formatValue(last, precision)}`}
          {lastTest === null ? '' : `, test L = ${formatValue(lastTest, precision)}`}
        </span>
        {lastTest !== null && (
          <span className="loss-legend muted" data-testid="loss-legend">
            <span className="loss-legend-swatch loss-legend-train" aria-hidden="true" /> training
            <span
              className="loss-legend-swatch"
              style={{ borderTopColor: TEST_COLOR, borderTopStyle: 'dashed' }}
              aria-hidden="true"
            />{' '}
            test
          </span>
        )}
        <label className="muted">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> log
        </label>
        <button type="button" onClick={clearHistory} disabled={history.length === 0}>
          Clear
        </button>
      </div>
      <svg
        ref={svgRef}
        role="img"
        aria-label={
          last === null
            ? 'No training yet'
            : `Loss over ${history.length - 1} training steps, now ${formatValue(last, precision)}${lastTest === null ? '' : `; test loss ${formatValue(lastTest, precision)}`}`
        }
        data-testid="loss-chart"
      />
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { formatValue } from '../core/format-number.ts';
import { createLossChartView } from '../view/loss-chart-view.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { useSizedView } from './use-sized-view.ts';

/** The whole-data-set loss after each training step since the last reset, drawn by the D3 chart view. */
export function LossChart() {
  const store = useAppStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const [log, setLog] = useState(true);
  const { history, clearHistory, precision } = useAppStore((s) => ({
    history: s.run.lossHistory,
    clearHistory: s.clearHistory,
    precision: s.precision,
  }));

  const view = useSizedView(svgRef, createLossChartView);

  // the chart follows the history without re-rendering the component
  useEffect(
    () =>
      store.subscribe(
        (s) => s.run.lossHistory,
        (h) => view.current?.update({ series: [{ history: h }], log }),
        { fireImmediately: true },
      ),
    [store, view, log],
  );

  const last = history.length > 0 ? history[history.length - 1] : null;
  return (
    <section className="loss-chart panel" aria-label="Loss during training">
      <div className="panel-head">
        <h2>Loss</h2>
        <span className="muted" data-testid="loss-chart-summary">
          {last === null ? 'not trained yet' : `${history.length - 1} steps, L = ${formatValue(last, precision)}`}
        </span>
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
            : `Loss over ${history.length - 1} training steps, now ${formatValue(last, precision)}`
        }
        data-testid="loss-chart"
      />
    </section>
  );
}

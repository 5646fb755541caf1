import { useEffect, useMemo, useRef, useState } from 'react';
import {
  COMPARISON_STEPS,
  comparisonOf,
  drawnPath,
  saneSteps,
  MAX_RUNS,
  MIN_RUNS,
  runName,
  withRun,
  withRunAdded,
  withRunRemoved,
  type ComparisonSetup,
} from '../core/comparison.ts';
import { formatValue } from '../core/format-number.ts';
import { optimizerOfType } from '../core/optimizer-of-type.ts';
import { OPTIMIZER_TYPES, type Optimizer, type OptimizerType } from '../core/scenario.ts';
import { createLossChartView } from '../view/loss-chart-view.ts';
import { runStyle, svgDash } from '../view/run-style.ts';
import { EditableNumber } from './EditableNumber.tsx';
import { LandscapePlot, type PlotPath } from './LandscapePlot.tsx';
import { optimizerFields } from './settings-options.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { useComparison } from './use-comparison.ts';
import { useSizedView } from './use-sized-view.ts';
import './compare.css';

/** A short name for an optimizer with its hyper-parameters, for the legend and screen readers. */
function describeOptimizer(o: Optimizer): string {
  return `${o.type} ${optimizerFields(o)
    .map((f) => `${f.symbol} = ${formatValue(f.value)}`)
    .join(', ')}`;
}

/**
 * Two to four optimizers (or learning rates) trained side by side from the current
 * parameters, each with fresh optimizer state, on the same data: their losses overlaid on
 * one chart and their paths over the loss landscape. Recomputed as the network is edited.
 */
export function ComparePanel() {
  const store = useAppStoreApi();
  const st = useAppStore((s) => ({
    comparison: s.comparison,
    setComparison: s.setComparison,
    adopt: s.adoptComparisonRun,
  }));
  // A drag or a training run does not restart the runs every frame: the store's settled scenario catches up when it rests.
  const scenario = useAppStore((s) => s.settled.scenario);
  const current = scenario.optimizer;
  const setup = useMemo(() => comparisonOf(st.comparison, current), [st.comparison, current]);
  const compiled = store.selectors.compiled({ scenario });
  const { runs, ready, progress } = useComparison(compiled, setup);
  const [log, setLog] = useState(true);

  const change = (next: ComparisonSetup | null) => st.setComparison(next);
  const setRun = (k: number, o: Optimizer) => change(withRun(setup, k, o));

  const svgRef = useRef<SVGSVGElement>(null);
  const chart = useSizedView(svgRef, createLossChartView);
  // each curve as far as its run has got, and a diverging one only while its loss stays sane
  // (as its path on the landscape), so it does not flatten the others against the axis
  const series = useMemo(
    () =>
      runs.map((r, k) => ({
        history: r.lossHistory.subarray(0, saneSteps(r)),
        label: runName(k),
        color: runStyle(k).color,
        dash: svgDash(runStyle(k)),
      })),
    [runs],
  );
  useEffect(() => chart.current?.update({ series, log }), [chart, series, log]);

  // A diverging run is drawn only as far as its loss stays sane, so it does not stretch the
  // landscape's window away from the others; the panel says what was left out.
  const drawn = useMemo(() => runs.map(drawnPath), [runs]);
  const paths = useMemo<PlotPath[]>(
    () =>
      runs.map((r, k) => ({
        points: r.points.slice(0, drawn[k].count),
        color: runStyle(k).color,
        dash: runStyle(k).dash,
        label: runName(k),
      })),
    [runs, drawn],
  );
  const cuts = drawn.flatMap(({ cut }, k) =>
    cut
      ? [
          `run ${runName(k)} diverged (loss ${Number.isNaN(cut.loss) ? 'not finite' : formatValue(cut.loss)}): not drawn past step ${cut.step}`,
        ]
      : [],
  );

  return (
    <aside
      className="math-panel panel compare-panel landscape-panel"
      aria-label="Compare optimizers"
      data-testid="compare-panel"
      data-state={ready ? 'ready' : 'computing'}
    >
      <p className="compare-intro muted">
        Each run starts from the current parameters with fresh optimizer state and trains on the same data; only the
        optimizer differs.
      </p>
      <div className="compare-head">
        <label>
          Steps
          <select
            value={setup.steps}
            onChange={(e) => change({ ...setup, steps: Number(e.target.value) })}
            data-testid="compare-steps"
          >
            {COMPARISON_STEPS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => change(withRunAdded(setup, current.learningRate))}
          disabled={setup.runs.length >= MAX_RUNS}
          data-testid="compare-add"
        >
          + Add a run
        </button>
        <button
          type="button"
          onClick={() => change(null)}
          disabled={st.comparison === null}
          title="Back to the scenario’s optimizer beside momentum and Adam"
        >
          Default runs
        </button>
      </div>
      <ol className="compare-runs" aria-label="Runs">
        {setup.runs.map((o, k) => {
          const run = runs[k];
          const style = runStyle(k);
          const final = run && ready ? run.lossHistory[run.lossHistory.length - 1] : NaN;
          const same = JSON.stringify(o) === JSON.stringify(current);
          return (
            <li
              key={k}
              className="compare-run"
              data-testid={`compare-run-${k}`}
              data-final-loss={String(final)}
              data-optimizer={o.type}
              aria-label={`Run ${runName(k)}: ${describeOptimizer(o)}`}
            >
              <svg className="compare-swatch" width="34" height="14" aria-hidden="true">
                <line
                  x1="1"
                  y1="7"
                  x2="33"
                  y2="7"
                  stroke={style.color}
                  strokeWidth="3"
                  strokeDasharray={svgDash(style)}
                />
              </svg>
              <strong className="compare-letter">{runName(k)}</strong>
              <select
                aria-label={`Optimizer of run ${runName(k)}`}
                value={o.type}
                data-testid={`compare-type-${k}`}
                onChange={(e) => setRun(k, optimizerOfType(e.target.value as OptimizerType, o.learningRate))}
              >
                {OPTIMIZER_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
              <span className="compare-result" data-testid={`compare-result-${k}`}>
                {run && run.diverged !== null ? (
                  <span className="compare-diverged">not finite from step {run.diverged}</span>
                ) : ready ? (
                  <>L = {formatValue(final)}</>
                ) : (
                  <span className="muted">
                    step {run?.done ?? 0} of {setup.steps}
                  </span>
                )}
              </span>
              <span className="compare-actions">
                {same ? (
                  <span className="muted" title="This run uses the scenario’s optimizer">
                    current
                  </span>
                ) : (
                  <button
                    type="button"
                    onClick={() => st.adopt(o)}
                    title={`Make ${describeOptimizer(o)} the scenario’s optimizer (undoable)`}
                    data-testid={`compare-adopt-${k}`}
                  >
                    Use
                  </button>
                )}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove run ${runName(k)}`}
                  disabled={setup.runs.length <= MIN_RUNS}
                  onClick={() => change(withRunRemoved(setup, k))}
                  data-testid={`compare-remove-${k}`}
                >
                  ×
                </button>
              </span>
              <span className="compare-fields">
                {optimizerFields(o).map((f) => (
                  <span className="compare-field" key={f.key}>
                    <span className="muted">{f.symbol}</span>
                    <EditableNumber
                      value={f.value}
                      label={`${f.key} of run ${runName(k)}`}
                      digits={6}
                      testId={`compare-${k}-${f.key}`}
                      onCommit={(v) => setRun(k, { ...o, [f.key]: v } as Optimizer)}
                    />
                  </span>
                ))}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="compare-chart">
        <div className="panel-head">
          <h3>Loss, {setup.steps} steps</h3>
          {!ready && <progress max={1} value={progress} aria-label="Computing the runs" />}
          <label className="muted">
            <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> log
          </label>
        </div>
        <svg ref={svgRef} role="img" data-testid="compare-chart" />
      </div>
      <h3>Paths over the loss landscape</h3>
      {cuts.length > 0 && (
        <p className="compare-cut" data-testid="compare-cut">
          {cuts.join('; ')}. The range fits the rest.
        </p>
      )}
      <LandscapePlot
        paths={paths}
        showStep={false}
        initialRange="fit"
        legend={
          <p className="landscape-key muted">
            Each run’s path from the shared start (white dot) to where its {setup.steps} steps end, over two parameters;
            the other parameters are held at their start values for the colours.
          </p>
        }
      />
    </aside>
  );
}

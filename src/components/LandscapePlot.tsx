import { sampleRange } from '../view/sample-range.ts';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { batchRange } from '../core/compile.ts';
import type { Params } from '../core/model.ts';
import {
  createLossGridJob,
  fillLossGrid,
  gridWindow,
  paramValue,
  windowAround,
  type LossGrid,
  type ParamRef,
} from '../core/landscape.ts';
import { formatValue } from '../core/format-number.ts';
import { createLandscapeView } from '../view/landscape-view.ts';
import { defaultPair, paramOptions } from './landscape-options.ts';
import { shownStep } from '../store/app-state.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { useSizedView } from './use-sized-view.ts';
import './landscape.css';

/** How long one slice of the grid may hold the main thread. */
const SLICE_MS = 10;
const RANGES = ['0.5', '1', '2', '3', '5', 'relative', 'fit'] as const;
export type Range = (typeof RANGES)[number];
const RANGE_NAMES: Partial<Record<Range, string>> = { relative: '±2·|θ|', fit: 'fit the paths' };
const RESOLUTIONS = [32, 64, 96, 128] as const;

interface Computed {
  readonly key: string;
  readonly grid: LossGrid;
}

const value = (p: Params, r: ParamRef) => paramValue(p, r);

/** A run to draw through the two parameters: its parameters along the way, and its style. */
export interface PlotPath {
  readonly points: readonly Params[];
  readonly color: string;
  readonly dash?: readonly number[];
  readonly label?: string;
}

interface Props {
  readonly paths: readonly PlotPath[];
  /** draw −∇ and the optimizer's next step at the point */
  readonly showStep: boolean;
  /** what the marks mean, under the plot */
  readonly legend: ReactNode;
  /** the grid's range to start with (default ±1); 'fit' holds the point and every path */
  readonly initialRange?: Range;
}

/**
 * The loss of the batch shown (the step's own, or the one picked in the Data tab) over two chosen parameters, everything else fixed: a colour
 * map with contours, the point, optionally −∇ and the optimizer's step, and training runs'
 * paths. The grid is computed in slices, one per animation frame; a stale one is cancelled.
 */
export function LandscapePlot({ paths, showStep, legend, initialRange = '1' }: Props) {
  const store = useAppStoreApi();
  const st = useAppStore((s) => ({
    selection: s.selection,
    landscapePair: s.landscapePair,
    setLandscapePair: s.setLandscapePair,
  }));
  // As the math panel does: the store's settled values, so a drag does not restart the grid every frame.
  const settled = useAppStore((s) => s.settled);
  // The batch shown (another one when a point of it was clicked in the Data tab, as the math
  // panel): the loss, −∇ and the optimizer's step are those of that batch.
  const batchShown = useAppStore((s) => s.batchShown);
  const { scenario } = settled;
  const compiled = store.selectors.compiled(settled);
  const iteration = store.selectors.iteration({ ...settled, batchShown });
  // the step's own batch, which the next training step trains
  const own = batchRange(compiled.data.count, compiled.batchSize, settled.optimizerState?.t ?? 0);
  const picked = shownStep({ ...settled, batchShown }) !== (settled.optimizerState?.t ?? 0);
  const { model, params } = compiled;
  const step = shownStep({ ...settled, batchShown });

  const options = useMemo(() => paramOptions(model, scenario), [model, scenario]);
  const [range, setRange] = useState<Range>(initialRange);
  const [resolution, setResolution] = useState<number>(64);
  const pair = st.landscapePair;
  const valid = pair !== null && pair.every((k) => options.some((o) => o.key === k));
  const [k1, k2] = valid ? pair : defaultPair(model, options, st.selection);
  const o1 = options.find((o) => o.key === k1) ?? options[0];
  const o2 = options.find((o) => o.key === k2) ?? options[0];
  const t1 = value(params, o1.ref);
  const t2 = value(params, o2.ref);
  // each path through (θ₁, θ₂); a path from a network of another shape is not drawn
  const drawn = useMemo(
    () =>
      paths.map((run) => {
        const points: number[] = [];
        for (const p of run.points) {
          if (p.w.length !== model.weightCount || p.b.length !== model.biasCount) continue;
          points.push(value(p, o1.ref), value(p, o2.ref));
        }
        return { points, color: run.color, dash: run.dash, label: run.label };
      }),
    [paths, model, o1.ref, o2.ref],
  );

  const win =
    range === 'relative'
      ? gridWindow(t1, t2, 'relative')
      : range === 'fit'
        ? (windowAround([t1, t2, ...drawn.flatMap((p) => p.points)]) ?? gridWindow(t1, t2, 'fixed'))
        : gridWindow(t1, t2, 'fixed', Number(range));
  const key = JSON.stringify([k1, k2, win, resolution, step]);

  const [computed, setComputed] = useState<Computed | null>(null);
  const [progress, setProgress] = useState(0);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useSizedView(canvasRef, createLandscapeView);

  // The grid: points in slices of about SLICE_MS, one slice per frame; new inputs cancel the old job.
  useEffect(() => {
    const job = createLossGridJob(compiled, compiled.params, o1.ref, o2.ref, win, resolution, step);
    let frame = requestAnimationFrame(function tick() {
      const t0 = performance.now();
      let done = false;
      while (!done && performance.now() - t0 < SLICE_MS) done = fillLossGrid(job, 1);
      setProgress(job.filled / (job.grid.nx * job.grid.ny));
      if (done) setComputed({ key, grid: job.grid });
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
    // `key` names every input of the job
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [compiled, key]);

  const grid = computed?.grid ?? null;
  const ready = computed !== null && computed.key === key;
  const gradient: [number, number] = [
    value({ w: iteration.pass.dLdw, b: iteration.pass.dLdb }, o1.ref),
    value({ w: iteration.pass.dLdw, b: iteration.pass.dLdb }, o2.ref),
  ];
  const after: [number, number] = [value(iteration.after, o1.ref), value(iteration.after, o2.ref)];
  useEffect(() => {
    viewRef.current?.update({
      grid,
      xLabel: o1.label,
      yLabel: o2.label,
      point: [t1, t2],
      gradient: showStep ? gradient : null,
      after: showStep ? after : null,
      paths: drawn,
    });
    // the arrays are rebuilt each render from the numbers listed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [grid, o1.label, o2.label, t1, t2, gradient[0], gradient[1], after[0], after[1], drawn, showStep]);

  const attrs = ready && grid ? gridAttributes(grid, k1, k2, step) : { 'data-state': 'computing' };
  // A big network has tens of thousands of parameters: the same elements each render let
  // React skip them while the grid's progress re-renders the panel.
  const optionList = useMemo(
    () =>
      options.map((o) => (
        <option key={o.key} value={o.key}>
          {o.label}
        </option>
      )),
    [options],
  );
  return (
    <>
      <div className="landscape-controls">
        <label>
          θ₁ (across)
          <select value={k1} onChange={(e) => st.setLandscapePair([e.target.value, k2])} data-testid="landscape-p1">
            {optionList}
          </select>
        </label>
        <label>
          θ₂ (up)
          <select value={k2} onChange={(e) => st.setLandscapePair([k1, e.target.value])} data-testid="landscape-p2">
            {optionList}
          </select>
        </label>
        <label>
          range
          <select value={range} onChange={(e) => setRange(e.target.value as Range)} data-testid="landscape-range">
            {RANGES.filter((r) => r !== 'fit' || range === 'fit' || drawn.some((p) => p.points.length >= 4)).map(
              (r) => (
                <option key={r} value={r}>
                  {RANGE_NAMES[r] ?? `±${r}`}
                </option>
              ),
            )}
          </select>
        </label>
        <label>
          grid
          <select
            value={resolution}
            onChange={(e) => setResolution(Number(e.target.value))}
            data-testid="landscape-resolution"
          >
            {RESOLUTIONS.map((n) => (
              <option key={n} value={n}>{`${n}×${n}`}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="landscape-status muted" aria-live="polite">
        {k1 === k2 ? (
          <span>Pick two different parameters.</span>
        ) : ready ? (
          <span data-testid="landscape-summary">
            L over {sampleRange(iteration.start, iteration.count)}
            {picked
              ? ` (the batch picked in the Data tab; the next step trains ${sampleRange(own.start, own.count)})`
              : ''}{' '}
            at ({formatValue(t1)}, {formatValue(t2)}) = {formatValue(iteration.pass.loss)}; over the grid{' '}
            {formatValue(grid!.min)} to {formatValue(grid!.max)}
          </span>
        ) : (
          <>
            <progress max={1} value={progress} aria-label="Computing the landscape" /> computing…
          </>
        )}
      </div>
      <div
        className="landscape-plot"
        data-testid="landscape-plot"
        data-paths={drawn.filter((p) => p.points.length >= 4).length}
        data-path-points={drawn.map((p) => p.points.length / 2).join(',')}
        {...attrs}
      >
        <canvas ref={canvasRef} />
      </div>
      {legend}
    </>
  );
}

/** The grid's numbers for tests and exports: axes, and a few sampled points with their loss at full precision. */
function gridAttributes(g: LossGrid, k1: string, k2: string, step: number): Record<string, string> {
  const pick = [
    [0, 0],
    [g.ny - 1, g.nx - 1],
    [g.ny >> 1, g.nx >> 1],
    [g.ny >> 2, (3 * g.nx) >> 2],
    [g.ny - 1, 0],
  ];
  const samples = pick.map(([row, col]) => ({
    row,
    col,
    x: g.xs[col],
    y: g.ys[row],
    loss: g.values[row * g.nx + col],
  }));
  return {
    'data-state': 'ready',
    'data-p1': k1,
    'data-p2': k2,
    'data-step': String(step),
    'data-nx': String(g.nx),
    'data-ny': String(g.ny),
    'data-x0': String(g.xs[0]),
    'data-dx': String(g.xs[1] - g.xs[0]),
    'data-y0': String(g.ys[0]),
    'data-dy': String(g.ys[1] - g.ys[0]),
    'data-min': String(g.min),
    'data-max': String(g.max),
    'data-samples': JSON.stringify(samples),
  };
}

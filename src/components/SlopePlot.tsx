import { useEffect, useMemo, useRef, useState } from 'react';
import {
  createLossCurveJob,
  curveWindow,
  fillLossGrid,
  lossCurve,
  paramValue,
  type LossGrid,
} from '../core/landscape.ts';
import { createSlopePlotView } from '../view/slope-plot-view.ts';
import { paramOptions, selectedParamKey, type ParamOption } from './landscape-options.ts';
import { Num } from './Num.tsx';
import { shownStep } from '../store/app-state.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { useSizedView } from './use-sized-view.ts';

/** How long one slice of the curve may hold the main thread, and its points (odd: θ is one of them). */
const SLICE_MS = 10;
const POINTS = 101;

interface Computed {
  readonly key: string;
  readonly curve: LossGrid;
}

/**
 * J(θ) for the selected weight or bias, every other parameter held: the curve, the tangent at
 * the current θ (its slope is the gradient the app computed, its sign the way θ must go) and
 * the step to the next θ as an arrow, with the numbers of the step written out under it.
 */
export function SlopePlot() {
  const store = useAppStoreApi();
  const selection = useAppStore((s) => s.selection);
  const settled = useAppStore((s) => s.settled);
  const { model } = store.selectors.compiled(settled);
  const key = selectedParamKey(model, selection);
  const options = useMemo(() => paramOptions(model, settled.scenario), [model, settled.scenario]);
  const option = key === null ? undefined : options.find((o) => o.key === key);
  if (option === undefined) {
    return (
      <p className="slope-plot-hint muted" data-testid="slope-plot-hint">
        Select a weight or a bias to see the loss along it, J(θ), with its slope and the step.
      </p>
    );
  }
  return <SlopeCurve option={option} />;
}

/** The plot of one parameter (mounted per parameter shown, so its view is created with its svg). */
function SlopeCurve({ option }: { option: ParamOption }) {
  const store = useAppStoreApi();
  const settled = useAppStore((s) => s.settled);
  // The batch shown (another one when a point of it was clicked in the Data tab), as the math
  // panel and the landscape: J, its slope and the step are those of that batch.
  const batchShown = useAppStore((s) => s.batchShown);
  const { scenario } = settled;
  const compiled = store.selectors.compiled(settled);
  const iteration = store.selectors.iteration({ ...settled, batchShown });
  const { params } = compiled;
  const step = shownStep({ ...settled, batchShown });
  const key = option.key;

  const svgRef = useRef<SVGSVGElement>(null);
  const viewRef = useSizedView(svgRef, createSlopePlotView);
  const [computed, setComputed] = useState<Computed | null>(null);

  const ref = option.ref;
  const theta = paramValue(params, ref);
  const slope = paramValue({ w: iteration.pass.dLdw, b: iteration.pass.dLdb }, ref);
  const next = paramValue(iteration.after, ref);
  const win = curveWindow(theta, next, 1);
  const jobKey = JSON.stringify([key, win, step]);
  const nextLoss = useMemo(
    () => (next !== theta ? lossCurve(compiled, params, ref, Float64Array.of(next), step).values[0] : null),
    [compiled, params, ref, next, theta, step],
  );

  // The curve in slices of about SLICE_MS, one per frame; new inputs cancel the old job.
  useEffect(() => {
    const xs = Float64Array.from({ length: POINTS }, (_, k) => win.c + (win.r * (2 * k - (POINTS - 1))) / (POINTS - 1));
    const job = createLossCurveJob(compiled, compiled.params, ref, xs, step);
    let frame = requestAnimationFrame(function tick() {
      const t0 = performance.now();
      let done = false;
      while (!done && performance.now() - t0 < SLICE_MS) done = fillLossGrid(job, 4);
      if (done) setComputed({ key: jobKey, curve: job.grid });
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
    // `jobKey` names every input of the job besides the compiled scenario
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [compiled, jobKey]);

  const ready = computed !== null && computed.key === jobKey;
  const label = option.label;
  const loss = iteration.pass.loss;
  useEffect(() => {
    viewRef.current?.update({
      label,
      data: ready
        ? {
            xs: computed.curve.xs,
            values: computed.curve.values,
            theta,
            loss,
            slope,
            next: next === theta ? null : next,
            nextLoss,
          }
        : null,
    });
  }, [viewRef, ready, computed, label, theta, loss, slope, next, nextLoss]);

  const optimizer = scenario.optimizer;
  const sign = slope > 0 ? '> 0' : slope < 0 ? '< 0' : '= 0';
  const way = slope > 0 ? 'goes down (left)' : slope < 0 ? 'goes up (right)' : 'stays';
  return (
    <section className="slope-plot" aria-label={`Loss along ${label}`}>
      <div
        className="slope-plot-box"
        data-testid="slope-plot"
        data-state={ready ? 'ready' : 'computing'}
        data-param={key}
        data-theta={String(theta)}
        data-loss={String(loss)}
        data-slope={String(slope)}
        data-next={String(next)}
        data-curve-at-theta={ready ? String(computed.curve.values[(POINTS - 1) / 2]) : ''}
        data-x0={ready ? String(computed.curve.xs[0]) : ''}
        data-x1={ready ? String(computed.curve.xs[POINTS - 1]) : ''}
      >
        <svg ref={svgRef} />
      </div>
      <p className="slope-plot-caption" data-testid="slope-plot-caption">
        At {label} = <Num value={theta} />: J = <Num value={loss} />, slope ∂J/∂{label} = <Num value={slope} /> {sign},
        so {label} {way}.{' '}
        {next === theta ? (
          <>It is frozen: no step.</>
        ) : optimizer.type === 'sgd' ? (
          <>
            Step: {label} − η·∂J/∂{label} = <Num value={theta} /> − <Num value={optimizer.learningRate} /> ×{' '}
            {slope < 0 ? (
              <>
                (<Num value={slope} />)
              </>
            ) : (
              <Num value={slope} />
            )}{' '}
            = <Num value={next} />.
          </>
        ) : (
          <>
            The optimizer ({optimizer.type}) takes it to <Num value={next} />.
          </>
        )}
      </p>
    </section>
  );
}

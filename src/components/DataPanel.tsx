import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { formatValue } from '../core/format-number.ts';
import { nameToText, nodeName } from '../core/notation.ts';
import { outputReading } from '../core/output-reading.ts';
import type { Scenario } from '../core/scenario.ts';
import {
  withSampleAppended,
  withSampleInputs,
  withSampleOfSetRemoved,
  type SampleSet,
} from '../core/scenario-edits.ts';
import { classColor, classShape, rgbCss } from '../view/data-plane-colors.ts';
import { createFrameBuilder } from '../view/data-plane-frame.ts';
import { MAX_PICTURES, picturesFit } from '../view/neuron-pictures-frame.ts';
import { classTarget } from '../view/data-plane-model.ts';
import { createDataPlaneView, shapePath, type DataPlaneMode } from '../view/data-plane-view.ts';
import { dataAxes, planeAxes } from './data-axes.ts';
import { DataCsvControls } from './DataCsvControls.tsx';
import { DataGenerator } from './DataGenerator.tsx';
import { useNotation } from './notation-context.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { useDataReadout } from './use-data-readout.ts';
import { useSizedView } from './use-sized-view.ts';
import { sameUnlessTrainingEnds } from './redraw-on-training.ts';
import './data.css';

const MODES: readonly { mode: DataPlaneMode; label: string; hint: string }[] = [
  {
    mode: 'select',
    label: 'Select',
    hint: 'click a point to step through its sample; drag it to move it (Alt or Shift+click removes)',
  },
  { mode: 'add', label: 'Add', hint: 'click on the plane to add a training point of the chosen class' },
  { mode: 'remove', label: 'Remove', hint: 'click a point to remove it' },
];

function percent(v: number): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '—';
}

/**
 * The Data tab: the samples over the plane of two inputs with the network's output behind
 * them (or its curves over one input), live while training or dragging; points can be
 * selected, added, moved and removed (each an undoable edit), generated or read from a CSV.
 */
export function DataPanel() {
  const store = useAppStoreApi();
  const st = useAppStore((s) => ({
    settled: s.settled.scenario,
    presentation: s.presentation,
    precision: s.precision,
    nIn: s.scenario.layers[0].size,
    nOut: s.scenario.layers[s.scenario.layers.length - 1].size,
    labels: s.scenario.layers[0].labels,
    pictures: s.neuronPictures,
    picturesFit: picturesFit(store.selectors.compiled(s).model),
  }));
  const { notation } = useNotation();
  const inputLabel = useCallback(
    (k: number) => nameToText(nodeName(store.getState().scenario, 0, k, notation)),
    [store, notation],
  );
  const [mode, setMode] = useState<DataPlaneMode>('select');
  const [addClass, setAddClass] = useState(1);
  const [addValue, setAddValue] = useState('0');
  const [addTo, setAddTo] = useState<SampleSet>('train');
  const axes = useStore(dataAxes, (d) => d.axes);
  const setAxes = dataAxes.getState().setAxes;
  const [inspected, setInspected] = useState<number | null>(null);
  const readout = useDataReadout(st.settled);
  const reading = readout.reading;
  const [i, j] = planeAxes(axes, st.nIn);

  // the intent of the moment, read by the view's callbacks (stable, so the view is made once)
  const live = useRef({ mode, addClass, addValue, addTo, i, j });
  live.current = { mode, addClass, addValue, addTo, i, j };
  const dragging = useRef(false);

  const edit = useCallback(
    (change: (s: Scenario) => Scenario, what: string) => store.getState().changeScenario(change, what),
    [store],
  );

  const create = useCallback(
    (root: HTMLDivElement) =>
      createDataPlaneView(root, {
        select(set, index) {
          const s = store.getState();
          if (set === 'test') {
            setInspected(index);
            return;
          }
          setInspected(null);
          s.showSample(index);
        },
        remove(set, index) {
          edit(
            (sc) => withSampleOfSetRemoved(sc, set, index),
            `Remove ${set === 'train' ? 'training' : 'test'} sample ${index + 1}`,
          );
        },
        add(u, v) {
          const s = store.getState();
          const c = store.selectors.compiled(s);
          const r = outputReading(c.model, [c.data, c.testData]);
          const { addClass: k, addValue: value, addTo: set, i: ai, j: aj } = live.current;
          const nOut = c.model.sizes[c.model.depth];
          const it = store.selectors.iteration(s);
          const base = s.scenario.data[it.start + s.sample]?.x ?? s.scenario.data[0].x;
          const x = base.slice();
          x[ai] = u;
          let y: number[];
          if (aj < 0) y = Array.from({ length: nOut }, () => v);
          else if (r.kind === 'values') {
            const t = Number(value);
            if (value.trim() === '' || !Number.isFinite(t)) {
              s.setNotice({ kind: 'error', text: `Target “${value}” is not a number; no point was added.` });
              return;
            }
            y = [t];
          } else y = classTarget(k, nOut, r);
          if (aj >= 0) x[aj] = v;
          edit((sc) => withSampleAppended(sc, set, { x, y }), 'Add a point');
        },
        drag(set, index, u, v, phase) {
          const s = store.getState();
          const { i: ai, j: aj } = live.current;
          if (phase === 'start') {
            dragging.current = true;
            s.setScrubbing(true);
          }
          const axesMoved = aj < 0 ? [ai] : [ai, aj];
          const values = aj < 0 ? [u] : [u, v];
          s.changeScenario((sc) => withSampleInputs(sc, set, index, axesMoved, values), 'Move a point');
          if (phase === 'end') {
            dragging.current = false;
            s.setScrubbing(false);
          }
        },
      }),
    [store, edit],
  );
  const plotRef = useRef<HTMLDivElement>(null);
  const view = useSizedView(plotRef, create);
  const build = useMemo(() => createFrameBuilder(store.selectors.planeGrid), [store]);

  // The picture follows the live scenario (training frames, drags) without re-rendering React.
  useEffect(() => {
    const draw = () => {
      const s = store.getState();
      const v = view.current;
      if (!v) return;
      const compiled = store.selectors.compiled(s);
      const it = store.selectors.iteration(s);
      const selected = it.start + s.sample;
      const sc = s.scenario;
      const r = outputReading(compiled.model, [compiled.data, compiled.testData]);
      // the axes for the network now: a new scenario can come before this effect sees its input count
      const [i, j] = planeAxes(dataAxes.getState().axes, compiled.model.sizes[0]);
      const labels = Array.from({ length: compiled.model.sizes[0] }, (_, k) => inputLabel(k));
      v.update(
        build({
          compiled,
          params: compiled.params,
          data: sc.data,
          testData: sc.testData ?? [],
          reading: r,
          i,
          j,
          fixed: sc.data[selected]?.x ?? sc.data[0].x,
          selected,
          mode,
          labels,
          outputLabel: 'ŷ',
          busy: s.training,
        }),
      );
    };
    draw();
    // training's end (busy no more) redraws the coarse grid of its frames at full resolution; its start alone does not
    return store.subscribe((s) => [s.scenario, s.sample, s.optimizerState, s.batchShown, s.training] as const, draw, {
      equalityFn: sameUnlessTrainingEnds,
    });
  }, [store, view, build, i, j, mode, inputLabel]);

  const s = store.getState();
  const it = store.selectors.iteration(s);
  const selected = it.start + s.sample;
  const scenario = st.settled;
  const testCount = scenario.testData?.length ?? 0;
  const held =
    st.nIn > 2
      ? Array.from({ length: st.nIn }, (_, k) => k)
          .filter((k) => k !== i && k !== j)
          .map((k) => `${inputLabel(k)} = ${formatValue(scenario.data[selected]?.x[k] ?? NaN, st.precision)}`)
      : [];
  const f = (v: number) => (Number.isFinite(v) ? formatValue(v, st.precision) : '—');
  const inspectedSample = inspected === null ? undefined : scenario.testData?.[inspected];

  return (
    <aside
      className={`math-panel panel data-panel${st.presentation ? ' data-panel-large' : ''}`}
      aria-label="Data"
      data-testid="data-panel"
    >
      <div className="data-readout" data-testid="data-readout">
        <span data-testid="data-counts">
          {scenario.data.length} training sample{scenario.data.length === 1 ? '' : 's'}
          {testCount > 0 ? `, ${testCount} test` : ', no test data'}
        </span>
        <span>
          L = {f(readout.loss)}
          {readout.penalty !== 0 ? ` (data ${f(readout.dataLoss)} + penalty ${f(readout.penalty)})` : ''}
        </span>
        {testCount > 0 && <span data-testid="data-test-loss">test L = {f(readout.testLoss)}</span>}
        {reading.kind === 'classes' && (
          <span data-testid="data-accuracy">
            accuracy {percent(readout.accuracy)}
            {testCount > 0 ? `, test ${percent(readout.testAccuracy)}` : ''}
          </span>
        )}
      </div>
      {!st.presentation && (
        <div className="data-tools" role="toolbar" aria-label="Data view tools">
          <span role="radiogroup" aria-label="Click on the plane to">
            {MODES.map((m) => (
              <label key={m.mode} title={m.hint}>
                <input
                  type="radio"
                  name="data-mode"
                  value={m.mode}
                  checked={mode === m.mode}
                  onChange={() => setMode(m.mode)}
                  data-testid={`data-mode-${m.mode}`}
                />{' '}
                {m.label}
              </label>
            ))}
          </span>
          {mode === 'add' && st.nIn > 1 && reading.kind === 'classes' && (
            <span role="radiogroup" aria-label="Class of new points">
              {Array.from({ length: reading.classes }, (_, k) => (
                <label key={k}>
                  <input
                    type="radio"
                    name="data-class"
                    checked={addClass === k}
                    onChange={() => setAddClass(k)}
                    data-testid={`data-class-${k}`}
                  />{' '}
                  <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
                    <path d={shapePath(classShape(k), 5)} fill={rgbCss(classColor(k))} stroke="#1a1a1a" />
                  </svg>{' '}
                  class{' '}
                  {st.nOut > 1
                    ? k + 1
                    : k === 1
                      ? formatValue(reading.hi, st.precision)
                      : formatValue(reading.lo, st.precision)}
                </label>
              ))}
            </span>
          )}
          {mode === 'add' && st.nIn > 1 && reading.kind === 'values' && (
            <label>
              target{' '}
              <input
                type="text"
                inputMode="decimal"
                size={6}
                value={addValue}
                onChange={(e) => setAddValue(e.target.value)}
                data-testid="data-add-value"
              />
            </label>
          )}
          {mode === 'add' && (
            <label>
              to{' '}
              <select value={addTo} onChange={(e) => setAddTo(e.target.value as SampleSet)} data-testid="data-add-set">
                <option value="train">training data</option>
                <option value="test">test data</option>
              </select>
            </label>
          )}
          <label
            title={
              st.picturesFit
                ? st.nIn === 1
                  ? 'each hidden and output node’s activation over the input, as a curve in its circle (hover a node to enlarge it)'
                  : 'each hidden and output node’s activation over this plane, in its circle (hover a node to enlarge it)'
                : `only for networks of at most ${MAX_PICTURES} nodes past the inputs`
            }
          >
            <input
              type="checkbox"
              checked={st.pictures}
              onChange={(e) => store.getState().setNeuronPictures(e.target.checked)}
              data-testid="neuron-pictures-toggle"
            />{' '}
            Neuron pictures{st.pictures && !st.picturesFit ? ' (not for this network)' : ''}
          </label>
          {st.nIn > 2 && (
            <span>
              <label>
                across{' '}
                <select value={i} onChange={(e) => setAxes([Number(e.target.value), j])} data-testid="data-axis-x">
                  {Array.from({ length: st.nIn }, (_, k) => (
                    <option key={k} value={k}>
                      {inputLabel(k)}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <label>
                up{' '}
                <select value={j} onChange={(e) => setAxes([i, Number(e.target.value)])} data-testid="data-axis-y">
                  {Array.from({ length: st.nIn }, (_, k) => (
                    <option key={k} value={k} disabled={k === i}>
                      {inputLabel(k)}
                    </option>
                  ))}
                </select>
              </label>
            </span>
          )}
        </div>
      )}
      {held.length > 0 && (
        <p className="muted data-held" data-testid="data-held">
          The other inputs are held at sample {selected + 1}’s values: {held.join(', ')}.
        </p>
      )}
      <div ref={plotRef} className="data-plot" data-testid="data-plot" />
      <p className="muted data-key">
        Filled: training data; hollow: test data (never trained on). Behind them:{' '}
        {st.nIn === 1
          ? 'the network’s output ŷ as a curve over the input.'
          : reading.kind === 'classes'
            ? 'the class the network predicts, deeper the surer.'
            : 'the network’s output, orange low to blue high.'}
      </p>
      {inspectedSample && (
        <p className="muted" data-testid="data-inspected">
          Test sample {inspected! + 1}: x = ({inspectedSample.x.map(f).join(', ')}), y = (
          {inspectedSample.y.map(f).join(', ')}). Test samples are never trained on, so no iteration runs on them.
        </p>
      )}
      {!st.presentation && (
        <>
          <DataGenerator />
          <DataCsvControls />
        </>
      )}
    </aside>
  );
}

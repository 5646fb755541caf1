import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { comparisonOf, defaultComparison, withRun, withRunAdded } from '../../src/core/comparison.ts';
import { createTrainer, train } from '../../src/core/train.ts';
import { trainWithHistories } from '../../src/core/train-histories.ts';
import { createTrainingSession } from '../../src/core/training-session.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';

const fresh = (id = 'mazur') => createAppStore(initialInputs(loadPreset(id)!, id));

describe('the training path', () => {
  it('is kept by the store, whatever panel is open: a single call is a run of its own', () => {
    const store = fresh();
    const start = store.selectors.compiled(store.getState()).params;
    store.getState().trainSteps(100);
    const path = store.getState().run.path;
    expect(path.length).toBeGreaterThan(2);
    expect(path.length).toBeLessThanOrEqual(33);
    expect(Array.from(path[0].w)).toEqual(Array.from(start.w));
    expect(Array.from(path[path.length - 1].w)).toEqual(
      Array.from(store.selectors.compiled(store.getState()).params.w),
    );
    // the next call, outside a run in slices, starts a new path
    store.getState().trainSteps(10);
    expect(Array.from(store.getState().run.path[0].w)).toEqual(Array.from(path[path.length - 1].w));
  });

  it('follows a run in slices from its start, and the next run starts afresh', () => {
    const store = fresh();
    const start = store.selectors.compiled(store.getState()).params.w.slice();
    store.getState().setTraining(true);
    for (let k = 0; k < 5; k++) store.getState().trainSteps(3);
    store.getState().setTraining(false);
    const path = store.getState().run.path;
    expect(path.length).toBe(16);
    expect(Array.from(path[0].w)).toEqual(Array.from(start));
    // each point is the parameters after that many steps of one uninterrupted run
    const tr = createTrainer(compileScenario(loadPreset('mazur')!));
    train(tr, 15);
    expect(Array.from(path[15].w)).toEqual(Array.from(tr.params.w));
    store.getState().setTraining(true);
    // the run record changes with the run's first steps (so undo of the run brings back this one whole)
    expect(store.getState().run.path).toBe(path);
    store.getState().trainSteps(2);
    expect(store.getState().run.path).toHaveLength(3);
    expect(Array.from(store.getState().run.path[0].w)).toEqual(Array.from(path[15].w));
  });

  it('stays within its budget on a long run, keeping its ends', () => {
    const store = fresh();
    store.getState().setTraining(true);
    for (let k = 0; k < 100; k++) store.getState().trainSteps(64);
    const path = store.getState().run.path;
    expect(path.length).toBeLessThanOrEqual(2000);
    expect(path.length).toBeGreaterThan(1000);
    expect(Array.from(path[path.length - 1].w)).toEqual(
      Array.from(store.selectors.compiled(store.getState()).params.w),
    );
  });

  it('is cleared by loading another scenario', () => {
    const store = fresh();
    store.getState().trainSteps(10);
    store.getState().loadPreset('numpy-341');
    expect(store.getState().run.path).toEqual([]);
  });
});

describe('the optimizer comparison', () => {
  it('takes a valid setup and refuses an invalid one with a notice naming the run and field', () => {
    const store = fresh();
    const setup = withRunAdded(defaultComparison(store.getState().scenario.optimizer), 0.5);
    expect(store.getState().setComparison(setup)).toBe(true);
    expect(store.getState().comparison).toBe(setup);
    const bad = withRun(setup, 3, { type: 'sgd', learningRate: 0 });
    expect(store.getState().setComparison(bad)).toBe(false);
    expect(store.getState().comparison).toBe(setup);
    expect(store.getState().notice?.text).toMatch(/^Comparison: not possible/);
    expect(store.getState().notice?.details).toEqual(['run D: learningRate: expected a number > 0, got 0']);
  });

  it('adopts a run’s optimizer as the scenario’s, keeping the runs shown, undoably', () => {
    const store = fresh();
    const runs = comparisonOf(null, store.getState().scenario.optimizer).runs;
    expect(store.getState().adoptComparisonRun(runs[2])).toBe(true);
    expect(store.getState().scenario.optimizer).toEqual(runs[2]);
    // the default would now follow the new optimizer: the runs shown are kept instead
    expect(comparisonOf(store.getState().comparison, store.getState().scenario.optimizer).runs).toEqual(runs);
    store.getState().undo();
    expect(store.getState().scenario.optimizer).toEqual(runs[0]);
  });

  it('goes back to the default when another scenario is loaded', () => {
    const store = fresh();
    store.getState().setComparison(withRunAdded(defaultComparison(store.getState().scenario.optimizer), 0.5));
    store.getState().loadPreset('numpy-341');
    expect(store.getState().comparison).toBeNull();
  });
});

describe('the landscape pair', () => {
  it('is kept until another scenario is loaded', () => {
    const store = fresh();
    store.getState().setLandscapePair(['w:5', 'w:7']);
    store.getState().trainSteps(3);
    expect(store.getState().landscapePair).toEqual(['w:5', 'w:7']);
    store.getState().loadPreset('numpy-341');
    expect(store.getState().landscapePair).toBeNull();
  });
});

describe('the training path of a big network', () => {
  it('keeps at most the points its budget allows, and a call takes only that many snapshots', () => {
    // 3-500-500-1: about 252,000 parameters, so the 2,000,000-number budget allows 7 points
    const scenario = {
      format: 'backprop-scenario/1' as const,
      layers: [
        { size: 3 },
        { size: 500, activation: { type: 'relu' as const }, bias: true },
        { size: 500, activation: { type: 'relu' as const }, bias: true },
        { size: 1, activation: { type: 'identity' as const }, bias: true },
      ] as Scenario['layers'],
      init: { type: 'xavier' as const, seed: 1 },
      loss: 'mse' as const,
      data: [{ x: [1, 2, 3], y: [1] }],
      optimizer: { type: 'sgd' as const, learningRate: 0.001 },
    };
    const parsed = parseScenario(scenario);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const store = createAppStore(initialInputs(parsed.value, null));
    const size = 3 * 500 + 500 * 500 + 500 + 1000 + 1;
    const cap = Math.floor(2_000_000 / size);
    expect(cap).toBe(7);
    // 40 steps with 7 snapshots: the start and every ⌈40/6⌉ = 7 steps (7, 14, …, 35) and the end,
    // taken as it trains (32 snapshots thinned afterwards would leave 6: steps 0, 8, …, 40)
    store.getState().trainSteps(40);
    expect(store.getState().run.path.length).toBe(7);
    store.getState().setTraining(true);
    for (let k = 0; k < 6; k++) store.getState().trainSteps(5);
    store.getState().setTraining(false);
    const path = store.getState().run.path;
    expect(path.length).toBeLessThanOrEqual(cap);
    expect(Array.from(path[path.length - 1].w.subarray(0, 5))).toEqual(
      Array.from(store.selectors.compiled(store.getState()).params.w.subarray(0, 5)),
    );
  });
});

describe('the run record (loss history and path together)', () => {
  it('is rewound by undo as a whole: the chart and the landscape path go back together', () => {
    const store = fresh();
    store.getState().trainSteps(20);
    const first = store.getState().run;
    expect(first.path.length).toBeGreaterThan(1);
    store.getState().setTraining(true);
    store.getState().trainSteps(10);
    store.getState().trainSteps(10);
    store.getState().setTraining(false);
    expect(store.getState().run.lossHistory).toHaveLength(41);
    store.getState().undo();
    // the landscape draws the first run again, not the undone one
    expect(store.getState().run).toBe(first);
    store.getState().undo();
    expect(Array.from(store.getState().run.lossHistory)).toEqual([]);
    expect(store.getState().run.path).toEqual([]);
    store.getState().redo();
    expect(store.getState().run).toBe(first);
  });
});

describe('a run reported by a training session', () => {
  it('shows the iteration’s end from the run’s start, as its reports do: the first report changes numbers, not what the diagram marks', () => {
    const store = fresh('numpy-341');
    expect(store.getState().position).toBe(0);
    const end = store.selectors.plan(store.getState()).events.length;
    store.getState().setTraining(true);
    expect(store.getState().position).toBe(end);
    const c = store.selectors.compiled(store.getState());
    store.getState().applyTrainingProgress(createTrainingSession(c, c.params, null, 10, 4, () => 0).advance(0));
    expect(store.getState().position).toBe(store.selectors.plan(store.getState()).events.length);
    // the end of a run leaves the position where the run showed it
    store.getState().setTraining(false);
    expect(store.getState().position).toBe(store.selectors.plan(store.getState()).events.length);
  });

  it('is shown as it goes, ends on the core’s loss and parameters, and is one undo entry', () => {
    const store = fresh('numpy-341');
    const c = store.selectors.compiled(store.getState());
    const before = store.getState().scenario;
    const session = createTrainingSession(c, c.params, null, 1000, 64, () => 0);
    store.getState().setTraining(true);
    let report;
    do {
      report = session.advance(0);
      store.getState().applyTrainingProgress(report);
    } while (!report.finished);
    store.getState().setTraining(false);
    const tr = createTrainer(compileScenario(loadPreset('numpy-341')!));
    const expected = train(tr, 1000);
    expect(Array.from(store.getState().run.lossHistory)).toEqual(Array.from(expected));
    expect(Array.from(store.selectors.compiled(store.getState()).params.w)).toEqual(Array.from(tr.params.w));
    expect(store.getState().optimizerState?.t).toBe(1000);
    expect(store.getState().run.path.length).toBeGreaterThan(2);
    store.getState().undo();
    expect(store.getState().scenario).toBe(before);
    expect(Array.from(store.getState().run.lossHistory)).toEqual([]);
    expect(store.getState().run.path).toEqual([]);
  });

  it('continues the loss history of an earlier run without repeating its last loss', () => {
    const store = fresh('numpy-341');
    store.getState().trainSteps(5);
    const s = store.getState();
    const c = store.selectors.compiled(s);
    const session = createTrainingSession(c, c.params, s.optimizerState, 5, 8, () => 0);
    s.setTraining(true);
    let report;
    do {
      report = session.advance(0);
      store.getState().applyTrainingProgress(report);
    } while (!report.finished);
    store.getState().setTraining(false);
    const tr = createTrainer(compileScenario(loadPreset('numpy-341')!));
    expect(Array.from(store.getState().run.lossHistory)).toEqual(Array.from(train(tr, 10)));
  });

  it('is ignored once the run was stopped (a report that arrives late changes nothing)', () => {
    const store = fresh('numpy-341');
    const c = store.selectors.compiled(store.getState());
    const session = createTrainingSession(c, c.params, null, 100, 8, () => 0);
    const scenario = store.getState().scenario;
    store.getState().applyTrainingProgress(session.advance(0));
    expect(store.getState().scenario).toBe(scenario);
    expect(Array.from(store.getState().run.lossHistory)).toEqual([]);
  });
});

describe('the test loss history', () => {
  it('goes step for step with the loss, in slices and in one call, and undo rewinds it with the run', () => {
    const store = fresh('playground');
    const c = store.selectors.compiled(store.getState());
    const expected = trainWithHistories(createTrainer(compileScenario(loadPreset('playground')!)), 60);
    const session = createTrainingSession(c, c.params, null, 40, 16, () => 0);
    store.getState().setTraining(true);
    let report;
    do {
      report = session.advance(0);
      store.getState().applyTrainingProgress(report);
    } while (!report.finished);
    store.getState().setTraining(false);
    store.getState().trainSteps(20);
    const run = store.getState().run;
    expect(Array.from(run.lossHistory)).toEqual(Array.from(expected.loss));
    expect(Array.from(run.testLossHistory)).toEqual(Array.from(expected.testLoss!));
    store.getState().undo();
    expect(Array.from(store.getState().run.testLossHistory)).toEqual(Array.from(expected.testLoss!.subarray(0, 41)));
    store.getState().clearHistory();
    expect(Array.from(store.getState().run.testLossHistory)).toEqual([]);
  });

  it('is empty without test data', () => {
    const store = fresh('mazur');
    store.getState().trainSteps(5);
    expect(store.getState().run.lossHistory).toHaveLength(6);
    expect(Array.from(store.getState().run.testLossHistory)).toEqual([]);
  });
});

describe('a report of a training run', () => {
  it('reaches each subscriber of the store once, with the position at the iteration’s end and the sample in the batch', () => {
    const store = fresh('numpy-341');
    store.getState().setPosition(0);
    const c = store.selectors.compiled(store.getState());
    const session = createTrainingSession(c, c.params, null, 12, 4, () => 0);
    store.getState().setTraining(true);
    let heard = 0;
    const unsubscribe = store.subscribe(() => heard++);
    for (let k = 0; k < 3; k++) store.getState().applyTrainingProgress(session.advance(0));
    unsubscribe();
    expect(heard).toBe(3);
    const s = store.getState();
    expect(s.position).toBe(store.selectors.plan(s).events.length);
    expect(s.position).toBeGreaterThan(0);
    expect(s.sample).toBeLessThan(store.selectors.iteration(s).count);
  });
});

describe('the settled scenario during a training run', () => {
  it('keeps its derived iteration across reports (the panels read it on every store update; recomputing it cost a full pass over 256 samples per report)', () => {
    const store = fresh('numpy-341');
    const c = store.selectors.compiled(store.getState());
    const session = createTrainingSession(c, c.params, null, 12, 4, () => 0);
    store.getState().setTraining(true);
    const settled = store.getState().settled;
    const first = store.selectors.iteration(settled);
    // what a panel of the settled scenario does on every update (the arithmetic warning)
    const seen = new Set<unknown>([first]);
    const unsubscribe = store.subscribe((s) => seen.add(store.selectors.iteration(s.settled)));
    for (let k = 0; k < 4; k++) store.getState().applyTrainingProgress(session.advance(0));
    unsubscribe();
    expect(store.getState().settled).toBe(settled);
    expect(seen.size).toBe(1);
  });
});

describe('the loss history of a run in reports', () => {
  it('is not copied per report: each report’s record extends the last one’s buffer, and undo’s record keeps its values', () => {
    const store = fresh('numpy-341');
    store.getState().trainSteps(5);
    const before = store.getState().run.lossHistory;
    const beforeValues = Array.from(before);
    const s = store.getState();
    const c = store.selectors.compiled(s);
    const session = createTrainingSession(c, c.params, s.optimizerState, 400, 128, () => 0);
    s.setTraining(true);
    const buffers = new Set<ArrayBufferLike>();
    let reports = 0;
    let report;
    do {
      report = session.advance(0);
      store.getState().applyTrainingProgress(report);
      const shown = store.getState().run.lossHistory;
      expect(shown).toBeInstanceOf(Float64Array);
      buffers.add(shown.buffer);
      reports++;
    } while (!report.finished);
    store.getState().setTraining(false);
    expect(reports).toBeGreaterThan(20);
    // a buffer that doubles: far fewer buffers than reports
    expect(buffers.size).toBeLessThan(8);
    const tr = createTrainer(compileScenario(loadPreset('numpy-341')!));
    expect(Array.from(store.getState().run.lossHistory)).toEqual(Array.from(train(tr, 405)));
    store.getState().undo();
    expect(store.getState().run.lossHistory).toBe(before);
    expect(Array.from(before)).toEqual(beforeValues);
  });
});

import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import {
  advanceComparison,
  comparisonErrors,
  comparisonOf,
  comparisonRuns,
  createComparisonJob,
  defaultComparison,
  drawnPath,
  saneSteps,
  BLOWUP,
  MAX_RUNS,
  MIN_RUNS,
  readComparison,
  runName,
  withRun,
  withRunAdded,
  withRunRemoved,
  type ComparisonRun,
  type ComparisonSetup,
} from '../../src/core/comparison.ts';
import type { Compiled } from '../../src/core/compile.ts';
import type { Params } from '../../src/core/model.ts';
import { ErrorList } from '../../src/core/codec/error-list.ts';
import { createTrainer, train } from '../../src/core/train.ts';
import type { Optimizer } from '../../src/core/scenario.ts';
import { loadPreset } from '../../src/presets/index.ts';

/** Every run of a setup at once: the job advanced to its end in one go. */
function runComparison(compiled: Compiled, setup: ComparisonSetup, params?: Params): ComparisonRun[] {
  const job = createComparisonJob(compiled, setup, params);
  expect(advanceComparison(job, Infinity)).toBe(true);
  return comparisonRuns(job);
}

const RUNS: Optimizer[] = [
  { type: 'sgd', learningRate: 0.5 },
  { type: 'momentum', learningRate: 0.5, momentum: 0.9 },
  { type: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  { type: 'sgd', learningRate: 0.05 },
];

describe('runComparison', () => {
  it('trains each optimizer from the same start and leaves the scenario as it was', () => {
    const compiled = compileScenario(loadPreset('mazur')!);
    const before = compiled.params.w.slice();
    const runs = runComparison(compiled, { runs: RUNS, steps: 50 });
    expect(runs.length).toBe(4);
    expect(Array.from(compiled.params.w)).toEqual(Array.from(before));
    for (const [k, run] of runs.entries()) {
      const alone = createTrainer({ ...compiled, optimizer: RUNS[k] });
      const expected = train(alone, 50);
      expect(run.optimizer).toBe(RUNS[k]);
      expect(Array.from(run.lossHistory)).toEqual(Array.from(expected));
      expect(Array.from(run.points[0].w)).toEqual(Array.from(before));
      expect(Array.from(run.points[run.points.length - 1].w)).toEqual(Array.from(alone.params.w));
      expect(run.diverged).toBeNull();
    }
    // they start at the same loss and end at different ones
    expect(new Set(runs.map((r) => r.lossHistory[0])).size).toBe(1);
    expect(new Set(runs.map((r) => r.lossHistory[50])).size).toBe(4);
    // frozen biases stay frozen in every run
    for (const run of runs)
      expect(Array.from(run.points[run.points.length - 1].b)).toEqual(Array.from(compiled.params.b));
  });

  it('starts from the parameters it is given', () => {
    const compiled = compileScenario(loadPreset('mazur')!);
    const moved = { w: compiled.params.w.map((v) => v + 0.1), b: compiled.params.b.slice() };
    const [run] = runComparison(compiled, { runs: [RUNS[0]], steps: 3 }, moved);
    expect(Array.from(run.points[0].w)).toEqual(Array.from(moved.w));
    const alone = createTrainer({ ...compiled, optimizer: RUNS[0] }, moved);
    expect(Array.from(run.lossHistory)).toEqual(Array.from(train(alone, 3)));
  });

  it('reports the first step whose loss is not finite', () => {
    const compiled = compileScenario(loadPreset('little-network')!);
    const [run] = runComparison(compiled, { runs: [{ type: 'sgd', learningRate: 1e10 }], steps: 60 });
    expect(run.diverged).not.toBeNull();
    expect(Number.isFinite(run.lossHistory[run.diverged! - 1])).toBe(true);
    expect(Number.isFinite(run.lossHistory[run.diverged!])).toBe(false);
  });
});

describe('drawnPath: how much of a run the landscape draws', () => {
  it('draws a run that stays near its start whole', () => {
    const compiled = compileScenario(loadPreset('landscape-local-minimum')!);
    const [run] = runComparison(compiled, { runs: [{ type: 'sgd', learningRate: 0.1 }], steps: 100 });
    expect(drawnPath(run)).toEqual({ count: run.points.length, cut: null });
  });

  it('cuts a diverging run (η = 50 on Two basins) before its loss grows a thousandfold, and says how far it got', () => {
    const compiled = compileScenario(loadPreset('landscape-local-minimum')!);
    const [run] = runComparison(compiled, { runs: [{ type: 'sgd', learningRate: 50 }], steps: 100 });
    const L = Array.from(run.lossHistory);
    const limit = BLOWUP * L[0];
    // the loss passes the limit early, reaches about 1e307 and is then not finite
    const firstBad = L.findIndex((v) => !(v <= limit));
    expect(firstBad).toBeGreaterThan(0);
    expect(run.diverged).not.toBeNull();
    const largest = Math.max(...L.filter((v) => Number.isFinite(v)));
    expect(largest).toBeGreaterThan(1e300);
    const { count, cut } = drawnPath(run);
    // every point drawn has a loss under the limit; the next point kept has not
    for (let k = 0; k < count; k++) expect(L[run.at[k]]).toBeLessThanOrEqual(limit);
    expect(run.at[count - 1]).toBeLessThan(firstBad);
    expect(run.at[count]).toBeGreaterThanOrEqual(firstBad);
    expect(cut).toEqual({ step: run.at[count - 1], loss: largest });
  });

  it('counts the losses from step 0 that stay finite and within BLOWUP of the start (the loss chart draws those)', () => {
    const run = (losses: number[]): ComparisonRun => ({
      optimizer: RUNS[0],
      lossHistory: Float64Array.from(losses),
      points: [{ w: new Float64Array(1), b: new Float64Array(0) }],
      at: [0],
      done: losses.length - 1,
      diverged: null,
    });
    expect(saneSteps(run([2, 1, 0.5]))).toBe(3);
    expect(saneSteps(run([2, 2000, 2001, 1]))).toBe(2);
    expect(saneSteps(run([2, 5, Infinity, 1]))).toBe(2);
    expect(saneSteps(run([NaN, 1]))).toBe(0);
  });

  it('cuts a run whose loss is not finite from the start at its first point', () => {
    const run: ComparisonRun = {
      optimizer: RUNS[0],
      lossHistory: Float64Array.from([NaN, NaN, NaN]),
      points: [
        { w: new Float64Array(1), b: new Float64Array(0) },
        { w: new Float64Array(1), b: new Float64Array(0) },
      ],
      at: [0, 2],
      done: 2,
      diverged: 0,
    };
    expect(drawnPath(run)).toEqual({ count: 1, cut: { step: 0, loss: NaN } });
  });
});

describe('a comparison computed in slices', () => {
  it('gives the same runs as computing it at once, the runs advancing together', () => {
    const compiled = compileScenario(loadPreset('numpy-341')!);
    const setup = { runs: RUNS, steps: 500 };
    const whole = runComparison(compiled, setup);
    const job = createComparisonJob(compiled, setup);
    expect(comparisonRuns(job).map((r) => r.done)).toEqual([0, 0, 0, 0]);
    let slices = 0;
    let last = comparisonRuns(job);
    while (!advanceComparison(job, 40)) {
      slices++;
      const now = comparisonRuns(job);
      const done = now.map((r) => r.done);
      // each run moves on in every slice, none by far more than its share, and none runs ahead of the others by more than a chunk
      now.forEach((r, k) => expect(r.done).toBeGreaterThan(last[k].done));
      expect(Math.max(...done) - Math.min(...done)).toBeLessThanOrEqual(job.runs[0].every);
      // what is not computed yet is NaN, and not reported as divergence
      expect(Number.isNaN(now[0].lossHistory[now[0].done + 1])).toBe(true);
      expect(now.every((r) => r.diverged === null)).toBe(true);
      last = now;
    }
    expect(slices).toBeGreaterThan(5);
    const sliced = comparisonRuns(job);
    expect(sliced.map((r) => Array.from(r.lossHistory))).toEqual(whole.map((r) => Array.from(r.lossHistory)));
    expect(sliced.map((r) => r.at)).toEqual(whole.map((r) => r.at));
    expect(sliced.map((r) => Array.from(r.points[r.points.length - 1].w))).toEqual(
      whole.map((r) => Array.from(r.points[r.points.length - 1].w)),
    );
    expect(sliced.every((r) => r.done === 500)).toBe(true);
  });
});

describe('defaultComparison', () => {
  it('puts the scenario’s optimizer first and offers momentum and Adam beside it', () => {
    const sgd: Optimizer = { type: 'sgd', learningRate: 0.5 };
    const setup = defaultComparison(sgd);
    expect(setup.runs.map((o) => o.type)).toEqual(['sgd', 'momentum', 'adam']);
    expect(setup.runs[0]).toBe(sgd);
    expect(setup.runs[1].learningRate).toBe(0.5);
    expect(setup.steps).toBe(100);
    expect(setup.runs.length).toBeGreaterThanOrEqual(MIN_RUNS);
    expect(setup.runs.length).toBeLessThanOrEqual(MAX_RUNS);
  });

  it('never repeats the scenario’s own optimizer type', () => {
    for (const type of ['momentum', 'adam'] as const) {
      const setup = defaultComparison(
        type === 'momentum'
          ? { type, learningRate: 0.1, momentum: 0.9 }
          : { type, learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
      );
      expect(new Set(setup.runs.map((o) => o.type)).size).toBe(3);
    }
  });
});

describe('comparison edits', () => {
  const base = defaultComparison({ type: 'sgd', learningRate: 0.5 });

  it('adds a run of a type not yet compared, up to four', () => {
    const four = withRunAdded(base, 0.5);
    expect(four.runs.map((o) => o.type)).toEqual(['sgd', 'momentum', 'adam', 'nesterov']);
    expect(four.runs[3].learningRate).toBe(0.5);
    expect(withRunAdded(four, 0.5)).toBe(four);
  });

  it('removes a run, never below two', () => {
    const two = withRunRemoved(base, 1);
    expect(two.runs.map((o) => o.type)).toEqual(['sgd', 'adam']);
    expect(withRunRemoved(two, 0)).toBe(two);
    expect(withRunRemoved(base, 7)).toBe(base);
  });

  it('replaces one run and leaves the others', () => {
    const next = withRun(base, 2, { type: 'rmsprop', learningRate: 0.1, decay: 0.9, epsilon: 1e-8 });
    expect(next.runs.map((o) => o.type)).toEqual(['sgd', 'momentum', 'rmsprop']);
    expect(next.runs[0]).toBe(base.runs[0]);
  });

  it('names what is wrong with a setup, run by run', () => {
    expect(comparisonErrors(base)).toEqual([]);
    const bad = withRun(withRun(base, 1, { type: 'momentum', learningRate: -1, momentum: 0.9 }), 2, {
      type: 'adam',
      learningRate: 0.1,
      beta1: 1.5,
      beta2: 0.999,
      epsilon: 1e-8,
    });
    expect(comparisonErrors(bad)).toEqual([
      'run B: learningRate: expected a number > 0, got -1',
      'run C: beta1: expected a number in [0, 1), got 1.5',
    ]);
    expect(comparisonErrors({ runs: [base.runs[0]], steps: 7 })).toEqual([
      'runs: expected 2 to 4 runs, got 1',
      'steps: expected one of 10, 25, 50, 100, 200, 500, 1000, got 7',
    ]);
    expect(comparisonErrors({ ...base, runs: [base.runs[0], { type: 'sgd', learningRate: NaN }] })[0]).toMatch(
      /^run B: learningRate: expected a number > 0/,
    );
  });

  it('the setup in force is the user’s, else the default for the scenario’s optimizer', () => {
    const sgd: Optimizer = { type: 'sgd', learningRate: 0.5 };
    expect(comparisonOf(null, sgd)).toEqual(defaultComparison(sgd));
    expect(comparisonOf(base, { type: 'adam', learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 })).toBe(base);
    expect([0, 1, 2, 3].map(runName)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('readComparison', () => {
  const read = (value: unknown) => {
    const errors = new ErrorList();
    const setup = readComparison(value, 'comparison', errors);
    return { setup, errors: errors.toArray().map((e) => `${e.path}: ${e.message}`) };
  };

  it('reads back what a setup is as JSON, and null', () => {
    const setup = withRunAdded(defaultComparison({ type: 'sgd', learningRate: 0.5 }), 0.5);
    expect(read(JSON.parse(JSON.stringify(setup)))).toEqual({ setup, errors: [] });
    expect(read(null)).toEqual({ setup: null, errors: [] });
    // the optimizer reader fills in defaults, as in a scenario file
    expect(
      read({
        runs: [
          { type: 'sgd', learningRate: 1 },
          { type: 'adam', learningRate: 0.1 },
        ],
        steps: 50,
      }).setup?.runs[1],
    ).toEqual({ type: 'adam', learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
  });

  it('names what is wrong, by path', () => {
    expect(read(3).errors).toEqual(['comparison: expected null or { "runs": [...], "steps": n }, got 3']);
    expect(read({ runs: [{ type: 'sgd', learningRate: 1 }], steps: 7, extra: 1 }).errors).toEqual([
      'comparison.extra: unknown field (allowed: runs, steps)',
      'comparison.runs: expected 2 to 4 runs, got 1',
      'comparison.steps: expected one of 10, 25, 50, 100, 200, 500, 1000, got 7',
    ]);
    const bad = read({
      runs: [
        { type: 'sgd', learningRate: 1 },
        { type: 'sgd', learningRate: -1 },
      ],
      steps: 10,
    });
    expect(bad.setup).toBeUndefined();
    expect(bad.errors).toEqual(['comparison.runs[1].learningRate: expected a number > 0, got -1']);
  });
});

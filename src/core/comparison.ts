import { ErrorList } from './codec/error-list.ts';
import { fieldPath, ROOT } from './codec/json-path.ts';
import { describe, isJsonObject, readList, rejectUnknownFields, requiredField } from './codec/read-json.ts';
import { readOptimizer } from './codec/read-optimizer.ts';
import type { Compiled } from './compile.ts';
import type { Params } from './model.ts';
import { optimizerOfType } from './optimizer-of-type.ts';
import type { Optimizer, OptimizerType } from './scenario.ts';
import { createTrainer } from './train.ts';
import { advancePathRun, createPathRun, type PathRun } from './train-path.ts';

/** Two to four runs of the same scenario that differ only in their optimizer (or its learning rate). */
export interface ComparisonSetup {
  readonly runs: readonly Optimizer[];
  /** optimizer steps each run takes */
  readonly steps: number;
}

export const MIN_RUNS = 2;
export const MAX_RUNS = 4;
/** The run lengths offered; the default is 100. */
export const COMPARISON_STEPS: readonly number[] = [10, 25, 50, 100, 200, 500, 1000];
/** Points kept per run for its path on the landscape. */
export const PATH_POINTS = 256;

/** One run of a comparison: the losses after each step and the parameters along the way. */
export interface ComparisonRun {
  readonly optimizer: Optimizer;
  /** L after k steps for k ≤ done; NaN beyond, until the run gets there */
  readonly lossHistory: Float64Array;
  readonly points: readonly Params[];
  readonly at: readonly number[];
  /** steps computed so far (all of them once the comparison is finished) */
  readonly done: number;
  /** the first step after which the loss is not finite, or null */
  readonly diverged: number | null;
}

/**
 * What a class usually compares first: the scenario's own optimizer, the same with momentum
 * (μ = 0.9) and Adam at its usual η = 0.01, or plain SGD when the scenario already uses momentum.
 */
export function defaultComparison(current: Optimizer): ComparisonSetup {
  const lr = current.learningRate;
  const second = optimizerOfType(current.type === 'momentum' ? 'sgd' : 'momentum', lr);
  const third = current.type === 'adam' ? optimizerOfType('sgd', lr) : optimizerOfType('adam', 0.01);
  return { runs: [current, second, third], steps: 100 };
}

/** The setup in force: the user's, or the default for the scenario's optimizer. */
export function comparisonOf(setup: ComparisonSetup | null, current: Optimizer): ComparisonSetup {
  return setup ?? defaultComparison(current);
}

/** The order in which "add a run" offers optimizer types: the first not yet compared. */
const ADD_ORDER: readonly OptimizerType[] = ['sgd', 'momentum', 'adam', 'nesterov', 'rmsprop', 'adagrad', 'adadelta'];

/** One more run (up to MAX_RUNS): an optimizer type not yet in the comparison, at learning rate η. */
export function withRunAdded(setup: ComparisonSetup, learningRate: number): ComparisonSetup {
  if (setup.runs.length >= MAX_RUNS) return setup;
  const used = new Set(setup.runs.map((o) => o.type));
  const type = ADD_ORDER.find((t) => !used.has(t)) ?? 'sgd';
  return { ...setup, runs: [...setup.runs, optimizerOfType(type, learningRate)] };
}

/** Without run `k` (never fewer than MIN_RUNS). */
export function withRunRemoved(setup: ComparisonSetup, k: number): ComparisonSetup {
  if (setup.runs.length <= MIN_RUNS || k < 0 || k >= setup.runs.length) return setup;
  return { ...setup, runs: setup.runs.filter((_, m) => m !== k) };
}

/** Run `k` with another optimizer. */
export function withRun(setup: ComparisonSetup, k: number, optimizer: Optimizer): ComparisonSetup {
  return { ...setup, runs: setup.runs.map((o, m) => (m === k ? optimizer : o)) };
}

/** The letter that names run `k` in the panel and the legend: A, B, C, D. */
export function runName(k: number): string {
  return String.fromCharCode(65 + k);
}

/**
 * What is wrong with a setup, one message per problem naming the run and field ("run B:
 * learningRate: expected a number > 0, got -1"); empty when it can be run. It is read as a
 * saved one is (readComparison), so each optimizer is checked like a scenario file's.
 */
export function comparisonErrors(setup: ComparisonSetup): string[] {
  const errors = new ErrorList();
  readComparison(setup, ROOT, errors);
  return errors.toArray().map((e) => {
    const run = /^runs\[(\d+)\]\.?(.*)$/.exec(e.path);
    return run ? `run ${runName(Number(run[1]))}: ${run[2] || 'optimizer'}: ${e.message}` : `${e.path}: ${e.message}`;
  });
}

/** A comparison being computed: one path-keeping run per optimizer, advanced a slice at a time. */
export interface ComparisonJob {
  readonly setup: ComparisonSetup;
  readonly runs: readonly PathRun[];
}

/**
 * Each run trains its own copy from the same parameters (`params`, default the scenario's)
 * with fresh optimizer state; everything but the optimizer is the scenario's: data, loss,
 * batches, trainable masks. Nothing is trained until the job is advanced.
 */
export function createComparisonJob(
  compiled: Compiled,
  setup: ComparisonSetup,
  params: Params = compiled.params,
): ComparisonJob {
  return {
    setup,
    runs: setup.runs.map((optimizer) =>
      createPathRun(createTrainer({ ...compiled, optimizer }, params), setup.steps, PATH_POINTS),
    ),
  };
}

/**
 * About `budget` more steps in all, a chunk at a time, always for the run furthest behind so
 * that the curves grow together (a budget of 1 is one chunk: the finest slice there is).
 * True when every run is finished.
 */
export function advanceComparison(job: ComparisonJob, budget: number): boolean {
  let left = budget;
  for (;;) {
    let next: PathRun | null = null;
    for (const run of job.runs) if (!run.finished && (next === null || run.done < next.done)) next = run;
    if (next === null) return true;
    if (left <= 0) return false;
    const before = next.done;
    advancePathRun(next, 1);
    left -= Math.max(1, next.done - before);
  }
}

/** The runs as far as they have got (copies of the point lists, so a later slice does not change them). */
export function comparisonRuns(job: ComparisonJob): ComparisonRun[] {
  return job.runs.map((run, k) => {
    let diverged: number | null = null;
    for (let s = 0; s <= run.done && diverged === null; s++) if (!Number.isFinite(run.lossHistory[s])) diverged = s;
    return {
      optimizer: job.setup.runs[k],
      lossHistory: run.lossHistory,
      points: run.points.slice(),
      at: run.at.slice(),
      done: run.done,
      diverged,
    };
  });
}

/** How many times its starting loss a run's loss may reach before its path counts as diverging. */
export const BLOWUP = 1e3;

/** How much of a run's path the landscape draws, and where and why it was cut. */
export interface DrawnPath {
  /** the first `count` points of the run (at least the start) */
  readonly count: number;
  /** null when drawn whole; else the last step drawn and the largest finite loss the run reached (NaN if none) */
  readonly cut: { readonly step: number; readonly loss: number } | null;
}

/**
 * How many of a run's losses, from step 0, stay finite and ≤ BLOWUP·L₀ (run.done + 1 when all
 * do): the loss chart draws a run's curve, and the landscape its path, only that far.
 */
export function saneSteps(run: ComparisonRun): number {
  const L = run.lossHistory;
  const limit = L[0] > 0 ? BLOWUP * L[0] : Infinity;
  for (let s = 0; s <= run.done; s++) if (!(L[s] <= limit)) return s;
  return run.done + 1;
}

/**
 * The part of a run's path whose loss stays finite and ≤ BLOWUP·L₀: a run that diverges would
 * stretch the landscape's window to its far-off points (1e155 and more) and shrink the other
 * runs to a dot, so it is drawn up to the last point kept before its loss left that bound.
 */
export function drawnPath(run: ComparisonRun): DrawnPath {
  const L = run.lossHistory;
  const firstBad = saneSteps(run);
  if (firstBad > run.done) return { count: run.points.length, cut: null };
  let count = 0;
  while (count < run.points.length && run.at[count] < firstBad) count++;
  count = Math.max(1, count);
  let largest = NaN;
  for (let s = 0; s <= run.done; s++) if (Number.isFinite(L[s]) && !(L[s] <= largest)) largest = L[s];
  return { count, cut: { step: run.at[count - 1], loss: largest } };
}

/**
 * A setup as saved (null, or { "runs": [optimizer objects], "steps": n }), read like a file:
 * a value, or errors added under `path`, never a throw.
 */
export function readComparison(value: unknown, path: string, errors: ErrorList): ComparisonSetup | null | undefined {
  if (value === null) return null;
  if (!isJsonObject(value)) {
    errors.add(path, `expected null or { "runs": [...], "steps": n }, got ${describe(value)}`);
    return undefined;
  }
  const before = errors.count;
  rejectUnknownFields(value, ['runs', 'steps'], path, errors);
  const rawRuns = requiredField(value, 'runs', path, errors, `${MIN_RUNS} to ${MAX_RUNS} optimizers`);
  const runs =
    rawRuns === undefined
      ? undefined
      : readList(rawRuns, { length: undefined, expected: 'optimizers' }, fieldPath(path, 'runs'), errors, (x, p) =>
          readOptimizer(x, p, errors),
        );
  if (runs !== undefined && (runs.length < MIN_RUNS || runs.length > MAX_RUNS))
    errors.add(fieldPath(path, 'runs'), `expected ${MIN_RUNS} to ${MAX_RUNS} runs, got ${runs.length}`);
  const steps = requiredField(value, 'steps', path, errors, `one of ${COMPARISON_STEPS.join(', ')}`);
  if (steps !== undefined && !COMPARISON_STEPS.includes(steps as number))
    errors.add(fieldPath(path, 'steps'), `expected one of ${COMPARISON_STEPS.join(', ')}, got ${describe(steps)}`);
  return errors.count === before && runs !== undefined ? { runs, steps: steps as number } : undefined;
}

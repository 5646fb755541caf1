import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { createTrainer, train } from '../../src/core/train.ts';
import { createTrainingSession, mergeProgress, type TrainingProgress } from '../../src/core/training-session.ts';
import { trainWithHistories } from '../../src/core/train-histories.ts';
import { loadPreset } from '../../src/presets/index.ts';

function compiled(id: string, batchSize?: number) {
  const s = loadPreset(id)!;
  return compileScenario(batchSize === undefined ? s : { ...s, batchSize });
}

/** A clock that moves `tick` ms each time it is read, so a budget ends after a known number of reads. */
function fakeClock(tick: number) {
  let t = 0;
  return () => (t += tick);
}

function drain(reports: TrainingProgress[]) {
  return {
    losses: reports.flatMap((r) => Array.from(r.losses)),
    points: reports.flatMap((r) => r.points),
  };
}

describe('a training session', () => {
  it.each([
    ['numpy-341', undefined, 1000, 64, 0.5],
    ['walkthrough', 4, 37, 5, 3],
    ['mazur', undefined, 1, 256, 1],
    ['mazur', undefined, 300, 2, 100],
  ])(
    '%s (batch %s): %i steps in time slices give the losses and parameters of one train call (≤ %i points)',
    (id, batch, steps, maxPoints, tick) => {
      const c = compiled(id, batch);
      const plain = createTrainer(c);
      const expected = train(plain, steps);
      const session = createTrainingSession(c, c.params, null, steps, maxPoints, fakeClock(tick));
      const reports: TrainingProgress[] = [];
      do reports.push(session.advance(10));
      while (!reports[reports.length - 1].finished);
      // it went in more than one slice (except a one-step run), each at least one step
      if (steps > 10) expect(reports.length).toBeGreaterThan(1);
      for (let k = 1; k < reports.length; k++) expect(reports[k].done).toBeGreaterThan(reports[k - 1].done);
      const { losses, points } = drain(reports);
      expect(losses).toEqual(Array.from(expected));
      const last = reports[reports.length - 1];
      expect(last.done).toBe(steps);
      expect(Array.from(last.params.w)).toEqual(Array.from(plain.params.w));
      expect(Array.from(last.params.b)).toEqual(Array.from(plain.params.b));
      expect(last.state.t).toBe(steps);
      expect(points.length).toBeLessThanOrEqual(maxPoints);
      expect(Array.from(points[0].w)).toEqual(Array.from(c.params.w));
      expect(Array.from(points[points.length - 1].w)).toEqual(Array.from(plain.params.w));
    },
  );

  it('reports a step boundary each time: the parameters after `done` steps of one run', () => {
    const c = compiled('numpy-341');
    const session = createTrainingSession(c, c.params, null, 500, 32, fakeClock(1));
    const first = session.advance(20);
    expect(first.done).toBeGreaterThan(0);
    expect(first.done).toBeLessThan(500);
    const tr = createTrainer(c);
    train(tr, first.done);
    expect(Array.from(first.params.w)).toEqual(Array.from(tr.params.w));
    // the report is a copy: training on does not change it
    session.advance(20);
    expect(Array.from(first.params.w)).toEqual(Array.from(tr.params.w));
  });

  it('grows its chunk from the measured time, so a fast network takes many steps per slice', () => {
    const c = compiled('mazur');
    let t = 0;
    // each read of the clock moves it 0.001 ms: a step seems to cost next to nothing
    const session = createTrainingSession(c, c.params, null, 100_000, 16, () => (t += 0.001));
    session.advance(8);
    const second = session.advance(8);
    expect(second.done).toBeGreaterThan(1000);
  });

  it('trains on past its budget to the end when the rest is predicted within `finishWithinMs`: no report the end would follow at once', () => {
    const c = compiled('numpy-341');
    const steps = 40;
    // each read of the clock moves it 1 ms: a chunk of n steps measures 1 ms, so a step seems to cost 1/n ms
    const reports = (finishWithinMs: number) => {
      const session = createTrainingSession(c, c.params, null, steps, 64, fakeClock(1));
      const out: TrainingProgress[] = [];
      do out.push(session.advance(6, finishWithinMs));
      while (!out[out.length - 1].finished);
      return out;
    };
    const plainReports = reports(0);
    expect(plainReports.length).toBeGreaterThan(1);
    const one = reports(1000);
    expect(one).toHaveLength(1);
    expect(one[0].done).toBe(steps);
    // the same losses and parameters as one train call
    const plain = createTrainer(c);
    expect(Array.from(one[0].losses)).toEqual(Array.from(train(plain, steps)));
    expect(Array.from(one[0].params.w)).toEqual(Array.from(plain.params.w));
    expect(one[0].points.length).toBeLessThanOrEqual(64);
    // a rest predicted longer than `finishWithinMs` still ends the slice at its budget
    const slow = createTrainingSession(c, c.params, null, 100_000, 64, fakeClock(1)).advance(6, 2);
    expect(slow.finished).toBe(false);
  });

  it('continues from a given optimizer state', () => {
    const c = compiled('numpy-341');
    const tr = createTrainer(c);
    train(tr, 10);
    const session = createTrainingSession(c, tr.params, tr.state, 5, 8, fakeClock(1));
    let r: TrainingProgress;
    do r = session.advance(10);
    while (!r.finished);
    train(tr, 5);
    expect(Array.from(r.params.w)).toEqual(Array.from(tr.params.w));
    expect(r.state.t).toBe(15);
  });
});

describe('a training session with test data', () => {
  it('reports the test loss after each step beside the loss, as trainWithHistories does', () => {
    const c = compiled('playground');
    expect(c.testData).not.toBeNull();
    const expected = trainWithHistories(createTrainer(c), 120);
    const session = createTrainingSession(c, c.params, null, 120, 16, fakeClock(2));
    const reports: TrainingProgress[] = [];
    do reports.push(session.advance(10));
    while (!reports[reports.length - 1].finished);
    expect(reports.length).toBeGreaterThan(1);
    const losses = reports.flatMap((r) => Array.from(r.losses));
    const tests = reports.flatMap((r) => Array.from(r.testLosses ?? []));
    expect(losses).toEqual(Array.from(expected.loss));
    expect(losses).toEqual(Array.from(train(createTrainer(c), 120)));
    expect(tests).toEqual(Array.from(expected.testLoss!));
    // merged reports keep them in order
    const merged = reports.slice(1).reduce((a, b) => mergeProgress(a, b), reports[0]);
    expect(Array.from(merged.testLosses!)).toEqual(Array.from(expected.testLoss!));
  });

  it('reports none without test data', () => {
    const c = compiled('mazur');
    const session = createTrainingSession(c, c.params, null, 5, 4, fakeClock(1));
    expect(session.advance(10).testLosses).toBeNull();
  });
});

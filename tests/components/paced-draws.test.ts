import { describe, expect, it } from 'vitest';
import { DRAW_SHARE, pacedDraws, type PacingHost } from '../../src/components/paced-draws.ts';

const FRAME = 1000 / 60;

/**
 * A page on a simulated clock: frames every FRAME ms, a task after the current one (after the
 * frame's rendering, which costs `renderMs`), and a diagram whose draw costs `drawMs` of script.
 */
function fakePage(drawMs: number, renderMs: number) {
  let t = 0;
  let frames = new Map<number, () => void>();
  let nextId = 1;
  let after: (() => void)[] = [];
  const timers = new Map<number, { at: number; cb: () => void }>();
  /** frames asked for: a page renders a frame only when something asks for it */
  let asked = 0;
  const draws: number[] = [];
  const host: PacingHost = {
    now: () => t,
    afterTask: (cb) => after.push(cb),
    requestFrame: (cb) => {
      asked++;
      frames.set(nextId, cb);
      return nextId++;
    },
    cancelFrame: (id) => frames.delete(id),
    later: (cb, ms) => {
      timers.set(nextId, { at: t + ms, cb });
      return nextId++;
    },
    cancelLater: (id) => timers.delete(id),
  };
  const draw = () => {
    draws.push(t);
    t += drawMs;
  };
  /** ends the current task: what waits for the next task runs after `renderMs` of rendering */
  const endTask = () => {
    t += renderMs;
    const list = after;
    after = [];
    for (const cb of list) cb();
  };
  /** runs the frame at the next multiple of FRAME (its callbacks, then `each` as a report would be shown), then its rendering */
  const frame = (each?: () => void) => {
    // the task before the frame has ended: what waits for the task after it runs first
    const before = after;
    after = [];
    for (const cb of before) cb();
    t = Math.max(t, (Math.floor(t / FRAME) + 1) * FRAME);
    // the timers due by now, each a task of its own before the frame
    for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > t) continue;
      timers.delete(id);
      timer.cb();
    }
    const list = frames;
    frames = new Map();
    for (const cb of list.values()) cb();
    each?.();
    endTask();
  };
  return { host, draws, draw, frame, endTask, now: () => t, asked: () => asked };
}

describe('the diagram while a run trains', () => {
  it('draws every change at once outside a run', () => {
    const page = fakePage(8, 20);
    const paced = pacedDraws(page.draw, page.host);
    for (let k = 0; k < 10; k++) page.frame(() => paced.request(false));
    expect(page.draws).toHaveLength(10);
  });

  it('draws a report only when DRAW_SHARE of the time since the last draw covers its cost, while the chart shows each', () => {
    const page = fakePage(8, 20);
    const paced = pacedDraws(page.draw, page.host);
    // a draw before the run: its cost (script and the frame's rendering) is measured
    page.frame(() => paced.request(false));
    paced.setRunning(true);
    const runStart = page.now();
    let reports = 0;
    // two seconds of reports, one per frame
    while (page.now() < runStart + 2000) {
      page.frame(() => paced.request(false));
      reports++;
    }
    const during = page.draws.slice(1);
    expect(reports).toBeGreaterThan(50);
    // each draw costs 28 ms (8 of script, 20 of rendering): at most DRAW_SHARE of the run's time
    expect(during.length * 28).toBeLessThanOrEqual(DRAW_SHARE * 2000 + 28);
    expect(during.length).toBeGreaterThanOrEqual(4);
    // the run's start counts as a draw: the first waits too
    expect(during[0] - runStart).toBeGreaterThanOrEqual(28 / DRAW_SHARE - FRAME);
    for (let k = 1; k < during.length; k++) expect(during[k] - during[k - 1]).toBeGreaterThanOrEqual(28 / DRAW_SHARE);
  });

  it('draws what waits at once when the run ends, in the task that ends it', () => {
    const page = fakePage(8, 20);
    const paced = pacedDraws(page.draw, page.host);
    page.frame(() => paced.request(false));
    paced.setRunning(true);
    page.frame(() => paced.request(false));
    expect(page.draws).toHaveLength(1);
    // the last report and the run's end arrive in one task (the worker's last message)
    const end = page.now();
    paced.request(false);
    paced.setRunning(false);
    expect(page.draws).toHaveLength(2);
    expect(page.draws[1]).toBe(end);
    // and nothing waits after it
    for (let k = 0; k < 10; k++) page.frame();
    expect(page.draws).toHaveLength(2);
  });

  it('draws a change of the user (a selection) at once during a run, and a short run only at its end', () => {
    const page = fakePage(8, 20);
    const paced = pacedDraws(page.draw, page.host);
    page.frame(() => paced.request(false));
    paced.setRunning(true);
    page.frame(() => paced.request(true));
    expect(page.draws).toHaveLength(2);
    // reports for 100 ms: within the 280 ms that draw's cost asks for, none is drawn
    const t = page.now();
    while (page.now() < t + 100) page.frame(() => paced.request(false));
    expect(page.draws).toHaveLength(2);
    paced.setRunning(false);
    expect(page.draws).toHaveLength(3);
  });

  it('draws what the run’s start changes at once, in its task (the worker trains meanwhile), then paces the reports', () => {
    const page = fakePage(8, 20);
    const paced = pacedDraws(page.draw, page.host);
    page.frame(() => paced.request(false));
    // the click's task: the run starts and moves the step position to the iteration's end
    const start = page.now();
    paced.setRunning(true);
    paced.request(false);
    expect(page.draws).toHaveLength(2);
    expect(page.draws[1]).toBe(start);
    page.endTask();
    // reports for 100 ms: within the 280 ms that draw's cost asks for, none is drawn
    while (page.now() < start + 100) page.frame(() => paced.request(false));
    expect(page.draws).toHaveLength(2);
    // its end draws the last report whole, at once
    paced.request(false);
    paced.setRunning(false);
    expect(page.draws).toHaveLength(3);
  });

  it('asks for no frame of its own while a draw waits, but the one at its time', () => {
    const page = fakePage(8, 20);
    const paced = pacedDraws(page.draw, page.host);
    page.frame(() => paced.request(false));
    paced.setRunning(true);
    // one report, then none for a second (a slow step): the draw it waits for comes in one frame
    page.frame(() => paced.request(false));
    for (let k = 0; k < 60; k++) page.frame();
    expect(page.draws).toHaveLength(2);
    expect(page.asked()).toBeLessThanOrEqual(2);
  });

  it('draws a cheap diagram at every report', () => {
    const page = fakePage(0.3, 0.5);
    const paced = pacedDraws(page.draw, page.host);
    page.frame(() => paced.request(false));
    paced.setRunning(true);
    for (let k = 0; k < 30; k++) page.frame(() => paced.request(false));
    expect(page.draws.length).toBeGreaterThanOrEqual(30);
  });

  it('draws nothing after it is disposed', () => {
    const page = fakePage(8, 20);
    const paced = pacedDraws(page.draw, page.host);
    page.frame(() => paced.request(false));
    paced.setRunning(true);
    page.frame(() => paced.request(false));
    paced.dispose();
    for (let k = 0; k < 60; k++) page.frame();
    expect(page.draws).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { labelBox, labelEnds, placeLabels, placeLabelsSteps, valueCharsFor } from '../../src/view/label-placement.ts';
import { createLabelPlacer } from '../../src/view/label-placer.ts';
import { computeLayout } from '../../src/view/network-layout.ts';

// by-hand-mlp's shape at the width a lesson leaves it: a search too long for one task.
const crowded = () =>
  computeLayout({
    sizes: [3, 4, 2, 3],
    hasBias: [true, true, true],
    width: 615,
    height: 380,
    legendHeight: 40,
    labelBox: labelBox(valueCharsFor(4)),
  });
const options = { nameChars: 2, valueChars: valueCharsFor(4) };

/** A scheduler the test runs by hand: the queued slices, in order. */
function manual() {
  const queue: (() => void)[] = [];
  const schedule = (run: () => void) => {
    let live = true;
    queue.push(() => live && run());
    return () => {
      live = false;
    };
  };
  return { queue, schedule };
}

describe('label placement in slices', () => {
  it('gives the same placement however it is sliced', () => {
    const g = crowded();
    const whole = placeLabels(g, options);
    const steps = placeLabelsSteps(g, options);
    let slices = 0;
    let r = steps.next();
    while (!r.done) {
      slices++;
      r = steps.next();
    }
    expect(slices).toBeGreaterThan(50);
    const sliced = r.value;
    expect(Array.from(sliced.edgeX)).toEqual(Array.from(whole.edgeX));
    expect(Array.from(sliced.edgeY)).toEqual(Array.from(whole.edgeY));
    expect(Array.from(sliced.edgeVisible)).toEqual(Array.from(whole.edgeVisible));
    expect(Array.from(sliced.biasX)).toEqual(Array.from(whole.biasX));
    expect(Array.from(sliced.biasVisible)).toEqual(Array.from(whole.biasVisible));
    expect(sliced.named).toBe(whole.named);
  });

  it('draws a provisional placement at once, the searched one when the slices end, and keeps it by key', () => {
    const g = crowded();
    const done: unknown[] = [];
    const { queue, schedule } = manual();
    const placer = createLabelPlacer((p) => done.push(p), { schedule, settle: schedule });
    const first = placer.place('crowded-a', g, options);
    expect(first.final).toBe(false);
    expect(placer.state).not.toBe('idle');
    // The provisional one overlaps nothing: each label at a free spot on its line, or hidden.
    expect(first.placement.visibleCount).toBeGreaterThan(0);
    while (queue.length > 0) queue.shift()!();
    expect(done).toHaveLength(1);
    expect(placer.state).toBe('idle');
    const whole = placeLabels(g, options);
    const final = done[0] as typeof whole;
    expect(Array.from(final.edgeX)).toEqual(Array.from(whole.edgeX));
    expect(final.visibleCount).toBe(whole.visibleCount);
    // Asked again for the same key (the same shape, size and zoom): the kept placement, at once.
    const again = placer.place('crowded-a', g, options);
    expect(again.final).toBe(true);
    expect(again.placement).toBe(final);
  });

  it('drops a search when another key is asked for before it ends (a width passed through)', () => {
    const g = crowded();
    const done: unknown[] = [];
    const { queue, schedule } = manual();
    const placer = createLabelPlacer((p) => done.push(p), { schedule, settle: schedule });
    expect(placer.place('crowded-b', g, options).final).toBe(false);
    queue.shift()!();
    const wide = computeLayout({ sizes: [2, 2, 2], hasBias: [true, true], width: 900, height: 560 });
    const small = placer.place('small-b', wide, options);
    while (queue.length > 0) queue.shift()!();
    // Only the small network's placement arrives (at once, or after its own slices on a slow machine).
    const totals = [small, ...done.map((placement) => ({ placement, final: true }))]
      .filter((p) => p.final)
      .map((p) => (p.placement as { total: number }).total);
    expect(totals).toEqual([12]);
    expect(placer.state).toBe('idle');
  });
});

describe('label placement once the diagram has its size', () => {
  it('never searches in the task that asks: the search starts once the size has settled, and a size passed through is never searched', () => {
    // Opening a lesson changes the network (placed at the full width) and narrows the diagram (its
    // resize observer) in one go: only the narrower layout is searched.
    const full = () =>
      computeLayout({
        sizes: [3, 4, 2, 3],
        hasBias: [true, true, true],
        width: 900,
        height: 449,
        legendHeight: 40,
        labelBox: labelBox(valueCharsFor(4)),
      });
    const done: { total: number; visibleCount: number }[] = [];
    const slices = manual();
    const settle = manual();
    let searches = 0;
    const placer = createLabelPlacer((p) => done.push(p), {
      schedule: slices.schedule,
      settle: settle.schedule,
      onSearch: () => searches++,
    });
    expect(placer.place('open-full', full(), options).final).toBe(false);
    expect(placer.state).toBe('waiting');
    expect(slices.queue).toHaveLength(0);
    const narrow = placer.place('open-narrow', crowded(), options);
    expect(narrow.final).toBe(false);
    expect(placer.state).toBe('waiting');
    while (settle.queue.length > 0) settle.queue.shift()!();
    expect(searches).toBe(1);
    while (slices.queue.length > 0) slices.queue.shift()!();
    expect(done).toHaveLength(1);
    expect(placer.state).toBe('idle');
    const whole = placeLabels(crowded(), options);
    expect(done[0].visibleCount).toBe(whole.visibleCount);
    expect(placer.place('open-narrow', crowded(), options).final).toBe(true);
  });
});

describe('second spots of labels that give way', () => {
  it('moves a placed label a node full text covers to a spot clear of that text and of the labels that stay', () => {
    // numpy-341 in presentation mode with a lesson open: the output's full text covers its fan-in labels.
    const g = computeLayout({
      sizes: [3, 4, 1],
      hasBias: [false, false],
      width: 538,
      height: 387,
      legendHeight: 60,
      labelBox: labelBox(valueCharsFor(4)),
    });
    const p = placeLabels(g, { nameChars: 6, valueChars: valueCharsFor(4) });
    expect(p.nodeCovers.size).toBeGreaterThan(0);
    const at = (idx: number) =>
      idx < g.weightCount ? [p.edgeX[idx], p.edgeY[idx]] : [p.biasX[idx - g.weightCount], p.biasY[idx - g.weightCount]];
    const visible = (idx: number) =>
      idx < g.weightCount ? p.edgeVisible[idx] === 1 : p.biasVisible[idx - g.weightCount] === 1;
    for (const [, under] of p.nodeCovers) {
      for (const u of under) {
        const spot = p.moves.get(u);
        expect(spot, `label ${u} has a second spot`).toBeDefined();
        const away = p.moveCovers.get(u) ?? [];
        // Clear of every placed label except those that give way while it sits there.
        for (let v = 0; v < p.total; v++) {
          if (v === u || !visible(v) || away.includes(v)) continue;
          const [x, y] = at(v);
          const apart = Math.abs(x - spot!.x) >= p.boxWidth || Math.abs(y - spot!.y) >= p.boxHeight;
          expect(apart, `label ${u}'s second spot on label ${v}`).toBe(true);
        }
        // Clear of the covering node's circle.
        for (const [n, us] of p.nodeCovers) {
          if (!us.includes(u)) continue;
          const dx = Math.abs(g.nodeX[n] - spot!.x);
          const dy = Math.abs(g.nodeY[n] - spot!.y);
          expect(dx >= p.boxWidth / 2 + g.nodeRadius || dy >= p.boxHeight / 2 + g.nodeRadius).toBe(true);
        }
      }
    }
  });
});

describe('second spots', () => {
  it('gives every label a node full text covers a second spot, however tall the diagram (none stays under the text)', () => {
    // numpy-341 in presentation mode with a lesson open, the diagram as tall as the lesson column
    // leaves it with and without a notice above: at 1920x1080, 418 units tall, the output's fan-in
    // label w13(2) found no spot on its rings and was drawn under the output's text.
    const missing: string[] = [];
    for (let height = 387; height <= 467; height += 8)
      for (const width of [520, 538, 560]) {
        const g = computeLayout({
          sizes: [3, 4, 1],
          hasBias: [false, false],
          width,
          height,
          legendHeight: 60,
          labelBox: labelBox(valueCharsFor(4)),
        });
        const p = placeLabels(g, { nameChars: 6, valueChars: valueCharsFor(4) });
        for (const [n, under] of p.nodeCovers)
          for (const u of under) if (!p.moves.has(u)) missing.push(`${width}x${height}: label ${u} under node ${n}`);
      }
    expect(missing).toEqual([]);
  });
});

describe('chips (labels left out, shown on demand with their names)', () => {
  it('keeps apart the chips that show together (those of one node: its fan-in, fan-out and bias)', () => {
    // by-hand-mlp with its lesson open in presentation mode at 1920x1080: 12 of 35 labels left out,
    // none with a spot clear of the placed labels.
    const valueChars = valueCharsFor(4);
    const nameChars = 6;
    const g = computeLayout({
      sizes: [3, 4, 2, 3],
      hasBias: [true, true, true],
      width: 537.7777777777777,
      height: 387.2725694444444,
      legendHeight: 40,
      labelBox: labelBox(valueChars),
    });
    const p = placeLabels(g, { nameChars, valueChars });
    const chip = labelBox(valueChars + nameChars + 3);
    const chips: number[] = [];
    for (let idx = 0; idx < p.total; idx++)
      if (!(idx < g.weightCount ? p.edgeVisible[idx] : p.biasVisible[idx - g.weightCount])) chips.push(idx);
    expect(chips.length).toBeGreaterThan(4);
    const at = (idx: number) =>
      idx < g.weightCount ? [p.edgeX[idx], p.edgeY[idx]] : [p.biasX[idx - g.weightCount], p.biasY[idx - g.weightCount]];
    for (const a of chips)
      for (const b of chips) {
        if (b <= a || !labelEnds(g, a).some((n) => labelEnds(g, b).includes(n))) continue;
        const [ax, ay] = at(a);
        const [bx, by] = at(b);
        const apart = Math.abs(ax - bx) >= chip.w || Math.abs(ay - by) >= chip.h;
        expect(apart, `chips ${a} and ${b} (one node's) overlap`).toBe(true);
      }
  });
});

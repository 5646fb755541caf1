import type { Page } from '@playwright/test';

/**
 * What the diagram's parameter labels look like on screen, measured geometrically in the
 * page (CSS pixels): how many are drawn against how many parameters there are, which
 * overlap another label or a node, which an edge runs through, and the smallest text.
 *
 * - A label is drawn when it is displayed, both its lines (value and gradient) have text,
 *   and its text lies wholly inside the diagram's box (not cut off by it).
 * - A label's box is its background rectangle when it has one, else the union of its two
 *   text lines' boxes. Two labels overlap when their boxes intersect by more than 0.5 px.
 * - Obstacles a label may not touch: node circles (and the loss and bias nodes), the text
 *   of nodes (a, δ, target, z), layer headers and the legend.
 * - An edge (edge, bias link or loss link, not the label's own) strikes a label when its
 *   segment, widened by half its stroke, crosses the label's text box, unless the label
 *   has an opaque background that covers its text and is painted above every edge line
 *   (later in document order, fill opacity 1).
 * - Node text (every line of a node's a, δ, target and z, the loss node's value) may not
 *   overlap another node's text or circle; a label, placed or shown on demand for the
 *   selection (a name chip "w₂₂⁽³⁾ = 2"), may not overlap any node text (the obstacles above).
 * - Text size: the computed font size times the screen scale of the text (client height
 *   over user-space height), so CSS transforms and the viewBox count.
 * - A label's leader (the dashed line to its edge) may pass a node circle, a node's name or
 *   text, a header or another label only beneath it: the thing is painted later in document
 *   order and hides the line (a circle or label box with an opaque fill; text inside its
 *   opaque node circle, or with a halo: paint-order stroke first, in the background colour, at
 *   least HALO_MIN px wide). Else the line strikes it through.
 * - A label drawn away from its own line (its leader shows, or its line misses its box) without its
 *   name (the number alone, "0.45" or "→ 0.3", not "w₆ = 0.45") is misread when another line is as
 *   near its box as its own: a reader attaches a bare number to the nearest line (Mazur's w₆ "0.45"
 *   beside the loss node, its own line two label heights farther than the loss link). So no other
 *   line (edge, bias or loss link) may be nearer its box than its own by more than the box's height,
 *   measured on screen from the box's rectangle to each drawn line (0 where a line crosses it).
 *   Within that slack its dashed leader shows which line it belongs to (strictly nearest hid about
 *   90 more labels over by-hand-mlp's sizes on branch labels5, for labels whose short leader already
 *   says it). A named one says which it is wherever it sits; the leaders' length is measured apart
 *   (leaderSpans).
 * - A leader's length is measured on screen from its end on the label's box to its end on the line,
 *   also in heights of that label's box (what a reader sees the label as), with whether its label
 *   says its name.
 */

/** The narrowest halo (stroke width, px) that keeps a 1 px line out of the glyphs of 11 px text. */
const HALO_MIN = 3;

export interface LabelMetrics {
  readonly params: number;
  readonly drawn: number;
  /** selection keys of the parameters whose label is not drawn */
  readonly missing: string[];
  readonly overlaps: string[];
  readonly nodeOverlaps: string[];
  readonly struck: string[];
  readonly minFontPx: number;
  /** the on-screen message saying how many labels are hidden, if any */
  readonly hiddenNote: string;
  /** labels drawn in the placed layer (not shown on demand for a hover, focus or selection) */
  readonly placed: number;
  /** labels shown on demand on top (for a hover, focus, the selection or the current step), with their names */
  readonly onDemand: number;
  /**
   * Node text (a, δ, target, z lines, the loss node's value), as drawn for the current step and
   * the selection too, overlapping another node's text or another node's circle.
   */
  readonly textOverlaps: string[];
  /** leaders drawn over a node circle, node name or text, header or another label ("key leader over what") */
  readonly leadersOver: string[];
  /** leaders drawn (displayed) */
  readonly leaders: number;
  /**
   * labels drawn away from their own line that do not say which parameter they are, with another
   * line nearer their box than their own by more than its height ("key \"0.45\": 12 px from its line, 3 px from w6")
   */
  readonly unnamedAstray: string[];
  /** every displayed leader: its label's key, its length in CSS px and in heights of its label's box, and whether the label is named */
  readonly leaderSpans: { key: string; px: number; heights: number; named: boolean }[];
}

/**
 * Waits until the diagram's labels are placed (a long search runs in slices behind a provisional
 * placement: data-labels="placing") and drawn, then measures.
 */
export async function measureLabels(page: Page): Promise<LabelMetrics> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="diagram"] svg')?.getAttribute('data-labels') === 'placed',
    null,
    { timeout: 60_000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate((HALO_MIN) => {
    type Box = { x0: number; y0: number; x1: number; y1: number };
    const boxOf = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    };
    const union = (a: Box, b: Box): Box => ({
      x0: Math.min(a.x0, b.x0),
      y0: Math.min(a.y0, b.y0),
      x1: Math.max(a.x1, b.x1),
      y1: Math.max(a.y1, b.y1),
    });
    const overlap = (a: Box, b: Box, tol = 0.5) =>
      Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > tol && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > tol;
    const inside = (a: Box, outer: Box) =>
      a.x0 >= outer.x0 - 0.5 && a.y0 >= outer.y0 - 0.5 && a.x1 <= outer.x1 + 0.5 && a.y1 <= outer.y1 + 0.5;
    const displayed = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        if (e.getAttribute('display') === 'none') return false;
        const cs = getComputedStyle(e);
        if (cs.display === 'none' || cs.visibility === 'hidden') return false;
      }
      return true;
    };
    const svg = document.querySelector('[data-testid="diagram"] svg') as SVGSVGElement;
    const frame = boxOf(document.querySelector('[data-testid="diagram"]') as Element);
    const params = Array.from(svg.querySelectorAll('[data-edge], [data-bias]')).map(
      (g) => g.getAttribute('data-sel') ?? '',
    );

    interface Label {
      key: string;
      text: Box;
      box: Box;
      opaque: boolean;
      el: Element;
    }
    const labels: Label[] = [];
    let minFontPx = Infinity;
    for (const g of Array.from(svg.querySelectorAll('.bp-label'))) {
      if (!displayed(g)) continue;
      const value = g.querySelector('.bp-label-value') as SVGTextElement | null;
      const grad = g.querySelector('.bp-label-grad') as SVGTextElement | null;
      if (!value || !grad || !(value.textContent ?? '').trim() || !(grad.textContent ?? '').trim()) continue;
      const text = union(boxOf(value), boxOf(grad));
      if (!inside(text, frame)) continue;
      for (const t of [value, grad]) {
        const user = t.getBBox().height;
        const scale = user > 0 ? t.getBoundingClientRect().height / user : 1;
        minFontPx = Math.min(minFontPx, parseFloat(getComputedStyle(t).fontSize) * scale);
      }
      const bg = g.querySelector('.bp-label-bg');
      let opaque = false;
      let box = text;
      if (bg && displayed(bg)) {
        const cs = getComputedStyle(bg);
        const fill = cs.fill;
        const solid =
          fill !== 'none' &&
          !/rgba\([^)]*,\s*0\)$/.test(fill) &&
          !/transparent/.test(fill) &&
          parseFloat(cs.fillOpacity) >= 1 &&
          parseFloat(cs.opacity) >= 1;
        const b = boxOf(bg);
        opaque =
          solid && b.x0 <= text.x0 + 0.5 && b.y0 <= text.y0 + 0.5 && b.x1 >= text.x1 - 0.5 && b.y1 >= text.y1 - 0.5;
        box = union(b, text);
      }
      labels.push({ key: g.getAttribute('data-sel') ?? '', text, box, opaque, el: g });
    }
    const drawnKeys = new Set(labels.map((l) => l.key));

    const overlaps: string[] = [];
    for (let a = 0; a < labels.length; a++) {
      for (let b = a + 1; b < labels.length; b++)
        if (overlap(labels[a].box, labels[b].box)) overlaps.push(`${labels[a].key} × ${labels[b].key}`);
    }

    const obstacles: { name: string; box: Box }[] = [];
    for (const c of Array.from(svg.querySelectorAll('.bp-node-circle, .bp-loss-circle, .bp-bias-node circle'))) {
      if (!displayed(c)) continue;
      const owner = c.closest('[data-sel]')?.getAttribute('data-sel') ?? 'bias node';
      obstacles.push({ name: owner, box: boxOf(c) });
    }
    for (const t of Array.from(svg.querySelectorAll('.bp-node-text text, .bp-header'))) {
      if (!displayed(t) || !(t.textContent ?? '').trim()) continue;
      obstacles.push({ name: `text "${t.textContent}"`, box: boxOf(t) });
    }
    const legendBg = svg.querySelector('.bp-legend-bg');
    if (legendBg && displayed(legendBg)) obstacles.push({ name: 'legend', box: boxOf(legendBg) });
    const nodeOverlaps: string[] = [];
    for (const l of labels)
      for (const o of obstacles) if (overlap(l.box, o.box)) nodeOverlaps.push(`${l.key} × ${o.name}`);

    // Edge segments in screen coordinates.
    const lines = Array.from(
      svg.querySelectorAll('.bp-edge > .bp-line, .bp-bias > .bp-line, .bp-loss-link'),
    ) as SVGLineElement[];
    const segs = lines.filter(displayed).map((line) => {
      const m = line.getScreenCTM() as DOMMatrix;
      const p = (x: string, y: string) =>
        new DOMPoint(Number(line.getAttribute(x)), Number(line.getAttribute(y))).matrixTransform(m);
      const a = p('x1', 'y1');
      const b = p('x2', 'y2');
      const scale = Math.hypot(m.a, m.b);
      const nonScaling = getComputedStyle(line).vectorEffect === 'non-scaling-stroke';
      const w = parseFloat(line.getAttribute('stroke-width') ?? getComputedStyle(line).strokeWidth) || 1;
      return {
        key: line.closest('[data-sel]')?.getAttribute('data-sel') ?? 'loss-link',
        line,
        a,
        b,
        half: (nonScaling ? w : w * scale) / 2,
      };
    });
    const segHitsBox = (a: DOMPoint, b: DOMPoint, box: Box): boolean => {
      // Liang–Barsky clipping of the segment against the box.
      let t0 = 0;
      let t1 = 1;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const clip = (p: number, q: number) => {
        if (p === 0) return q >= 0;
        const r = q / p;
        if (p < 0) {
          if (r > t1) return false;
          if (r > t0) t0 = r;
        } else {
          if (r < t0) return false;
          if (r < t1) t1 = r;
        }
        return true;
      };
      return (
        clip(-dx, a.x - box.x0) &&
        clip(dx, box.x1 - a.x) &&
        clip(-dy, a.y - box.y0) &&
        clip(dy, box.y1 - a.y) &&
        t0 <= t1
      );
    };
    const struck: string[] = [];
    for (const l of labels) {
      if (l.opaque) {
        // The background must be painted above every edge line.
        const above = segs.every(
          (s) => (s.line.compareDocumentPosition(l.el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        );
        if (above) continue;
      }
      for (const s of segs) {
        if (s.key === l.key) continue;
        const t = {
          x0: l.text.x0 - s.half + 1,
          y0: l.text.y0 - s.half + 1,
          x1: l.text.x1 + s.half - 1,
          y1: l.text.y1 + s.half - 1,
        };
        if (segHitsBox(s.a, s.b, t)) {
          struck.push(`${l.key} struck by ${s.key}`);
          break;
        }
      }
    }
    // Node texts by owner: a node's text below its circle carries its selection key; the z line
    // above is the group right after it; the loss node's value is the loss's.
    const ownerOf = (group: Element): string => {
      if (group.classList.contains('bp-loss-text')) return 'loss';
      const own = group.getAttribute('data-sel');
      if (own) return own;
      return group.previousElementSibling?.getAttribute('data-sel') ?? '?';
    };
    const texts: { owner: string; name: string; box: Box }[] = [];
    for (const group of Array.from(svg.querySelectorAll('.bp-node-text'))) {
      if (!displayed(group)) continue;
      const owner = ownerOf(group);
      for (const t of Array.from(group.querySelectorAll('text'))) {
        if (!displayed(t) || !(t.textContent ?? '').trim()) continue;
        texts.push({ owner, name: `${owner} "${t.textContent}"`, box: boxOf(t) });
      }
    }
    const circles: { owner: string; box: Box }[] = [];
    for (const c of Array.from(svg.querySelectorAll('.bp-node-circle, .bp-loss-circle, .bp-bias-node circle'))) {
      if (!displayed(c)) continue;
      circles.push({ owner: c.closest('[data-sel]')?.getAttribute('data-sel') ?? 'bias node', box: boxOf(c) });
    }
    const textOverlaps: string[] = [];
    for (let a = 0; a < texts.length; a++) {
      for (let b = a + 1; b < texts.length; b++)
        if (texts[a].owner !== texts[b].owner && overlap(texts[a].box, texts[b].box))
          textOverlaps.push(`${texts[a].name} × ${texts[b].name}`);
      for (const c of circles)
        if (c.owner !== texts[a].owner && overlap(texts[a].box, c.box))
          textOverlaps.push(`${texts[a].name} × circle of ${c.owner}`);
    }
    // Labels away from their line (a displayed leader, or the line misses the box) without their name.
    const leaderEls = (Array.from(svg.querySelectorAll('.bp-leader')) as SVGLineElement[]).filter(displayed);
    const leaderEnds = (leader: SVGLineElement) => {
      const m = leader.getScreenCTM() as DOMMatrix;
      const p = (x: string, y: string) =>
        new DOMPoint(Number(leader.getAttribute(x)), Number(leader.getAttribute(y))).matrixTransform(m);
      return [p('x1', 'y1'), p('x2', 'y2')] as const;
    };
    const leaderKeys = new Set(leaderEls.map((l) => l.getAttribute('data-sel') ?? '?'));
    // from a segment to a box: 0 where it crosses it, else the nearest of its ends and the box's corners
    const segBoxDistance = (a: DOMPoint, b: DOMPoint, box: Box): number => {
      if (segHitsBox(a, b, box)) return 0;
      const toBox = (x: number, y: number) =>
        Math.hypot(Math.max(box.x0 - x, 0, x - box.x1), Math.max(box.y0 - y, 0, y - box.y1));
      const toSeg = (x: number, y: number) => {
        const [dx, dy] = [b.x - a.x, b.y - a.y];
        const len2 = dx * dx + dy * dy;
        const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - a.x) * dx + (y - a.y) * dy) / len2)) : 0;
        return Math.hypot(x - a.x - t * dx, y - a.y - t * dy);
      };
      const { x0, y0, x1, y1 } = box;
      return Math.min(toBox(a.x, a.y), toBox(b.x, b.y), toSeg(x0, y0), toSeg(x1, y0), toSeg(x0, y1), toSeg(x1, y1));
    };
    // named: its value line starts with the name ("w₆ = 0.45", "b₁ (h₁) → 0.3"), not the number alone ("0.45", "→ 0.3")
    const isNamed = (l: Label) => {
      const text = (l.el.querySelector('.bp-label-value')?.textContent ?? '').trim();
      return !text.startsWith('→') && /\s[=→]\s/.test(text);
    };
    const unnamedAstray: string[] = [];
    for (const l of labels) {
      const own = segs.find((s) => s.key === l.key);
      if (!own) continue;
      const away = leaderKeys.has(l.key) || !segHitsBox(own.a, own.b, l.box);
      const text = (l.el.querySelector('.bp-label-value')?.textContent ?? '').trim();
      if (!away || isNamed(l)) continue;
      const d = segBoxDistance(own.a, own.b, l.box);
      for (const s of segs) {
        if (s.key === l.key) continue;
        const e = segBoxDistance(s.a, s.b, l.box);
        // a label's height of slack: its leader shows which line it belongs to
        if (e < d - (l.box.y1 - l.box.y0)) {
          unnamedAstray.push(`${l.key} "${text}": ${d.toFixed(0)} px from its line, ${e.toFixed(0)} px from ${s.key}`);
          break;
        }
      }
    }
    const leaderSpans = leaderEls.map((leader) => {
      const key = leader.getAttribute('data-sel') ?? '?';
      const [a, b] = leaderEnds(leader);
      const px = Math.hypot(b.x - a.x, b.y - a.y);
      const label = labels.find((l) => l.key === key);
      const h = label ? label.box.y1 - label.box.y0 : NaN;
      return { key, px, heights: px / h, named: label ? isNamed(label) : false };
    });
    const placed = labels.filter((l) => l.el.closest('.bp-labels') !== null).length;
    const note = document.querySelector('[data-testid="hidden-labels"]');
    return {
      params: params.length,
      drawn: params.filter((k) => drawnKeys.has(k)).length,
      missing: params.filter((k) => !drawnKeys.has(k)),
      overlaps,
      nodeOverlaps,
      struck,
      minFontPx: minFontPx === Infinity ? 0 : minFontPx,
      hiddenNote: note && displayed(note) ? (note.textContent ?? '') : '',
      placed,
      onDemand: labels.filter((l) => l.el.closest('.bp-labels-top') !== null).length,
      textOverlaps,
      leadersOver: leadersOver(),
      leaders: leaderEls.length,
      unnamedAstray,
      leaderSpans,
    };

    function leadersOver(): string[] {
      const probe = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      probe.style.fill = 'var(--bp-bg)';
      svg.appendChild(probe);
      const background = getComputedStyle(probe).fill;
      probe.remove();
      const opaqueFill = (el: Element) => {
        const cs = getComputedStyle(el);
        return (
          cs.fill !== 'none' &&
          !/rgba\([^)]*,\s*0\)$/.test(cs.fill) &&
          !/transparent/.test(cs.fill) &&
          parseFloat(cs.fillOpacity) >= 1 &&
          parseFloat(cs.opacity) >= 1
        );
      };
      const haloed = (el: Element) => {
        const cs = getComputedStyle(el);
        return (
          cs.paintOrder.startsWith('stroke') &&
          cs.stroke === background &&
          parseFloat(cs.strokeOpacity) >= 1 &&
          parseFloat(cs.strokeWidth) >= HALO_MIN
        );
      };
      const above = (leader: Element, el: Element) =>
        (leader.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      const shrink = (b: Box, d: number): Box => ({ x0: b.x0 + d, y0: b.y0 + d, x1: b.x1 - d, y1: b.y1 - d });

      type Obstacle = {
        name: string;
        el: Element;
        hits: (a: DOMPoint, b: DOMPoint) => boolean;
        hides: (leader: Element) => boolean;
      };
      const obstacles: Obstacle[] = [];
      const circleEls = Array.from(
        svg.querySelectorAll('.bp-node-circle, .bp-loss-circle, .bp-bias-node circle'),
      ).filter(displayed);
      const circleOf = new Map<Element, { cx: number; cy: number; r: number }>();
      for (const c of circleEls) {
        const b = boxOf(c);
        const geo = { cx: (b.x0 + b.x1) / 2, cy: (b.y0 + b.y1) / 2, r: (b.x1 - b.x0) / 2 };
        circleOf.set(c, geo);
        obstacles.push({
          name: `circle of ${c.closest('[data-sel]')?.getAttribute('data-sel') ?? 'a bias node'}`,
          el: c,
          hits: (a, b2) => {
            // the distance from the centre to the segment, under the radius less half the line
            const dx = b2.x - a.x;
            const dy = b2.y - a.y;
            const t = Math.max(0, Math.min(1, ((geo.cx - a.x) * dx + (geo.cy - a.y) * dy) / (dx * dx + dy * dy || 1)));
            return Math.hypot(a.x + t * dx - geo.cx, a.y + t * dy - geo.cy) < geo.r - 0.5;
          },
          hides: (leader) => above(leader, c) && opaqueFill(c),
        });
      }
      const texts = Array.from(svg.querySelectorAll('.bp-node-text text, .bp-node-name, .bp-header')).filter(
        (t) => displayed(t) && (t.textContent ?? '').trim() !== '',
      );
      for (const t of texts) {
        const box = shrink(boxOf(t), 1);
        const ownCircle = t.classList.contains('bp-node-name')
          ? t.parentElement?.querySelector('.bp-node-circle')
          : null;
        obstacles.push({
          name: `text "${t.textContent}"`,
          el: t,
          hits: (a, b2) => segHitsBox(a, b2, box),
          hides: (leader) => {
            if (!above(leader, t)) return false;
            if (haloed(t)) return true;
            // a name on its opaque circle, which hides the line first
            if (!ownCircle || !circleOf.has(ownCircle)) return false;
            const c = boxOf(ownCircle);
            return above(leader, ownCircle) && opaqueFill(ownCircle) && inside(box, c);
          },
        });
      }
      for (const l of labels) {
        const box = shrink(l.box, 0.5);
        const bg = l.el.querySelector('.bp-label-bg');
        obstacles.push({
          name: `label ${l.key}`,
          el: l.el,
          hits: (a, b2) => segHitsBox(a, b2, box),
          hides: (leader) => l.opaque && bg !== null && above(leader, bg),
        });
      }

      const out: string[] = [];
      for (const leader of Array.from(svg.querySelectorAll('.bp-leader')) as SVGLineElement[]) {
        if (!displayed(leader)) continue;
        const own = leader.closest('[data-sel]')?.getAttribute('data-sel') ?? '?';
        const m = leader.getScreenCTM() as DOMMatrix;
        const p = (x: string, y: string) =>
          new DOMPoint(Number(leader.getAttribute(x)), Number(leader.getAttribute(y))).matrixTransform(m);
        const a = p('x1', 'y1');
        const b = p('x2', 'y2');
        for (const o of obstacles) {
          if (o.el === leader.closest('.bp-label') || o.name === `label ${own}`) continue;
          if (o.hits(a, b) && !o.hides(leader)) out.push(`${own} leader over ${o.name}`);
        }
      }
      return out;
    }
  }, HALO_MIN);
}

import type { Model } from '../core/model.ts';
import { sameSelection, type Selection } from '../core/selection.ts';
import { columnY, focusEdges } from './neuron-focus.ts';

/** Which neuron the focus shows: node j of layer l. */
export interface NeuronFocus {
  readonly l: number;
  readonly j: number;
}

export interface NeuronFocusModel {
  readonly model: Model;
  readonly w: Float64Array;
  readonly selection: Selection | null;
  readonly focus: NeuronFocus;
}

export interface NeuronFocusCallbacks {
  onSelect(selection: Selection): void;
  /** another neuron, or null: back to the blocks */
  onFocus(focus: NeuronFocus | null): void;
}

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 420;
const fmt = (n: number) => n.toLocaleString('en-US');
const layerName = (model: Model, l: number) =>
  l === 0 ? 'the input layer' : l === model.depth ? 'the output layer' : `layer ${l}`;

function svgEl<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * One neuron of a network too big to draw whole, node by node: the layer before on the left
 * with every weight into it, the neuron in the middle, the layer after on the right with every
 * weight out of it (blue +, orange dashed −, stronger for larger |w|). A click on an edge or
 * the neuron selects it; the neuron's number and ◀ ▶ pick another; Back returns to the blocks.
 */
export function createNeuronFocusView(
  container: HTMLElement,
  callbacks: NeuronFocusCallbacks,
): { update(m: NeuronFocusModel | null): void; destroy(): void } {
  const root = document.createElement('section');
  root.className = 'neuron-focus';
  root.dataset.testid = 'neuron-focus';
  root.hidden = true;
  container.append(root);

  const render = (m: NeuronFocusModel) => {
    const { model, w, selection, focus } = m;
    const { l, j } = focus;
    const n = model.sizes[l];
    const edges = focusEdges(model, l, j);
    root.replaceChildren();

    const bar = document.createElement('div');
    bar.className = 'neuron-focus-bar';
    const back = document.createElement('button');
    back.type = 'button';
    back.textContent = '← All layers';
    back.dataset.testid = 'focus-back';
    back.addEventListener('click', () => callbacks.onFocus(null));
    const prev = document.createElement('button');
    prev.type = 'button';
    prev.textContent = '◀';
    prev.setAttribute('aria-label', 'Previous neuron');
    prev.disabled = j === 0;
    prev.addEventListener('click', () => callbacks.onFocus({ l, j: j - 1 }));
    const next = document.createElement('button');
    next.type = 'button';
    next.textContent = '▶';
    next.setAttribute('aria-label', 'Next neuron');
    next.disabled = j === n - 1;
    next.addEventListener('click', () => callbacks.onFocus({ l, j: j + 1 }));
    const label = document.createElement('label');
    label.textContent = 'neuron ';
    const input = document.createElement('input');
    input.type = 'number';
    input.min = '1';
    input.max = String(n);
    input.value = String(j + 1);
    input.dataset.testid = 'focus-neuron';
    input.addEventListener('change', () => {
      const k = Math.round(Number(input.value)) - 1;
      if (Number.isFinite(k) && k >= 0 && k < n) callbacks.onFocus({ l, j: k });
      else input.value = String(j + 1);
    });
    label.append(input, ` of ${fmt(n)}`);
    bar.append(back, prev, label, next);

    const note = document.createElement('p');
    note.className = 'neuron-focus-note';
    note.setAttribute('role', 'note');
    note.dataset.testid = 'focus-note';
    const ins = edges.fanIn.length;
    const outs = edges.fanOut.length;
    note.textContent =
      `Neuron ${fmt(j + 1)} of ${layerName(model, l)}, node by node: ` +
      (ins ? `its ${fmt(ins)} input weights from ${layerName(model, l - 1)}` : 'an input (no weights into it)') +
      (outs
        ? ` and its ${fmt(outs)} output weights to ${layerName(model, l + 1)}`
        : ' (the output: no weights out of it)') +
      '. Blue positive, orange dashed negative, stronger for larger |w|. Click an edge or the neuron to select it.';

    const svg = svgEl('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'group', 'aria-label': note.textContent });
    svg.classList.add('neuron-focus-svg');
    const xIn = 60;
    const xMid = WIDTH / 2;
    const xOut = WIDTH - 60;
    const yMid = HEIGHT / 2;
    let maxW = 0;
    for (const e of [...edges.fanIn, ...edges.fanOut]) maxW = Math.max(maxW, Math.abs(w[e.k]));
    const lines = svgEl('g', { class: 'neuron-focus-edges' });
    const nodes = svgEl('g', { class: 'neuron-focus-nodes' });
    const column = (x: number, count: number, layer: number) => {
      const r = Math.max(1, Math.min(5, (HEIGHT - 40) / count / 2.5));
      for (let k = 0; k < count; k++)
        nodes.append(
          svgEl('circle', { cx: x, cy: columnY(k, count, HEIGHT), r, class: 'neuron-focus-node', 'data-layer': layer }),
        );
    };
    const edge = (x1: number, y1: number, x2: number, y2: number, k: number, sel: Selection) => {
      const v = w[k];
      const line = svgEl('line', {
        x1,
        y1,
        x2,
        y2,
        class: v < 0 ? 'neg' : 'pos',
        'stroke-opacity': (0.15 + 0.85 * (maxW > 0 ? Math.abs(v) / maxW : 0)).toFixed(3),
        'data-focus-edge': `${sel.kind === 'edge' ? `${sel.l}:${sel.j}:${sel.i}` : ''}`,
      });
      if (sameSelection(selection, sel)) line.classList.add('selected');
      const title = svgEl('title', {});
      title.textContent = `w = ${v}`;
      line.append(title);
      line.addEventListener('click', () => callbacks.onSelect(sel));
      lines.append(line);
    };
    if (l > 0) {
      column(xIn, model.sizes[l - 1], l - 1);
      for (const e of edges.fanIn)
        edge(xIn, columnY(e.other, model.sizes[l - 1], HEIGHT), xMid, yMid, e.k, {
          kind: 'edge',
          l: l - 1,
          j,
          i: e.other,
        });
    }
    if (l < model.depth) {
      column(xOut, model.sizes[l + 1], l + 1);
      for (const e of edges.fanOut)
        edge(xMid, yMid, xOut, columnY(e.other, model.sizes[l + 1], HEIGHT), e.k, {
          kind: 'edge',
          l,
          j: e.other,
          i: j,
        });
    }
    const me = svgEl('circle', { cx: xMid, cy: yMid, r: 12, class: 'neuron-focus-self', 'data-testid': 'focus-self' });
    if (sameSelection(selection, { kind: 'node', l, j })) me.classList.add('selected');
    me.addEventListener('click', () => callbacks.onSelect({ kind: 'node', l, j }));
    nodes.append(me);
    const text = (x: number, s: string) => {
      const t = svgEl('text', { x, y: 16, 'text-anchor': 'middle', class: 'neuron-focus-label' });
      t.textContent = s;
      svg.append(t);
    };
    if (l > 0) text(xIn, `${layerName(model, l - 1)} · ${fmt(model.sizes[l - 1])}`);
    text(xMid, `neuron ${fmt(j + 1)}`);
    if (l < model.depth) text(xOut, `${layerName(model, l + 1)} · ${fmt(model.sizes[l + 1])}`);
    svg.append(lines, nodes);
    root.append(bar, note, svg);
  };

  return {
    update(m) {
      root.hidden = m === null;
      if (m === null) root.replaceChildren();
      else render(m);
    },
    destroy() {
      root.remove();
    },
  };
}

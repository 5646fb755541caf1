import type { Model } from '../core/model.ts';
import type { Selection } from '../core/selection.ts';
import { cellAt, DRAWABLE_NODES, DRAWABLE_WEIGHTS, heatmapPixels, heatmapSize, maxAbs } from './layer-blocks.ts';
import { createNeuronFocusView, type NeuronFocus } from './neuron-focus-view.ts';

/** What the block view draws: the network's shape and weights, the activation of each block, the selection. */
export interface LayerBlocksModel {
  readonly model: Model;
  readonly w: Float64Array;
  /** the activation's name of weight block l (layer l+1) */
  readonly activations: readonly string[];
  readonly selection: Selection | null;
}

export interface LayerBlocksCallbacks {
  onSelect(selection: Selection): void;
}

/** The longest side of a heatmap, in CSS pixels. */
const HEATMAP_MAX = 140;
/** How long the heatmaps may take per frame: the rest are drawn in the next frames, so a million weights never block the page. */
const DRAW_BUDGET_MS = 12;

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The diagram of a network too big to draw node by node: each layer a block naming its size
 * and activation, each weight matrix a heatmap on a canvas (blue +, orange −, stronger for
 * larger |w|, scaled to the matrix's largest |w|), drawn a few per frame. Clicking a cell
 * selects its weight; the selected weight is outlined. Clicking a layer block shows one of its
 * neurons node by node, with its fan-in and fan-out (neuron-focus-view.ts), and Back returns.
 * It says on screen why it is drawn this way.
 */
export function createLayerBlocksView(
  container: HTMLElement,
  callbacks: LayerBlocksCallbacks,
): { update(m: LayerBlocksModel): void; destroy(): void } {
  const root = document.createElement('div');
  root.className = 'layer-blocks';
  root.dataset.testid = 'layer-blocks';
  container.append(root);
  let shape: Model | null = null;
  let canvases: HTMLCanvasElement[] = [];
  /** each heatmap's pixels for the weights `lastW`, drawn so far */
  let images: (ImageData | null)[] = [];
  let lastW: Float64Array | null = null;
  let last: LayerBlocksModel | null = null;
  let pending = 0;
  let focus: NeuronFocus | null = null;
  const focusView = createNeuronFocusView(container, {
    onSelect: (sel) => callbacks.onSelect(sel),
    onFocus: (f) => {
      focus = f;
      showFocus();
    },
  });

  const showFocus = () => {
    root.hidden = focus !== null;
    root.dataset.focus = focus === null ? '' : `${focus.l}:${focus.j}`;
    if (last) focusView.update(focus === null ? null : { ...last, focus });
  };

  const build = (m: LayerBlocksModel) => {
    const { model } = m;
    root.replaceChildren();
    const note = document.createElement('p');
    note.className = 'layer-blocks-note';
    note.setAttribute('role', 'note');
    note.dataset.testid = 'layer-blocks-note';
    note.textContent =
      `This network has ${fmt(model.weightCount)} weights and ${fmt(model.nodeCount)} nodes: too many to draw node by node ` +
      `(the diagram draws up to ${fmt(DRAWABLE_WEIGHTS)} weights and ${fmt(DRAWABLE_NODES)} nodes). Each layer is a block, each weight matrix a heatmap ` +
      '(blue positive, orange negative, stronger for larger |w|). Click a cell to select its weight; the panels show it. ' +
      'Click a layer to see one of its neurons node by node, with its inputs and outputs.';
    const row = document.createElement('div');
    row.className = 'layer-blocks-row';
    canvases = [];
    for (let l = 0; l <= model.depth; l++) {
      // a div in the role of a button: a <button> does not lay out its text vertically in every browser
      const block = document.createElement('div');
      block.setAttribute('role', 'button');
      block.tabIndex = 0;
      block.className = 'layer-block';
      block.dataset.layer = String(l);
      const n = model.sizes[l];
      block.textContent =
        l === 0
          ? `input · ${fmt(n)}`
          : `${l === model.depth ? 'output' : `layer ${l}`} · ${fmt(n)} · ${m.activations[l - 1]}`;
      block.title = `Show a neuron of ${l === 0 ? 'the input layer' : l === model.depth ? 'the output layer' : `layer ${l}`} node by node`;
      // taller for a wider layer, and never shorter than its label
      block.style.minHeight = `${Math.max(24, Math.round((HEATMAP_MAX * Math.min(n, 1024)) / 1024))}px`;
      const open = () => {
        const sel = last?.selection;
        const j =
          sel && sel.kind === 'node' && sel.l === l ? sel.j : sel && sel.kind === 'edge' && sel.l + 1 === l ? sel.j : 0;
        focus = { l, j };
        showFocus();
      };
      block.addEventListener('click', open);
      block.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        open();
      });
      row.append(block);
      if (l === model.depth) break;
      const rows = model.sizes[l + 1];
      const cols = n;
      const { width, height } = heatmapSize(rows, cols, HEATMAP_MAX);
      const figure = document.createElement('figure');
      figure.className = 'layer-heatmap';
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      // small matrices are enlarged so their cells can be clicked
      const k = Math.max(1, Math.floor(HEATMAP_MAX / 2 / Math.max(width, height)));
      // and never narrower than a finger's width, so a 997 × 2 matrix can still be clicked
      canvas.style.width = `${Math.max(12, width * k)}px`;
      canvas.style.height = `${Math.max(12, height * k)}px`;
      canvas.dataset.block = String(l);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute(
        'aria-label',
        `Weights from layer ${l} to layer ${l + 1}: ${fmt(rows)} × ${fmt(cols)} heatmap`,
      );
      canvas.addEventListener('click', (e) => {
        const r = canvas.getBoundingClientRect();
        const { j, i } = cellAt(e.clientX - r.left, e.clientY - r.top, rows, cols, r.width, r.height);
        callbacks.onSelect({ kind: 'edge', l, j, i });
      });
      const caption = document.createElement('figcaption');
      caption.textContent = `W${l + 1} ${fmt(rows)}×${fmt(cols)}`;
      figure.append(canvas, caption);
      row.append(figure);
      canvases.push(canvas);
    }
    root.append(note, row);
    images = canvases.map(() => null);
  };

  /** Heatmap l's pixels for the current weights (computed once per weights), with the selection outlined. */
  const paint = (l: number) => {
    const m = last;
    const canvas = canvases[l];
    const ctx = canvas?.getContext('2d');
    if (!m || !ctx) return;
    const { model, w, selection } = m;
    const rows = model.sizes[l + 1];
    const cols = model.sizes[l];
    let image = images[l];
    if (image === null) {
      const offset = model.weightOffset[l];
      const scale = maxAbs(w, offset, rows * cols);
      image = new ImageData(
        heatmapPixels(w, offset, rows, cols, canvas.width, canvas.height, scale) as Uint8ClampedArray<ArrayBuffer>,
        canvas.width,
        canvas.height,
      );
      images[l] = image;
      canvas.dataset.maxAbs = String(scale);
    }
    ctx.putImageData(image, 0, 0);
    canvas.dataset.drawn = 'true';
    if (selection && selection.kind === 'edge' && selection.l === l) {
      const x = Math.floor((selection.i * canvas.width) / cols);
      const y = Math.floor((selection.j * canvas.height) / rows);
      ctx.strokeStyle = '#7c3aed';
      ctx.lineWidth = 1;
      ctx.strokeRect(x - 1.5, y - 1.5, 4, 4);
      canvas.dataset.selected = `${selection.j}:${selection.i}`;
    } else {
      delete canvas.dataset.selected;
    }
  };

  /** The heatmaps still to paint, painted as many as fit in DRAW_BUDGET_MS per frame. */
  const queue = new Set<number>();
  const drawSome = () => {
    pending = 0;
    const t0 = performance.now();
    for (const l of queue) {
      queue.delete(l);
      paint(l);
      if (queue.size > 0 && performance.now() - t0 >= DRAW_BUDGET_MS) {
        pending = requestAnimationFrame(drawSome);
        return;
      }
    }
    root.dataset.drawn = 'true';
  };

  return {
    update(m) {
      if (shape !== m.model) {
        if (shape === null || shape.depth !== m.model.depth || shape.sizes.some((n, l) => n !== m.model.sizes[l])) {
          build(m);
          lastW = null;
          focus = null;
        }
        shape = m.model;
      }
      const prev = last;
      last = m;
      if (focus !== null) showFocus();
      if (m.w === lastW && prev !== null && m.selection === prev.selection) return;
      if (m.w !== lastW) {
        lastW = m.w;
        images = canvases.map(() => null);
        delete root.dataset.drawn;
        canvases.forEach((_, l) => queue.add(l));
      } else {
        // only the selection moved: repaint the heatmaps it left and entered
        for (const s of [prev?.selection ?? null, m.selection]) if (s && s.kind === 'edge') queue.add(s.l);
      }
      if (pending === 0) drawSome();
    },
    destroy() {
      cancelAnimationFrame(pending);
      focusView.destroy();
      root.remove();
    },
  };
}

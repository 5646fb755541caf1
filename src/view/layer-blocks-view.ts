import type { Model } from '../core/model.ts';
import type { Selection } from '../core/selection.ts';
import { cellAt, DRAWABLE_NODES, DRAWABLE_WEIGHTS, heatmapPixels, heatmapSize, maxAbs } from './layer-blocks.ts';

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

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The diagram of a network too big to draw node by node: each layer a block naming its size
 * and activation, each weight matrix a heatmap on a canvas (blue +, orange −, stronger for
 * larger |w|, scaled to the matrix's largest |w|). Clicking a cell selects its weight; the
 * selected weight is outlined. It says on screen why it is drawn this way.
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
  let note: HTMLParagraphElement | null = null;
  let lastW: Float64Array | null = null;
  let lastSel: Selection | null = null;

  const build = (m: LayerBlocksModel) => {
    const { model } = m;
    root.replaceChildren();
    note = document.createElement('p');
    note.className = 'layer-blocks-note';
    note.setAttribute('role', 'note');
    note.dataset.testid = 'layer-blocks-note';
    note.textContent =
      `This network has ${fmt(model.weightCount)} weights and ${fmt(model.nodeCount)} nodes: too many to draw node by node ` +
      `(the diagram draws up to ${fmt(DRAWABLE_WEIGHTS)} weights and ${fmt(DRAWABLE_NODES)} nodes). Each layer is a block, each weight matrix a heatmap ` +
      '(blue positive, orange negative, stronger for larger |w|). Click a cell to select its weight; the panels show it.';
    const row = document.createElement('div');
    row.className = 'layer-blocks-row';
    canvases = [];
    for (let l = 0; l <= model.depth; l++) {
      const block = document.createElement('div');
      block.className = 'layer-block';
      block.dataset.layer = String(l);
      const n = model.sizes[l];
      block.textContent =
        l === 0
          ? `input · ${fmt(n)}`
          : `${l === model.depth ? 'output' : `layer ${l}`} · ${fmt(n)} · ${m.activations[l - 1]}`;
      block.style.height = `${Math.max(24, Math.round((HEATMAP_MAX * Math.min(n, 1024)) / 1024))}px`;
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
  };

  const draw = (m: LayerBlocksModel) => {
    const { model, w, selection } = m;
    canvases.forEach((canvas, l) => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const rows = model.sizes[l + 1];
      const cols = model.sizes[l];
      const offset = model.weightOffset[l];
      const scale = maxAbs(w, offset, rows * cols);
      ctx.putImageData(
        new ImageData(
          heatmapPixels(w, offset, rows, cols, canvas.width, canvas.height, scale) as Uint8ClampedArray<ArrayBuffer>,
          canvas.width,
          canvas.height,
        ),
        0,
        0,
      );
      canvas.dataset.maxAbs = String(scale);
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
    });
  };

  return {
    update(m) {
      if (shape !== m.model) {
        if (shape === null || shape.depth !== m.model.depth || shape.sizes.some((n, l) => n !== m.model.sizes[l])) {
          build(m);
          lastW = null;
        }
        shape = m.model;
      }
      if (m.w === lastW && m.selection === lastSel) return;
      lastW = m.w;
      lastSel = m.selection;
      draw(m);
    },
    destroy() {
      root.remove();
    },
  };
}

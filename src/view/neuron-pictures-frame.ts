import type { Compiled } from '../core/compile.ts';
import type { Model, Params } from '../core/model.ts';
import { computeOutputGrid, createOutputGrid, type OutputGrid, type PlaneWindow } from '../core/output-grid.ts';
import type { Sample } from '../core/scenario.ts';
import { PLANE_RES } from './data-plane-frame.ts';
import { planeWindow } from './data-plane-model.ts';
import { picturePixels, pictureRange } from './neuron-picture-colors.ts';
import type { NeuronPicturesFrame } from './neuron-pictures-view.ts';

/** The most hidden and output nodes that get pictures (more would be too small to read, and slow). */
export const MAX_PICTURES = 64;

/** Whether a network gets neuron pictures: two inputs, and at most MAX_PICTURES nodes past the inputs. */
export function picturesFit(model: Model): boolean {
  return model.sizes[0] === 2 && model.nodeCount - model.sizes[0] <= MAX_PICTURES;
}

/**
 * Builds the neuron pictures' frames: one forward pass of the core over the same 64 × 64
 * grid as the data view's heatmap (the same window over the data) gives every node's
 * activation at once; the arrays are reused while the network's shape and the window stay.
 */
export function createPicturesBuilder(): (
  compiled: Compiled,
  params: Params,
  data: readonly Sample[],
  testData: readonly Sample[],
) => NeuronPicturesFrame | null {
  let grid: OutputGrid | null = null;
  let gridModel: Model | null = null;
  let windowKey: [readonly Sample[], readonly Sample[]] | null = null;
  let win: PlaneWindow | null = null;
  let pictures = new Map<string, Uint8ClampedArray>();
  const fixed = [0, 0];

  return (compiled, params, data, testData) => {
    const { model } = compiled;
    if (!picturesFit(model)) return null;
    if (win === null || windowKey === null || windowKey[0] !== data || windowKey[1] !== testData) {
      win = planeWindow(
        [...data, ...testData].map((d) => d.x),
        0,
        1,
        PLANE_RES,
      );
      windowKey = [data, testData];
    }
    const w = win;
    if (
      grid === null ||
      gridModel !== model ||
      grid.window.x0 !== w.x0 ||
      grid.window.x1 !== w.x1 ||
      grid.window.y0 !== w.y0 ||
      grid.window.y1 !== w.y1
    ) {
      grid = createOutputGrid(model, w);
      gridModel = model;
      pictures = new Map();
    }
    computeOutputGrid(model, params, grid, 0, 1, fixed);
    const cells = w.res * w.res;
    const { a } = grid.ws;
    const stride = model.nodeCount;
    for (let l = 1; l <= model.depth; l++) {
      const act = model.act[l - 1];
      for (let j = 0; j < model.sizes[l]; j++) {
        const key = `${l}:${j}`;
        let pixels = pictures.get(key);
        if (!pixels) {
          pixels = new Uint8ClampedArray(cells * 4);
          pictures.set(key, pixels);
        }
        const node = model.nodeOffset[l] + j;
        const { lo, hi } = pictureRange(act, a, stride, node, cells);
        picturePixels(a, stride, node, cells, lo, hi, pixels);
      }
    }
    return { window: w, pictures };
  };
}

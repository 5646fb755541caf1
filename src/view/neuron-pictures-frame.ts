import type { Compiled } from '../core/compile.ts';
import type { Model, Params } from '../core/model.ts';
import { createPlaneGridCache, type PlaneGridFn, type PlaneWindow } from '../core/output-grid.ts';
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
 * activation at once; `grid` computes it (the store's planeGrid: the heatmap's pass, when
 * the Data tab shows the same plane). The arrays are reused while the network's shape stays.
 */
export function createPicturesBuilder(
  grid: PlaneGridFn = createPlaneGridCache(),
): (
  compiled: Compiled,
  params: Params,
  data: readonly Sample[],
  testData: readonly Sample[],
) => NeuronPicturesFrame | null {
  let pixelsModel: Model | null = null;
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
    if (pixelsModel !== model) {
      pictures = new Map();
      pixelsModel = model;
    }
    const { a } = grid({ model, params }, w, 0, 1, fixed).ws;
    const cells = w.res * w.res;
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

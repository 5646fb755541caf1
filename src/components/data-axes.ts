import { createStore } from 'zustand/vanilla';

/**
 * The two inputs the Data tab shows across and up (for a network of 3 or more inputs), shared
 * with the neuron pictures in the diagram so they are drawn over the same plane. A view
 * choice of this page, not part of the scenario or the session: it starts at inputs 1 and 2.
 */
export interface DataAxes {
  readonly axes: readonly [number, number];
  setAxes(axes: readonly [number, number]): void;
}

export const dataAxes = createStore<DataAxes>()((set) => ({
  axes: [0, 1],
  setAxes: (axes) => set({ axes }),
}));

/** The inputs across (i) and up (j) for a network of nIn inputs: j = −1 for one input; never i = j. */
export function planeAxes(axes: readonly [number, number], nIn: number): [number, number] {
  const i = Math.min(Math.max(0, axes[0]), nIn - 1);
  if (nIn === 1) return [i, -1];
  const j = Math.min(Math.max(0, axes[1]), nIn - 1);
  return [i, j === i ? (i + 1) % nIn : j];
}

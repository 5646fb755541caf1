import type { SideTab } from '../store/app-state.ts';

/** The name of each view beside the diagram, on its tab and wherever it is mentioned. */
export const SIDE_TAB_TITLES: Readonly<Record<SideTab, string>> = {
  math: 'Math',
  matrix: 'Matrices',
  landscape: 'Landscape',
  compare: 'Compare',
  data: 'Data',
};

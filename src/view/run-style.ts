/**
 * How the runs of a comparison are told apart, the same on the loss chart and the
 * landscape: colours from the Okabe–Ito palette (distinct for the common colour-vision
 * deficiencies) and, so that colour is never the only cue, a dash pattern and a letter.
 */
export interface RunStyle {
  readonly color: string;
  /** canvas dash pattern in px; empty for a solid line */
  readonly dash: readonly number[];
}

export const RUN_STYLES: readonly RunStyle[] = [
  { color: '#e69f00', dash: [] },
  { color: '#56b4e9', dash: [7, 4] },
  { color: '#cc79a7', dash: [2, 3] },
  { color: '#d55e00', dash: [9, 3, 2, 3] },
];

/** Run k's style (cycling past the last). */
export function runStyle(k: number): RunStyle {
  return RUN_STYLES[k % RUN_STYLES.length];
}

/** The dash pattern as an SVG stroke-dasharray (empty for solid). */
export function svgDash(style: RunStyle): string {
  return style.dash.join(' ');
}

/**
 * Pure geometry of the loss landscape: the colour ramp, the value → colour transform, the
 * contour levels and the iso-lines (marching squares) of a grid. No DOM.
 */

/** A perceptually ordered ramp (viridis, 9 stops): low loss dark blue-purple, high loss yellow. */
const RAMP: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** The ramp's colour at t ∈ [0, 1] as [r, g, b] bytes (clamped; NaN gives grey). */
export function rampColor(t: number): [number, number, number] {
  if (Number.isNaN(t)) return [128, 128, 128];
  const u = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const k = Math.min(RAMP.length - 2, Math.floor(u));
  const f = u - k;
  const a = RAMP[k];
  const b = RAMP[k + 1];
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

/**
 * Where L sits between min and max on the colour axis, t = √((L − min)/(max − min)): the
 * square root spreads the low values, where the minima are. ∞ gives 1; NaN stays NaN.
 */
export function colorPosition(L: number, min: number, max: number): number {
  if (Number.isNaN(L)) return NaN;
  if (!(max > min)) return 0;
  const r = (L - min) / (max - min);
  return Math.sqrt(Math.min(1, Math.max(0, r)));
}

/** The value at colour position t (the inverse of colorPosition). */
export function valueAt(t: number, min: number, max: number): number {
  return min + t * t * (max - min);
}

/** `n` contour levels, evenly spaced on the colour axis strictly between min and max. */
export function contourLevels(min: number, max: number, n: number): number[] {
  if (!(max > min) || n <= 0) return [];
  const out: number[] = [];
  for (let k = 1; k <= n; k++) out.push(valueAt(k / (n + 1), min, max));
  return out;
}

/**
 * The iso-line L = level of a row-major nx × ny grid, as segments in grid coordinates
 * (column, row): [x1, y1, x2, y2, …]. Marching squares with linear interpolation on the
 * cell edges; cells with a non-finite corner are skipped; saddles are split by the centre.
 */
export function contourSegments(values: Float64Array, nx: number, ny: number, level: number): number[] {
  const out: number[] = [];
  const cross = (a: number, b: number) => (level - a) / (b - a);
  for (let r = 0; r < ny - 1; r++) {
    for (let c = 0; c < nx - 1; c++) {
      const v0 = values[r * nx + c]; // (c, r)
      const v1 = values[r * nx + c + 1]; // (c+1, r)
      const v2 = values[(r + 1) * nx + c + 1]; // (c+1, r+1)
      const v3 = values[(r + 1) * nx + c]; // (c, r+1)
      if (!(Number.isFinite(v0) && Number.isFinite(v1) && Number.isFinite(v2) && Number.isFinite(v3))) continue;
      const code = (v0 > level ? 1 : 0) | (v1 > level ? 2 : 0) | (v2 > level ? 4 : 0) | (v3 > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // edge points: top (v0–v1), right (v1–v2), bottom (v3–v2), left (v0–v3)
      const top = (): [number, number] => [c + cross(v0, v1), r];
      const right = (): [number, number] => [c + 1, r + cross(v1, v2)];
      const bottom = (): [number, number] => [c + cross(v3, v2), r + 1];
      const left = (): [number, number] => [c, r + cross(v0, v3)];
      const seg = (p: [number, number], q: [number, number]) => out.push(p[0], p[1], q[0], q[1]);
      const centreHigh = (v0 + v1 + v2 + v3) / 4 > level;
      switch (code) {
        case 1:
        case 14:
          seg(left(), top());
          break;
        case 2:
        case 13:
          seg(top(), right());
          break;
        case 3:
        case 12:
          seg(left(), right());
          break;
        case 4:
        case 11:
          seg(right(), bottom());
          break;
        case 6:
        case 9:
          seg(top(), bottom());
          break;
        case 7:
        case 8:
          seg(left(), bottom());
          break;
        case 5:
          if (centreHigh) {
            seg(left(), bottom());
            seg(top(), right());
          } else {
            seg(left(), top());
            seg(right(), bottom());
          }
          break;
        case 10:
          if (centreHigh) {
            seg(left(), top());
            seg(right(), bottom());
          } else {
            seg(left(), bottom());
            seg(top(), right());
          }
          break;
      }
    }
  }
  return out;
}

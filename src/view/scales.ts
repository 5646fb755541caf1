import { scaleSqrt } from 'd3-scale';
import { formatNumber } from './format.ts';

/**
 * Sign and magnitude encodings of the diagram. Sign is never carried by hue alone: the two
 * hues are a colour-blind-safe pair (blue for positive, vermilion-orange for negative, from
 * the Okabe–Ito palette), negative strokes are also dashed, and every label carries a + or
 * − glyph. Magnitude is stroke width on a clamped square-root scale.
 */

export type Sign = 'pos' | 'neg' | 'zero' | 'nan';

export interface SignStyle {
  readonly sign: Sign;
  /** the class the view puts on the element; network.css maps it to colour and dash */
  readonly className: string;
  /** the CSS custom property holding the colour */
  readonly colorVar: '--pos' | '--neg' | '--muted';
  /** fallback colour when the property is not set */
  readonly color: string;
  /** stroke-dasharray, or null for a solid stroke */
  readonly dash: string | null;
  /** the glyph that repeats the sign in text */
  readonly glyph: string;
  readonly label: string;
}

export const NEG_DASH = '6 3';
export const NAN_DASH = '1 3';

export const SIGN_STYLES: Readonly<Record<Sign, SignStyle>> = {
  pos: {
    sign: 'pos',
    className: 'bp-pos',
    colorVar: '--pos',
    color: '#0072b2',
    dash: null,
    glyph: '+',
    label: 'positive',
  },
  neg: {
    sign: 'neg',
    className: 'bp-neg',
    colorVar: '--neg',
    color: '#d55e00',
    dash: NEG_DASH,
    glyph: '−',
    label: 'negative',
  },
  zero: {
    sign: 'zero',
    className: 'bp-zero',
    colorVar: '--muted',
    color: '#888888',
    dash: null,
    glyph: '',
    label: 'zero',
  },
  nan: {
    sign: 'nan',
    className: 'bp-nan',
    colorVar: '--muted',
    color: '#888888',
    dash: NAN_DASH,
    glyph: '?',
    label: 'not a number',
  },
};

/** The sign class of a value: NaN is its own case so that a diverged network reads as such. */
export function signOf(x: number): Sign {
  if (Number.isNaN(x)) return 'nan';
  if (x > 0) return 'pos';
  if (x < 0) return 'neg';
  return 'zero';
}

/** The style of a value's sign. */
export function signStyle(x: number): SignStyle {
  return SIGN_STYLES[signOf(x)];
}

/** The least of 1, 2, 5 × 10ᵏ that is ≥ x (1 for 0, NaN or ∞), so the width domain changes in steps, not every frame of a drag. */
export function niceCeil(x: number): number {
  if (!Number.isFinite(x) || x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

export interface WidthScale {
  /** stroke width for a value, in quarter pixels; monotonic in |x|, clamped to the range; NaN and ±∞ take the extremes */
  (x: number): number;
  readonly domainMax: number;
  readonly range: readonly [number, number];
}

export const WIDTH_RANGE: readonly [number, number] = [0.75, 7];

/** Width by |x| on a square-root scale over [0, niceCeil(maxAbs)], clamped, rounded to quarter pixels. */
export function createWidthScale(maxAbs: number, range: readonly [number, number] = WIDTH_RANGE): WidthScale {
  const domainMax = niceCeil(maxAbs);
  const s = scaleSqrt().domain([0, domainMax]).range([range[0], range[1]]).clamp(true);
  // Quarter-pixel steps: a drag that nudges many values restyles only the edges whose width visibly changes.
  const f = ((x: number) => {
    if (Number.isNaN(x)) return range[0];
    const abs = Math.abs(x);
    return abs === Infinity ? range[1] : Math.round(s(abs) * 4) / 4;
  }) as WidthScale;
  return Object.assign(f, { domainMax, range });
}

/** The largest finite |x| of a list of values (0 when there is none). */
export function maxAbsFinite(values: Iterable<number>): number {
  let m = 0;
  for (const v of values) {
    const a = Math.abs(v);
    if (a > m && a !== Infinity) m = a;
  }
  return m;
}

export interface LegendSwatch {
  readonly key: string;
  readonly label: string;
  readonly className: string;
  readonly dash: string | null;
  readonly width: number;
}

export interface LegendModel {
  readonly signs: readonly LegendSwatch[];
  readonly widths: readonly LegendSwatch[];
  /** marks that are not about weights: current step, frozen, blank */
  readonly marks: readonly { readonly key: string; readonly label: string; readonly className: string }[];
}

/** What the legend shows for a width scale: the two signs, three magnitudes, and the other marks. */
export function legendModel(scale: WidthScale): LegendModel {
  const mid = (scale.range[0] + scale.range[1]) / 2;
  const signs = (['pos', 'neg'] as const).map((s) => {
    const st = SIGN_STYLES[s];
    return { key: s, label: `${st.glyph} ${st.label}`, className: st.className, dash: st.dash, width: mid };
  });
  const widths = [0.1, 0.5, 1].map((f) => {
    const v = scale.domainMax * f;
    return { key: `w${f}`, label: `|w| ${formatNumber(v, 2)}`, className: 'bp-pos', dash: null, width: scale(v) };
  });
  return {
    signs,
    widths,
    marks: [
      { key: 'current', label: 'current step', className: 'bp-legend-current' },
      { key: 'frozen', label: 'frozen', className: 'bp-legend-frozen' },
      { key: 'blank', label: 'not yet computed', className: 'bp-legend-blank' },
    ],
  };
}

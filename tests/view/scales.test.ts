import { describe, expect, it } from 'vitest';
import { BLANK, formatKnown, formatNumber } from '../../src/view/format.ts';
import {
  createWidthScale,
  legendModel,
  maxAbsFinite,
  niceCeil,
  SIGN_STYLES,
  signOf,
  signStyle,
} from '../../src/view/scales.ts';

describe('sign encoding', () => {
  it('never carries sign by hue alone: negative has a dash pattern and a glyph, positive neither', () => {
    const pos = signStyle(0.4);
    const neg = signStyle(-0.4);
    expect(pos.sign).toBe('pos');
    expect(neg.sign).toBe('neg');
    expect(pos.dash).toBeNull();
    expect(neg.dash).toMatch(/^\d+ \d+$/);
    expect(pos.glyph).not.toBe(neg.glyph);
    expect(pos.className).not.toBe(neg.className);
  });

  it('uses a blue/orange pair, not red/green', () => {
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16) / 255);
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      const d = max - min;
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    expect(hue(SIGN_STYLES.pos.color)).toBeGreaterThan(180);
    expect(hue(SIGN_STYLES.pos.color)).toBeLessThan(250);
    expect(hue(SIGN_STYLES.neg.color)).toBeGreaterThan(10);
    expect(hue(SIGN_STYLES.neg.color)).toBeLessThan(45);
  });

  it('classifies zero and NaN on their own', () => {
    expect(signOf(0)).toBe('zero');
    expect(signOf(-0)).toBe('zero');
    expect(signOf(NaN)).toBe('nan');
    expect(signOf(-Infinity)).toBe('neg');
  });
});

describe('width by magnitude', () => {
  it('is monotonic in |w|, symmetric in sign, and clamped', () => {
    const s = createWidthScale(2);
    const xs = [0, 0.01, 0.1, 0.5, 1, 1.5, 2, 3, 100];
    for (let k = 1; k < xs.length; k++) expect(s(xs[k])).toBeGreaterThanOrEqual(s(xs[k - 1]));
    expect(s(0.5)).toBeLessThan(s(1));
    expect(s(-0.7)).toBe(s(0.7));
    expect(s(100)).toBe(s.range[1]);
    expect(s(0)).toBe(s.range[0]);
    expect(s(Infinity)).toBe(s.range[1]);
    expect(s(NaN)).toBe(s.range[0]);
  });

  it('changes its domain in nice steps, so a small drag does not restyle every edge', () => {
    expect(niceCeil(0.8)).toBe(1);
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(1.01)).toBe(2);
    expect(niceCeil(3)).toBe(5);
    expect(niceCeil(0.03)).toBeCloseTo(0.05, 12);
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(NaN)).toBe(1);
    expect(createWidthScale(0.9).domainMax).toBe(createWidthScale(0.95).domainMax);
    expect(maxAbsFinite([1, -3, Infinity, NaN])).toBe(3);
  });

  it('has a legend with both signs (one dashed) and increasing widths', () => {
    const m = legendModel(createWidthScale(1));
    expect(m.signs.map((s) => s.key)).toEqual(['pos', 'neg']);
    expect(m.signs[1].dash).not.toBeNull();
    expect(m.signs[0].label).toContain('+');
    expect(m.signs[1].label).toContain('−');
    const w = m.widths.map((x) => x.width);
    expect(w[0]).toBeLessThan(w[1]);
    expect(w[1]).toBeLessThan(w[2]);
    expect(m.marks.map((x) => x.key)).toEqual(['current', 'frozen', 'blank']);
  });
});

describe('number text', () => {
  it('rounds to four significant digits with a real minus sign', () => {
    expect(formatNumber(0.08216704)).toBe('0.08217');
    expect(formatNumber(-0.4)).toBe('−0.4');
    expect(formatNumber(12.34567)).toBe('12.35');
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1.234e-7)).toBe('1.234×10⁻⁷');
    expect(formatNumber(-123456)).toBe('−123456'); // never rounded into the integer −123500 it is not
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });

  it('blanks what is not known', () => {
    expect(formatKnown(0.5, false)).toBe(BLANK);
    expect(formatKnown(0.5, true)).toBe('0.5');
  });
});

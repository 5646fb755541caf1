import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseLabel } from '../../src/core/notation.ts';
import { testOptions } from '../../src/tex/katex-options.ts';
import { escapeTex } from '../../src/tex/escape-tex.ts';
import { nameTex } from '../../src/tex/name-tex.ts';

const name = (base: string, sub = '', sup = '') => nameTex({ base, sub, sup });

describe('nameTex', () => {
  it('writes the notation defaults', () => {
    expect(name('ŷ', '1')).toBe(String.raw`\hat{y}_{1}`);
    expect(name('x', '2')).toBe('x_{2}');
    expect(name('h', '1', '(1)')).toBe('h_{1}^{(1)}');
    expect(name('w', '12', '(2)')).toBe('w_{12}^{(2)}');
    expect(name('w', '10,3', '(1)')).toBe('w_{10,3}^{(1)}');
  });

  it('sets a multi-letter base upright as one name', () => {
    expect(nameTex(parseLabel('xh_1'))).toBe(String.raw`\mathrm{xh}_{1}`);
    expect(nameTex(parseLabel('AD'))).toBe(String.raw`\mathrm{AD}`);
    expect(nameTex(parseLabel('H_{21}'))).toBe('H_{21}');
  });

  it('writes Greek letters as commands', () => {
    expect(name('alpha')).toBe(String.raw`\alpha`);
    expect(name('Delta', 'w')).toBe(String.raw`\Delta_{w}`);
    expect(name('α', '1')).toBe(String.raw`{\alpha}_{1}`);
    expect(name('Δw')).toBe(String.raw`\mathrm{{\Delta}w}`);
    expect(name('σ')).toBe(String.raw`{\sigma}`);
  });

  it('escapes every TeX special of user text and drops control characters', () => {
    expect(name('a&b%')).toBe(String.raw`\mathrm{a\&b\%}`);
    expect(name('\\')).toBe(String.raw`{\backslash}`);
    expect(name('{h}')).toBe(String.raw`\mathrm{\{h\}}`);
    expect(name('$u#')).toBe(String.raw`\mathrm{\$u\#}`);
    expect(name('h~2')).toBe(String.raw`\mathrm{h\text{\textasciitilde}2}`);
    expect(name('v^x')).toBe(String.raw`\mathrm{v\text{\textasciicircum}x}`);
    expect(name('w', 'a_b')).toBe(String.raw`w_{a\_b}`);
    expect(name('a b')).toBe(String.raw`\mathrm{a\ b}`);
    expect(escapeTex('a\tb\r\u0000c')).toBe('abc');
    expect(escapeTex(String.raw`\right`)).toBe(String.raw`{\backslash}right`);
  });

  it('gives TeX that KaTeX renders, whatever the label', () => {
    const labels = [
      'xh_1',
      'ŷ_3',
      'a&b%',
      '\\frac{1}{0}',
      '{',
      '}',
      '$$',
      '#1',
      '~^_',
      'α_β',
      'h_{1}^{(2)}',
      'x y z',
      'é_ñ',
      '😀',
      'w^{\\',
      '',
    ];
    for (const label of labels) {
      const tex = nameTex(parseLabel(label));
      expect(() => katex.renderToString(tex, testOptions), `${label} → ${tex}`).not.toThrow();
    }
  });
});

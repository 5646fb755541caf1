import { describe, expect, it } from 'vitest';
import { xmlText } from '../../src/view/xml-text.ts';

describe('xmlText: the one escaping function for SVG/XML text', () => {
  it('drops every C0 control but tab, LF and CR, and keeps those three', () => {
    for (let code = 0; code < 0x20; code++) {
      const ch = String.fromCharCode(code);
      const expected = code === 0x9 || code === 0xa || code === 0xd ? `a${ch}b` : 'ab';
      expect(xmlText(`a${ch}b`), `U+${code.toString(16)}`).toBe(expected);
    }
  });

  it('drops the non-characters U+FFFE and U+FFFF and lone surrogates, keeps pairs', () => {
    expect(xmlText('a\uFFFEb\uFFFFc')).toBe('abc');
    expect(xmlText('a\uD800b\uDC00c')).toBe('abc');
    expect(xmlText('a😀b')).toBe('a😀b');
    expect(xmlText('a\uD83D')).toBe('a');
  });

  it('keeps what XML 1.0 allows: DEL, C1 (NEL), U+2028, U+2029, any other text', () => {
    const allowed = 'x\u007f\u0085\u2028\u2029 w₅ ŷ <&> "q" \'a\' \uFFFD';
    expect(xmlText(allowed)).toBe(allowed);
  });

  it('leaves every string that is well-formed text untouched (the same object back)', () => {
    const s = 'Mazur & co';
    expect(xmlText(s)).toBe(s);
  });
});

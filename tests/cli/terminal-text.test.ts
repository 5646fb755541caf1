import { describe, expect, it } from 'vitest';
import { terminalText } from '../../src/cli/terminal-text.ts';

describe('terminalText', () => {
  it('leaves printable text alone, Unicode included', () => {
    expect(terminalText('layers[1].activation: unknown activation "relux" — ∂L/∂z, ½, é, 𝑥')).toBe(
      'layers[1].activation: unknown activation "relux" — ∂L/∂z, ½, é, 𝑥',
    );
  });

  it('writes ESC and the other C0 controls as visible escapes', () => {
    expect(terminalText('\u001b[31mred\u001b]0;title\u0007')).toBe('\\x1b[31mred\\x1b]0;title\\x07');
    expect(terminalText('a\u0000b\bc\td')).toBe('a\\x00b\\x08c\\x09d');
  });

  it('escapes every kind of line ending, so a message stays one line', () => {
    expect(terminalText('a\nb\rc\u000bd\u000ce\u0085f\u2028g\u2029h')).toBe(
      'a\\x0ab\\x0dc\\x0bd\\x0ce\\x85f\\u2028g\\u2029h',
    );
  });

  it('escapes DEL, the C1 controls (U+009B is a one-byte CSI) and the bidirectional controls', () => {
    expect(terminalText('\u007f\u0080\u009b2J\u009f')).toBe('\\x7f\\x80\\x9b2J\\x9f');
    expect(terminalText('x\u202ey\u2066z\u2069\u200f\u061c')).toBe('x\\u202ey\\u2066z\\u2069\\u200f\\u061c');
  });

  it('escapes each of the 65 C0, DEL and C1 code points and nothing printable around them', () => {
    for (let code = 0; code <= 0xa0; code++) {
      const c = String.fromCharCode(code);
      const isControl = code < 0x20 || (code >= 0x7f && code <= 0x9f);
      expect(terminalText(c)).toBe(isControl ? `\\x${code.toString(16).padStart(2, '0')}` : c);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { escapeTex } from '../../src/tex/escape-tex.ts';
import { derivationLatex } from '../../src/tex/derivation-latex.ts';

/** Every character that ends a line somewhere (TeX reads CR and LF; editors and other engines more). */
const LINE_ENDINGS = ['\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085', '\f', '\v'];
/** Every C0 and C1 control character and DEL. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, k) => String.fromCharCode(k)),
  '\u007f',
  ...Array.from({ length: 0x20 }, (_, k) => String.fromCharCode(0x80 + k)),
];
const BREAKING = {
  test: (s: string) => Array.from(s).some((ch) => CONTROLS.includes(ch) || ch === '\u2028' || ch === '\u2029'),
};

describe('escapeTex: the one escaping function for TeX', () => {
  it('math mode: every TeX special escaped', () => {
    expect(escapeTex(String.raw`a&b%$#_{}\~^`, 'math')).toBe(
      String.raw`a\&b\%\$\#\_\{\}{\backslash}\text{\textasciitilde}\text{\textasciicircum}`,
    );
    expect(escapeTex('x y', 'math')).toBe(String.raw`x\ y`);
  });

  it("text mode: every LaTeX special escaped, the app's Unicode written as LaTeX", () => {
    expect(escapeTex(String.raw`x&1 50% $u v^# a\b {h} h~2 h_1`, 'text')).toBe(
      String.raw`x\&1 50\% \$u v\textasciicircum{}\# a\textbackslash{}b \{h\} h\textasciitilde{}2 h\_1`,
    );
    expect(escapeTex('Weight w₅: h₁ → o₁', 'text')).toBe(
      String.raw`Weight w\textsubscript{5}: h\textsubscript{1} $\to$ o\textsubscript{1}`,
    );
    expect(escapeTex('Hidden node h₁⁽¹⁾', 'text')).toBe(
      String.raw`Hidden node h\textsubscript{1}\textsuperscript{(1)}`,
    );
    expect(escapeTex('ŷ − y, ∂a/∂z · δ', 'text')).toBe(
      String.raw`$\hat{y}$ $-$ y, $\partial$a/$\partial$z $\cdot$ $\delta$`,
    );
  });

  it('comment mode: the text as it is, on one line', () => {
    expect(escapeTex('Weight w₅: h₁ → o₁ 50% {x}', 'comment')).toBe('Weight w₅: h₁ → o₁ 50% {x}');
  });

  it('no line ending of any kind survives, in any mode: each becomes a space (text, comment) or nothing (math)', () => {
    for (const end of LINE_ENDINGS) {
      const where = JSON.stringify(end);
      expect(escapeTex(`a${end}b`, 'text'), where).toBe('a b');
      expect(escapeTex(`a${end}b`, 'comment'), where).toBe('a b');
      expect(escapeTex(`a${end}b`, 'math'), where).toBe('ab');
    }
  });

  it('no control character survives, in any mode', () => {
    for (const ch of CONTROLS) {
      for (const mode of ['math', 'text', 'comment'] as const) {
        const out = escapeTex(`a${ch}b`, mode);
        expect(BREAKING.test(out), `${mode} U+${ch.charCodeAt(0).toString(16)} → ${JSON.stringify(out)}`).toBe(false);
      }
    }
  });
});

describe('a title cannot escape the LaTeX export', () => {
  const injection = String.raw`\AtBeginDocument{\input{/etc/hostname}}`;
  const derivation = (title: string) => ({
    title,
    sections: [{ heading: `Heading${'\r'}${injection}`, lines: [{ tex: 'x', note: `note\u2028${injection}` }] }],
  });

  it('keeps every line ending in a title inside the first comment line', () => {
    for (const end of LINE_ENDINGS) {
      const doc = derivationLatex(derivation(`Intro${end}${injection}`), `Backprop Lab${end}${injection}`);
      const lines = doc.split(/\r\n|[\r\n\u2028\u2029\u0085\f\v]/);
      const where = JSON.stringify(end);
      // Only the comment holds the text raw; everywhere else the backslashes are escaped.
      expect(lines[0].startsWith('% '), where).toBe(true);
      expect(lines[1].startsWith('% '), where).toBe(true);
      for (const line of lines.slice(1)) expect(line, where).not.toContain(String.raw`\AtBeginDocument`);
      expect(BREAKING.test(doc.replace(/\n/g, '')), where).toBe(false);
    }
  });
});

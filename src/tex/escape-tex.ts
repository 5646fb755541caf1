/**
 * The one place where user text (titles, labels, notes) becomes TeX. Three modes:
 *
 * - `math`: inside a formula (KaTeX in the app, the LaTeX export): specials escaped, Greek
 *   letters as commands, ŷ as \hat{y}.
 * - `text`: LaTeX text (a heading, a note): specials escaped, and the Unicode the app's names
 *   and notes use (sub- and superscripts, Greek, ŷ, ∂, →, ·, −) written as LaTeX, so that the
 *   document compiles with pdflatex.
 * - `comment`: the text as it is, for the end of a `%` line.
 *
 * In every mode no line ending of any kind (CR, LF, CRLF, NEL, U+2028, U+2029, form feed,
 * vertical tab) and no other control character (C0, DEL, C1) is left: TeX ends a comment at a
 * line end, so a lone CR in a title would let the rest of it run as TeX (`\input{…}`, or
 * `\write18` with -shell-escape). Each becomes a space in text and comments, and is dropped
 * in math, where a space means nothing.
 */
export type TexMode = 'math' | 'text' | 'comment';

/** C0 controls (tab, LF, VT, FF, CR included), DEL, C1 controls (NEL included), line and paragraph separators. */
function breaksLines(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** The lower-case Greek letters in alphabetical order, as TeX names them (omicron has no command). */
export const GREEK_LOWER: readonly string[] = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'omicron',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'chi',
  'psi',
  'omega',
];
const GREEK_UPPER_CODES: Readonly<Record<string, number>> = {
  Gamma: 0x393,
  Delta: 0x394,
  Theta: 0x398,
  Lambda: 0x39b,
  Xi: 0x39e,
  Pi: 0x3a0,
  Sigma: 0x3a3,
  Upsilon: 0x3a5,
  Phi: 0x3a6,
  Psi: 0x3a8,
  Omega: 0x3a9,
};

/** Greek letters by their Unicode character (α → \alpha); omicron has no command and stays as o. */
const GREEK_CHARS: Readonly<Record<string, string>> = (() => {
  const table: Record<string, string> = {};
  GREEK_LOWER.forEach((name, k) => {
    table[String.fromCodePoint(0x3b1 + k + (k >= 17 ? 1 : 0))] = name === 'omicron' ? 'o' : `{\\${name}}`;
  });
  for (const [name, code] of Object.entries(GREEK_UPPER_CODES)) table[String.fromCodePoint(code)] = `{\\${name}}`;
  table['ς'] = String.raw`{\varsigma}`;
  table['ϵ'] = String.raw`{\epsilon}`;
  table['ε'] = String.raw`{\varepsilon}`;
  table['ϕ'] = String.raw`{\phi}`;
  table['φ'] = String.raw`{\varphi}`;
  return table;
})();

/** TeX specials and their math-mode spellings; a label is user text and never markup. */
const MATH_ESCAPES: Readonly<Record<string, string>> = {
  '\\': String.raw`{\backslash}`,
  '{': String.raw`\{`,
  '}': String.raw`\}`,
  $: String.raw`\$`,
  '&': String.raw`\&`,
  '#': String.raw`\#`,
  '%': String.raw`\%`,
  '~': String.raw`\text{\textasciitilde}`,
  '^': String.raw`\text{\textasciicircum}`,
  _: String.raw`\_`,
  ' ': String.raw`\ `,
  ŷ: String.raw`\hat{y}`,
  Ŷ: String.raw`\hat{Y}`,
};

const SUB = '₀₁₂₃₄₅₆₇₈₉₍₎₊₋ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ';
const SUB_PLAIN = '0123456789()+-aehijklmnoprstuvx';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻ⁱⁿˡᵀ';
const SUP_PLAIN = '0123456789()+-inlT';

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': String.raw`\textbackslash{}`,
  '{': String.raw`\{`,
  '}': String.raw`\}`,
  $: String.raw`\$`,
  '&': String.raw`\&`,
  '#': String.raw`\#`,
  _: String.raw`\_`,
  '%': String.raw`\%`,
  '~': String.raw`\textasciitilde{}`,
  '^': String.raw`\textasciicircum{}`,
  '…': String.raw`\ldots{}`,
  '½': String.raw`$\frac{1}{2}$`,
  '✓': String.raw`$\checkmark$`,
};

const MATH_SIGNS: Readonly<Record<string, string>> = {
  '→': String.raw`\to`,
  '←': String.raw`\leftarrow`,
  '∂': String.raw`\partial`,
  '·': String.raw`\cdot`,
  '×': String.raw`\times`,
  '−': '-',
  '≈': String.raw`\approx`,
  '≤': String.raw`\le`,
  '≥': String.raw`\ge`,
  '≠': String.raw`\ne`,
  '∞': String.raw`\infty`,
  '√': String.raw`\surd`,
  '∑': String.raw`\sum`,
  '′': "'",
  ŷ: String.raw`\hat{y}`,
  ϕ: String.raw`\phi`,
  α: String.raw`\alpha`,
  β: String.raw`\beta`,
  γ: String.raw`\gamma`,
  δ: String.raw`\delta`,
  ε: String.raw`\varepsilon`,
  ζ: String.raw`\zeta`,
  η: String.raw`\eta`,
  θ: String.raw`\theta`,
  ι: String.raw`\iota`,
  κ: String.raw`\kappa`,
  λ: String.raw`\lambda`,
  μ: String.raw`\mu`,
  ν: String.raw`\nu`,
  ξ: String.raw`\xi`,
  π: String.raw`\pi`,
  ρ: String.raw`\rho`,
  σ: String.raw`\sigma`,
  τ: String.raw`\tau`,
  υ: String.raw`\upsilon`,
  φ: String.raw`\varphi`,
  χ: String.raw`\chi`,
  ψ: String.raw`\psi`,
  ω: String.raw`\omega`,
  Γ: String.raw`\Gamma`,
  Δ: String.raw`\Delta`,
  Θ: String.raw`\Theta`,
  Λ: String.raw`\Lambda`,
  Π: String.raw`\Pi`,
  Σ: String.raw`\Sigma`,
  Φ: String.raw`\Phi`,
  Ψ: String.raw`\Psi`,
  Ω: String.raw`\Omega`,
};

/** User text as TeX of the given mode (see TexMode); never holds a line ending or a control character. */
export function escapeTex(text: string, mode: TexMode = 'math'): string {
  const chars = Array.from(text.replace(/\r\n/g, '\n'));
  let out = '';
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k];
    if (breaksLines(ch)) {
      if (mode !== 'math') out += ' ';
      continue;
    }
    if (mode === 'comment') out += ch;
    else if (mode === 'math') out += MATH_ESCAPES[ch] ?? GREEK_CHARS[ch] ?? ch;
    else {
      const script = SUB.includes(ch)
        ? [SUB, SUB_PLAIN, 'textsubscript']
        : SUP.includes(ch)
          ? [SUP, SUP_PLAIN, 'textsuperscript']
          : null;
      if (script) {
        const [from, to, command] = script;
        let run = '';
        while (k < chars.length && from.includes(chars[k])) run += to[from.indexOf(chars[k++])];
        k--;
        out += `\\${command}{${run}}`;
      } else if (ch in TEXT_ESCAPES) out += TEXT_ESCAPES[ch];
      else if (ch in MATH_SIGNS) out += `$${MATH_SIGNS[ch]}$`;
      else out += ch;
    }
  }
  return out;
}

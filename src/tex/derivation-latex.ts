import type { Derivation } from './line.ts';

/** KaTeX's HTML extensions: \htmlData{key=…}{x} and its kin have no meaning in LaTeX. */
const HTML_COMMANDS = /\\html(?:Data|Class|Id|Style)(?![a-zA-Z])/g;

/** The end of the brace group that opens at `at` (tex[at] === '{'), escaped braces skipped; -1 when it does not close. */
function groupEnd(tex: string, at: number): number {
  let depth = 0;
  for (let k = at; k < tex.length; k++) {
    const ch = tex[k];
    if (ch === '\\') k++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return k;
  }
  return -1;
}

function skipSpace(tex: string, at: number): number {
  let k = at;
  while (k < tex.length && /\s/.test(tex[k])) k++;
  return k;
}

/**
 * The TeX with every \htmlData{…}{x} (and \htmlClass, \htmlId, \htmlStyle) replaced by
 * its content x, nested ones too: the TeX the builders write with `links: false`. A
 * command whose groups do not close is dropped and its text kept, so the result never
 * holds the command.
 */
export function unwrapHtmlData(tex: string): string {
  let out = '';
  let from = 0;
  for (const match of tex.matchAll(HTML_COMMANDS)) {
    if (match.index < from) continue;
    out += tex.slice(from, match.index);
    let k = skipSpace(tex, match.index + match[0].length);
    const keyEnd = tex[k] === '{' ? groupEnd(tex, k) : -1;
    if (keyEnd < 0) {
      from = k;
      continue;
    }
    k = skipSpace(tex, keyEnd + 1);
    const bodyEnd = tex[k] === '{' ? groupEnd(tex, k) : -1;
    if (bodyEnd < 0) {
      from = k;
      continue;
    }
    out += unwrapHtmlData(tex.slice(k + 1, bodyEnd));
    from = bodyEnd + 1;
  }
  return out + tex.slice(from);
}

const SUB = '₀₁₂₃₄₅₆₇₈₉₍₎₊₋ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ';
const SUB_PLAIN = '0123456789()+-aehijklmnoprstuvx';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻ⁱⁿˡᵀ';
const SUP_PLAIN = '0123456789()+-inlT';

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': String.raw`\textbackslash{}`, '{': String.raw`\{`, '}': String.raw`\}`, $: String.raw`\$`, '&': String.raw`\&`,
  '#': String.raw`\#`, _: String.raw`\_`, '%': String.raw`\%`, '~': String.raw`\textasciitilde{}`, '^': String.raw`\textasciicircum{}`,
  '…': String.raw`\ldots{}`, '½': String.raw`$\frac{1}{2}$`, '✓': String.raw`$\checkmark$`,
};

const MATH_SIGNS: Readonly<Record<string, string>> = {
  '→': String.raw`\to`, '←': String.raw`\leftarrow`, '∂': String.raw`\partial`, '·': String.raw`\cdot`, '×': String.raw`\times`,
  '−': '-', '≈': String.raw`\approx`, '≤': String.raw`\le`, '≥': String.raw`\ge`, '≠': String.raw`\ne`, '∞': String.raw`\infty`,
  '√': String.raw`\surd`, '∑': String.raw`\sum`, '′': "'", 'ŷ': String.raw`\hat{y}`, 'ϕ': String.raw`\phi`,
  α: String.raw`\alpha`, β: String.raw`\beta`, γ: String.raw`\gamma`, δ: String.raw`\delta`, ε: String.raw`\varepsilon`,
  ζ: String.raw`\zeta`, η: String.raw`\eta`, θ: String.raw`\theta`, ι: String.raw`\iota`, κ: String.raw`\kappa`,
  λ: String.raw`\lambda`, μ: String.raw`\mu`, ν: String.raw`\nu`, ξ: String.raw`\xi`, π: String.raw`\pi`, ρ: String.raw`\rho`,
  σ: String.raw`\sigma`, τ: String.raw`\tau`, υ: String.raw`\upsilon`, φ: String.raw`\varphi`, χ: String.raw`\chi`,
  ψ: String.raw`\psi`, ω: String.raw`\omega`, Γ: String.raw`\Gamma`, Δ: String.raw`\Delta`, Θ: String.raw`\Theta`,
  Λ: String.raw`\Lambda`, Π: String.raw`\Pi`, Σ: String.raw`\Sigma`, Φ: String.raw`\Phi`, Ψ: String.raw`\Psi`, Ω: String.raw`\Omega`,
};

/**
 * Plain text (a title, a heading, a note) as LaTeX text: its special characters escaped, and
 * the Unicode the app's names and notes use (sub- and superscripts, Greek, ŷ, ∂, →, ·, −)
 * written as LaTeX, so that the document compiles with pdflatex.
 */
export function textToLatex(text: string): string {
  let out = '';
  const chars = Array.from(text);
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k];
    const script = SUB.includes(ch) ? [SUB, SUB_PLAIN, 'textsubscript'] : SUP.includes(ch) ? [SUP, SUP_PLAIN, 'textsuperscript'] : null;
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
  return out;
}

/** The sections of a derivation as LaTeX: a heading each, its equations displayed, notes as text. */
export function derivationLatexBody(d: Derivation): string {
  const parts: string[] = [`\\section*{${textToLatex(d.title)}}`];
  for (const section of d.sections) {
    parts.push('', `\\subsection*{${textToLatex(section.heading)}}`);
    for (const line of section.lines) {
      parts.push(String.raw`\[`, unwrapHtmlData(line.tex), String.raw`\]`);
      if (line.note) parts.push(`${textToLatex(line.note)}\\par`);
    }
  }
  return parts.join('\n');
}

/**
 * A whole derivation as a standalone LaTeX document (article, amsmath), with the same
 * equations and numbers as the math panel; `source` names where it came from, in a comment.
 */
export function derivationLatex(d: Derivation, source = 'Backprop Lab'): string {
  const comment = (text: string) => text.split(/\r?\n/).map((line) => `% ${line}`).join('\n');
  return [
    comment(`${source}: ${d.title}`),
    '% Compiles with pdflatex; labels with other Unicode characters may need lualatex or xelatex.',
    String.raw`\documentclass{article}`,
    String.raw`\usepackage[utf8]{inputenc}`,
    String.raw`\usepackage{amsmath,amssymb}`,
    String.raw`\allowdisplaybreaks`,
    String.raw`\begin{document}`,
    derivationLatexBody(d),
    String.raw`\end{document}`,
    '',
  ].join('\n');
}

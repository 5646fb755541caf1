import { escapeTex } from './escape-tex.ts';
import type { Derivation } from './line.ts';
import { everyLine, withheldText, type ShownSection } from './withhold-ahead.ts';

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

/**
 * The sections of a derivation as LaTeX: a heading each, its equations displayed, notes as text.
 * `shown`: the sections as the math panel shows them (in a lesson, lines the step has not reached
 * withheld, withhold-ahead.ts): a withheld run is written as the panel's note, its numbers left out.
 */
export function derivationLatexBody(d: Derivation, shown?: readonly ShownSection[]): string {
  const parts: string[] = [`\\section*{${escapeTex(d.title, 'text')}}`];
  const sections = shown ?? everyLine(d.sections);
  for (const section of sections) {
    parts.push('', `\\subsection*{${escapeTex(section.heading, 'text')}}`);
    for (const item of section.lines) {
      if (!('line' in item)) {
        const lines = item.withheld === 1 ? 'one line' : `${item.withheld} lines`;
        parts.push(`\\emph{${escapeTex(`${withheldText(item.step)} (${lines})`, 'text')}}\\par`);
        continue;
      }
      const { line } = item;
      parts.push(String.raw`\[`, unwrapHtmlData(line.tex), String.raw`\]`);
      if (line.note) parts.push(`${escapeTex(line.note, 'text')}\\par`);
    }
  }
  return parts.join('\n');
}

/**
 * A whole derivation as a standalone LaTeX document (article, amsmath), with the same
 * equations and numbers as the math panel (`shown`: its lines as the panel shows them in a
 * lesson); `source` names where it came from, in a comment.
 */
export function derivationLatex(d: Derivation, source = 'Backprop Lab', shown?: readonly ShownSection[]): string {
  return [
    `% ${escapeTex(`${source}: ${d.title}`, 'comment')}`,
    '% Compiles with pdflatex; labels with other Unicode characters may need lualatex or xelatex.',
    String.raw`\documentclass{article}`,
    String.raw`\usepackage[utf8]{inputenc}`,
    String.raw`\usepackage{amsmath,amssymb}`,
    String.raw`\allowdisplaybreaks`,
    String.raw`\begin{document}`,
    derivationLatexBody(d, shown),
    String.raw`\end{document}`,
    '',
  ].join('\n');
}

import { SUPERSCRIPT } from './superscript.ts';
import type { Scenario } from './scenario.ts';

/**
 * A display name as plain parts, free of markup: base, subscript and superscript. The
 * diagram writes them as text, the formulas as TeX.
 */
export interface NameParts {
  readonly base: string;
  readonly sub: string;
  readonly sup: string;
}

type Labels = Pick<Scenario, 'layers' | 'weightLabels' | 'biasLabels'>;

function readGroup(text: string, at: number): [string, number] {
  if (text[at] === '{') {
    const close = text.indexOf('}', at + 1);
    if (close > at) return [text.slice(at + 1, close), close + 1];
  }
  const ch = String.fromCodePoint(text.codePointAt(at) ?? 0);
  return [at < text.length ? ch : '', at + ch.length];
}

/**
 * A scenario label read as base_sub^sup: `xh_1`, `H_{21}`, `w^{(2)}_{12}`. A label with no
 * `_` or `^` is all base; a second subscript or superscript stays in the text as written.
 */
export function parseLabel(label: string): NameParts {
  let cut = -1;
  for (let k = 1; k < label.length; k++) {
    if (label[k] === '_' || label[k] === '^') {
      cut = k;
      break;
    }
  }
  if (cut < 0) return { base: label, sub: '', sup: '' };
  let sub = '';
  let sup = '';
  let at = cut;
  while (at < label.length && (label[at] === '_' || label[at] === '^')) {
    const mark = label[at];
    if ((mark === '_' && sub) || (mark === '^' && sup)) break;
    const [group, next] = readGroup(label, at + 1);
    if (mark === '_') sub = group;
    else sup = group;
    at = next;
  }
  if (at < label.length) return { base: label, sub: '', sup: '' };
  return { base: label.slice(0, cut), sub, sup };
}

/**
 * How unlabelled elements are named. indices: x₁, h⁽ˡ⁾ⱼ, ŷ₁, w⁽ˡ⁾ⱼᵢ, b⁽ˡ⁾ⱼ; letters: nodes A, B, …
 * across the network, edges AB; net-out: i₁, h₁, o₁ with w₁ … and b₁ … numbered across the
 * network; bracketed: x₁, a[l]ⱼ, ŷ₁, w[l]ᵢⱼ (source i, destination j), b[l]ⱼ.
 */
export type Notation = 'indices' | 'letters' | 'net-out' | 'bracketed';

/** Every notation, in menu order. */
export const NOTATIONS: readonly Notation[] = ['indices', 'letters', 'net-out', 'bracketed'];

/** Whether `value` names a notation. */
export function isNotation(value: unknown): value is Notation {
  return typeof value === 'string' && (NOTATIONS as readonly string[]).includes(value);
}

/** Spreadsheet letters of a 0-based index: A … Z, AA, AB, … */
function letters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** How many nodes come before node j of layer l, counting layer by layer. */
function nodeOrdinal(s: Labels, l: number, j: number): number {
  let n = j;
  for (let m = 0; m < l; m++) n += s.layers[m].size;
  return n;
}

/** The name of node j of layer l: its label, else by the notation (x₁ … for inputs, ŷ₁ … for outputs, h⁽ˡ⁾ⱼ for hidden nodes by default). */
export function nodeName(s: Labels, l: number, j: number, notation: Notation = 'indices'): NameParts {
  const label = s.layers[l]?.labels?.[j];
  if (label) return parseLabel(label);
  const depth = s.layers.length - 1;
  const sub = String(j + 1);
  switch (notation) {
    case 'letters':
      return { base: letters(nodeOrdinal(s, l, j)), sub: '', sup: '' };
    case 'net-out':
      if (l === 0) return { base: 'i', sub, sup: '' };
      if (l === depth) return { base: 'o', sub, sup: '' };
      return { base: 'h', sub, sup: depth > 2 ? `(${l})` : '' };
    case 'bracketed':
      if (l === 0) return { base: 'x', sub, sup: '' };
      if (l === depth) return { base: 'ŷ', sub, sup: '' };
      return { base: 'a', sub, sup: `[${l}]` };
    case 'indices':
      if (l === 0) return { base: 'x', sub, sup: '' };
      if (l === depth) return { base: 'ŷ', sub, sup: '' };
      return { base: 'h', sub, sup: `(${l})` };
  }
}

/** Two indices side by side, with a comma once either has two digits (w₁₂ but w₁₂,₂). */
function pair(a: number, b: number): string {
  return `${a}${b}`.length > 2 ? `${a},${b}` : `${a}${b}`;
}

/** The name of weights[l][j][i]: its label, else by the notation (w⁽ˡ⁺¹⁾ⱼᵢ by default: destination j, source i, 1-based). */
export function weightName(s: Labels, l: number, j: number, i: number, notation: Notation = 'indices'): NameParts {
  const label = s.weightLabels?.[l]?.[j]?.[i];
  if (label) return parseLabel(label);
  switch (notation) {
    case 'letters': {
      const from = letters(nodeOrdinal(s, l, i));
      const to = letters(nodeOrdinal(s, l + 1, j));
      return from.length === 1 && to.length === 1
        ? { base: from + to, sub: '', sup: '' }
        : { base: 'w', sub: `${from},${to}`, sup: '' };
    }
    case 'net-out': {
      let n = j * s.layers[l].size + i;
      for (let m = 0; m < l; m++) n += s.layers[m].size * s.layers[m + 1].size;
      return { base: 'w', sub: String(n + 1), sup: '' };
    }
    case 'bracketed':
      return { base: 'w', sub: pair(i + 1, j + 1), sup: `[${l + 1}]` };
    case 'indices':
      return { base: 'w', sub: pair(j + 1, i + 1), sup: `(${l + 1})` };
  }
}

/** The name of biases[l][j]: its label, else by the notation (b⁽ˡ⁺¹⁾ⱼ by default). */
export function biasName(s: Labels, l: number, j: number, notation: Notation = 'indices'): NameParts {
  const label = s.biasLabels?.[l]?.[j];
  if (label) return parseLabel(label);
  switch (notation) {
    case 'letters':
      return { base: 'b', sub: letters(nodeOrdinal(s, l + 1, j)), sup: '' };
    case 'net-out': {
      // Numbered over the layers that have biases only, as the biases a learner sees.
      let n = j;
      for (let m = 1; m <= l; m++) {
        const layer = s.layers[m];
        if ('bias' in layer && layer.bias) n += layer.size;
      }
      return { base: 'b', sub: String(n + 1), sup: '' };
    }
    case 'bracketed':
      return { base: 'b', sub: String(j + 1), sup: `[${l + 1}]` };
    case 'indices':
      return { base: 'b', sub: String(j + 1), sup: `(${l + 1})` };
  }
}

/**
 * The name of the target of output node j: y with the output's subscript beside ŷ (y₁ for
 * ŷ₁); t where the output itself is labelled y (by-hand's y_1 … leave y for nothing else);
 * T where it is labelled Y (the little-network tutorial's (X, T) and ½(Y − T)²); else y,
 * indexed when there are several outputs.
 */
export function targetName(s: Labels, j: number, notation: Notation = 'indices'): NameParts {
  const depth = s.layers.length - 1;
  const out = nodeName(s, depth, j, notation);
  if (out.base === 'ŷ') return { ...out, base: 'y' };
  if (out.base === 'y') return { ...out, base: 't' };
  if (out.base === 'Y') return { ...out, base: 'T' };
  return { base: 'y', sub: s.layers[depth].size > 1 ? String(j + 1) : '', sup: '' };
}

/**
 * A name written out as plain text with Unicode sub- and superscripts where they exist (h₁⁽¹⁾), else _ and ^.
 * A bracketed layer index has no superscript brackets in Unicode and stays on the line, before the subscript (w[2]₁₂).
 */
export function nameToText(n: NameParts): string {
  if (/^\[[^[\]]*\]$/.test(n.sup)) return n.base + n.sup + scriptText(n.sub, SUB, '_');
  return n.base + scriptText(n.sub, SUB, '_') + scriptText(n.sup, SUPERSCRIPT, '^');
}

const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '(': '₍',
  ')': '₎',
  '+': '₊',
  '-': '₋',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
  ',': ',',
};

function scriptText(text: string, table: Record<string, string>, mark: string): string {
  if (!text) return '';
  let out = '';
  for (const ch of text) {
    const mapped = table[ch];
    if (mapped === undefined) return text.length === 1 ? mark + text : `${mark}{${text}}`;
    out += mapped;
  }
  return out;
}

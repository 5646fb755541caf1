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

/** The name of node j of layer l: its label, else x₁ … for inputs, ŷ₁ … for outputs, h⁽ˡ⁾ⱼ for hidden nodes. */
export function nodeName(s: Labels, l: number, j: number): NameParts {
  const label = s.layers[l]?.labels?.[j];
  if (label) return parseLabel(label);
  const depth = s.layers.length - 1;
  if (l === 0) return { base: 'x', sub: String(j + 1), sup: '' };
  if (l === depth) return { base: 'ŷ', sub: String(j + 1), sup: '' };
  return { base: 'h', sub: String(j + 1), sup: `(${l})` };
}

/** The name of weights[l][j][i]: its label, else w⁽ˡ⁺¹⁾ⱼᵢ (destination j, source i, 1-based). */
export function weightName(s: Labels, l: number, j: number, i: number): NameParts {
  const label = s.weightLabels?.[l]?.[j]?.[i];
  if (label) return parseLabel(label);
  return { base: 'w', sub: `${j + 1}${i + 1}`.length > 2 ? `${j + 1},${i + 1}` : `${j + 1}${i + 1}`, sup: `(${l + 1})` };
}

/** The name of biases[l][j]: its label, else b⁽ˡ⁺¹⁾ⱼ. */
export function biasName(s: Labels, l: number, j: number): NameParts {
  const label = s.biasLabels?.[l]?.[j];
  if (label) return parseLabel(label);
  return { base: 'b', sub: String(j + 1), sup: `(${l + 1})` };
}

/**
 * The name of the target of output node j: y with the output's subscript beside ŷ (y₁ for
 * ŷ₁); t where the output itself is labelled y (by-hand's y_1 … leave y for nothing else);
 * else y, indexed when there are several outputs.
 */
export function targetName(s: Labels, j: number): NameParts {
  const depth = s.layers.length - 1;
  const out = nodeName(s, depth, j);
  if (out.base === 'ŷ') return { ...out, base: 'y' };
  if (out.base === 'y') return { ...out, base: 't' };
  return { base: 'y', sub: s.layers[depth].size > 1 ? String(j + 1) : '', sup: '' };
}

/** A name written out as plain text with Unicode sub- and superscripts where they exist (h₁⁽¹⁾), else _ and ^. */
export function nameToText(n: NameParts): string {
  return n.base + scriptText(n.sub, SUB, '_') + scriptText(n.sup, SUP, '^');
}

const SUB: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '(': '₍', ')': '₎', '+': '₊', '-': '₋', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ', ',': ',',
};
const SUP: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '(': '⁽', ')': '⁾', '+': '⁺', '-': '⁻', i: 'ⁱ', n: 'ⁿ', l: 'ˡ', T: 'ᵀ',
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

import type { NameParts } from '../core/notation.ts';

const GREEK_LOWER = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu',
  'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
];
/** Upper-case Greek letters that TeX has a command for (the others look like Latin ones). */
const GREEK_UPPER = ['Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega'];

/** Greek letters by their Unicode character (α → \alpha); omicron has no command and stays as o. */
const GREEK_CHARS: Record<string, string> = (() => {
  const table: Record<string, string> = {};
  GREEK_LOWER.forEach((name, k) => {
    table[String.fromCodePoint(0x3b1 + k + (k >= 17 ? 1 : 0))] = name === 'omicron' ? 'o' : `{\\${name}}`;
  });
  const upperCodes: Record<string, number> = {
    Gamma: 0x393, Delta: 0x394, Theta: 0x398, Lambda: 0x39b, Xi: 0x39e, Pi: 0x3a0,
    Sigma: 0x3a3, Upsilon: 0x3a5, Phi: 0x3a6, Psi: 0x3a8, Omega: 0x3a9,
  };
  for (const name of GREEK_UPPER) table[String.fromCodePoint(upperCodes[name])] = `{\\${name}}`;
  table['ς'] = String.raw`{\varsigma}`;
  table['ϵ'] = String.raw`{\epsilon}`;
  table['ε'] = String.raw`{\varepsilon}`;
  table['ϕ'] = String.raw`{\phi}`;
  table['φ'] = String.raw`{\varphi}`;
  return table;
})();

/** TeX specials and their math-mode spellings; a label is user text and never markup. */
const SPECIALS: Record<string, string> = {
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

/**
 * User text as math-mode TeX: specials escaped, Greek letters as commands, ŷ as \hat{y},
 * control characters dropped.
 */
export function escapeTex(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) continue;
    out += SPECIALS[ch] ?? GREEK_CHARS[ch] ?? ch;
  }
  return out;
}

function baseTex(base: string): string {
  if (GREEK_LOWER.includes(base) && base !== 'omicron') return `\\${base}`;
  if (GREEK_UPPER.includes(base)) return `\\${base}`;
  const escaped = escapeTex(base);
  if (escaped === '') return '{}';
  // A word such as "xh" or "AD" is one name, upright, not a product of italic letters.
  return [...base].length > 1 ? String.raw`\mathrm{${escaped}}` : escaped;
}

/** A display name as TeX: base (ŷ → \hat{y}, Greek, multi-letter upright), then _{sub} and ^{sup}. */
export function nameTex(parts: NameParts): string {
  let tex = baseTex(parts.base);
  if (parts.sub) tex += `_{${escapeTex(parts.sub)}}`;
  if (parts.sup) tex += `^{${escapeTex(parts.sup)}}`;
  return tex;
}

import type { NameParts } from '../core/notation.ts';
import { escapeTex, GREEK_LOWER } from './escape-tex.ts';

/** Upper-case Greek letters that TeX has a command for (the others look like Latin ones). */
const GREEK_UPPER = ['Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega'];

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

/**
 * lz-string's `decompressFromEncodedURIComponent`, with a cap on what it writes.
 *
 * lz-string decompresses without a limit: each code can repeat everything written so far,
 * so a 232 KB link inflates to 4 G characters and crashes the tab. This is the same
 * decoder (lz-string 1.5.0, MIT, same results on every input), stopped as soon as the
 * text passes `maxChars`. The caller names the limit: a scenario link, a lesson link.
 */

const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
/** Each character's 6-bit value; characters outside the alphabet read as 0, as in lz-string. */
const VALUE = (() => {
  const table = new Uint8Array(128);
  for (let k = 0; k < URI_ALPHABET.length; k++) table[URI_ALPHABET.charCodeAt(k)] = k;
  return table;
})();

export type LzResult =
  | { readonly ok: true; readonly text: string }
  /** the input ends before its end mark, or refers to an entry that does not exist */
  | { readonly ok: false; readonly reason: 'corrupt' }
  /** the text would be longer than the limit (it stopped there) */
  | { readonly ok: false; readonly reason: 'too-long'; readonly limit: number };

const CORRUPT: LzResult = { ok: false, reason: 'corrupt' };

/** Decompresses lz-string's URI-safe encoding, stopping with `too-long` past `maxChars` characters. Never throws. */
export function decompressUriCapped(encoded: string, maxChars: number): LzResult {
  if (encoded === '') return CORRUPT;
  const input = encoded.replace(/ /g, '+');
  const length = input.length;
  const at = (k: number): number => {
    const code = input.charCodeAt(k);
    return code < 128 ? VALUE[code] : 0;
  };
  let val = at(0);
  let position = 32;
  let index = 1;
  const bitsOf = (n: number): number => {
    let bits = 0;
    for (let power = 1, k = 0; k < n; k++, power *= 2) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = at(index++);
      }
      if (bit > 0) bits += power;
    }
    return bits;
  };

  const dictionary: string[] = [];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  let w: string;
  switch (bitsOf(2)) {
    case 0:
      w = String.fromCharCode(bitsOf(8));
      break;
    case 1:
      w = String.fromCharCode(bitsOf(16));
      break;
    case 2:
      return { ok: true, text: '' };
    default:
      return CORRUPT;
  }
  dictionary[3] = w;
  const parts: string[] = [w];
  let written = w.length;
  for (;;) {
    if (index > length) return CORRUPT;
    let c = bitsOf(numBits);
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(bitsOf(c === 0 ? 8 : 16));
      c = dictSize - 1;
      enlargeIn--;
    } else if (c === 2) {
      return { ok: true, text: parts.join('') };
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    if (c < dictSize && dictionary[c] !== undefined && dictionary[c] !== '') entry = dictionary[c];
    else if (c === dictSize) entry = w + w.charAt(0);
    else return CORRUPT;
    written += entry.length;
    if (written > maxChars) return { ok: false, reason: 'too-long', limit: maxChars };
    parts.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}

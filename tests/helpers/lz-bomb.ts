const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * A decompression bomb in lz-string's URI encoding, written directly (compressing the text
 * would take minutes): the letter `ch`, then `codes` codes that each repeat the previous
 * entry plus one letter, so it inflates to about codes²/2 characters (1 + 2 + … + (codes+1)).
 * Returns the encoded text and the exact length it inflates to.
 */
export function lzBomb(codes: number, ch = 'a'): { encoded: string; inflated: number } {
  const bits: number[] = [];
  const put = (value: number, n: number) => {
    for (let k = 0; k < n; k++) bits.push((value >> k) & 1);
  };
  put(0, 2);
  put(ch.charCodeAt(0), 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  let inflated = 1;
  for (let k = 0; k < codes; k++) {
    put(dictSize, numBits);
    inflated += k + 2;
    dictSize++;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  put(2, numBits);
  while (bits.length % 6 !== 0) bits.push(0);
  let encoded = '';
  for (let k = 0; k < bits.length; k += 6) {
    let v = 0;
    for (let b = 0; b < 6; b++) v = (v << 1) | bits[k + b];
    encoded += URI_ALPHABET[v];
  }
  // lz-string reads one character past the last code before it sees the end mark.
  return { encoded: `${encoded}A`, inflated };
}

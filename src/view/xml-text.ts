/** True for a UTF-16 unit sequence position that XML 1.0's Char production allows (tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, pairs). */
function isXmlUnit(text: string, k: number): 0 | 1 | 2 {
  const code = text.charCodeAt(k);
  if (code >= 0x20 && code < 0xd800) return 1;
  if (code === 0x9 || code === 0xa || code === 0xd) return 1;
  if (code >= 0xe000 && code <= 0xfffd) return 1;
  if (code >= 0xd800 && code <= 0xdbff && k + 1 < text.length) {
    const next = text.charCodeAt(k + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 0;
}

/**
 * The one escaping function for text that goes into the SVG file (and through it the PNG):
 * every character XML 1.0 does not allow is dropped (C0 controls but tab, LF and CR; U+FFFE,
 * U+FFFF; lone surrogates), so a title or label holding U+0001 no longer makes the file
 * ill-formed and the PNG fail. `<`, `&`, `>` and quotes are escaped by the XML serializer the
 * export uses on the cleaned DOM; this removes what no escape can write (XML 1.0 has no
 * `&#1;`). Text that is already well-formed comes back as it is.
 */
export function xmlText(text: string): string {
  let out = '';
  let from = 0;
  for (let k = 0; k < text.length; k++) {
    const units = isXmlUnit(text, k);
    if (units === 2) k++;
    else if (units === 0) {
      out += text.slice(from, k);
      from = k + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

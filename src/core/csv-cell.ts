/** A cell of a CSV file: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null;

/** First characters that make a spreadsheet read a text cell as a formula (OWASP's list, LF added). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);

/** True for a character that must be quoted: a comma, a quote, a control character (line endings included), U+2028 or U+2029. */
function needsQuotes(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (
      code === 0x2c ||
      code === 0x22 ||
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029
    )
      return true;
  }
  return false;
}

/**
 * The one escaping function of the CSV writers: a value as an RFC 4180 cell. A number is
 * written as the shortest text that reads back as the same double (negative ones stay numbers,
 * NaN and ±Infinity as words); text that starts with `=`, `+`, `-`, `@`, tab, CR or LF gets a
 * leading `'`, as spreadsheets expect, so that a label such as `=HYPERLINK(…)` is shown, never
 * run; text with a comma, a quote, a line ending of any kind or another control character is
 * quoted, its quotes doubled.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = value.length > 0 && FORMULA_START.has(value[0]) ? `'${value}` : value;
  return needsQuotes(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record of a CSV file: its row number (1-based, blank lines counted) and its cells. */
export interface CsvRecord {
  readonly row: number;
  readonly cells: string[];
  /** a line with nothing on it */
  readonly blank: boolean;
}

/** Where a CSV file cannot be split into cells, and why. */
export interface CsvSyntaxError {
  readonly row: number;
  readonly column: number;
  readonly message: string;
}

/**
 * Splits CSV text (RFC 4180: commas, cells optionally in double quotes with "" for a quote,
 * lines ended by CRLF, LF or CR; a leading byte-order mark ignored) into records. Stops at
 * the first cell that cannot be read, with the records before it.
 */
export function splitCsvRecords(text: string): { records: CsvRecord[]; error: CsvSyntaxError | null } {
  const records: CsvRecord[] = [];
  let k = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let row = 1;
  while (k < n) {
    const cells: string[] = [];
    let lineEnd = false;
    while (!lineEnd) {
      let cell = '';
      if (text[k] === '"') {
        k++;
        for (;;) {
          if (k >= n)
            return { records, error: { row, column: cells.length + 1, message: 'a quoted cell is not closed' } };
          if (text[k] === '"') {
            if (text[k + 1] === '"') {
              cell += '"';
              k += 2;
              continue;
            }
            k++;
            break;
          }
          cell += text[k++];
        }
        if (k < n && text[k] !== ',' && text[k] !== '\r' && text[k] !== '\n') {
          return { records, error: { row, column: cells.length + 1, message: 'unexpected text after a quoted cell' } };
        }
      } else {
        const start = k;
        while (k < n && text[k] !== ',' && text[k] !== '\r' && text[k] !== '\n') k++;
        cell = text.slice(start, k);
      }
      cells.push(cell);
      if (k < n && text[k] === ',') {
        k++;
        continue;
      }
      lineEnd = true;
      if (text[k] === '\r' && text[k + 1] === '\n') k += 2;
      else if (k < n) k++;
    }
    records.push({ row, cells, blank: cells.length === 1 && cells[0].trim() === '' });
    row++;
  }
  return { records, error: null };
}

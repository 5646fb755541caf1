import { csvCell } from '../csv-cell.ts';
import { LIMITS, type LossName, type Sample } from '../scenario.ts';
import type { CodecError } from './codec-result.ts';
import { splitCsvRecords, type CsvRecord } from './csv-records.ts';
import { describe, formatLimit } from './read-json.ts';

/**
 * The data CSV: `data` and `testData` of a scenario as one table. A header row names the
 * columns: `set` (train or test; optional on import, every row is training data without it),
 * `x1 … xn` for the inputs and `y1 … ym` for the targets, in any order. The exporter writes
 * only these generated names and numbers, each through the one CSV escaping function
 * (csvCell: a number as the shortest text that reads back as the same double).
 */

/** What the rows are checked against: the network's inputs and outputs, and the loss (its target rules). */
export interface DataCsvShape {
  inputs: number;
  outputs: number;
  loss: LossName;
}

/** An error of a data CSV: its row (1-based, the header is row 1) and column (1-based), where it has them. */
export interface CsvError extends CodecError {
  row: number | null;
  column: number | null;
}

export type DataCsvResult =
  { ok: true; value: { data: Sample[]; testData: Sample[] } } | { ok: false; errors: CsvError[] };

const MAX_ERRORS = 100;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/** The column names: set, x1 … x(inputs), y1 … y(outputs). */
export function dataCsvHeader(inputs: number, outputs: number): string[] {
  return [
    'set',
    ...Array.from({ length: inputs }, (_, i) => `x${i + 1}`),
    ...Array.from({ length: outputs }, (_, j) => `y${j + 1}`),
  ];
}

/** The samples as CSV text (CRLF line ends): the header, then one row per training sample, then one per test sample. */
export function dataToCsv(
  samples: { data: readonly Sample[]; testData?: readonly Sample[] },
  shape: Pick<DataCsvShape, 'inputs' | 'outputs'>,
): string {
  const lines = [dataCsvHeader(shape.inputs, shape.outputs).map(csvCell).join(',')];
  const write = (set: string, s: Sample) => lines.push([set, ...s.x, ...s.y].map(csvCell).join(','));
  for (const s of samples.data) write('train', s);
  for (const s of samples.testData ?? []) write('test', s);
  return `${lines.join('\r\n')}\r\n`;
}

function csvError(row: number | null, column: number | null, name: string | null, message: string): CsvError {
  const path =
    row === null
      ? 'the file'
      : column === null
        ? `row ${row}`
        : `row ${row}, column ${column}${name === null ? '' : ` (${name})`}`;
  return { path, message, row, column };
}

/** Which sample field each column fills: the set, input i or target j. */
type Role = { kind: 'set' } | { kind: 'x' | 'y'; index: number };

function readHeader(header: CsvRecord, shape: DataCsvShape, errors: CsvError[]): Role[] | undefined {
  const names = dataCsvHeader(shape.inputs, shape.outputs);
  const example = names.join(',');
  if (header.cells.length === 1 && header.cells[0].includes(';')) {
    errors.push(csvError(header.row, null, null, `the columns are separated by ";" (expected commas: ${example})`));
    return undefined;
  }
  const roles: Role[] = [];
  const seen = new Map<string, number>();
  header.cells.forEach((cell, c) => {
    const name = cell.trim().toLowerCase();
    const at = names.indexOf(name);
    if (at < 0)
      errors.push(csvError(header.row, c + 1, cell, `unknown column ${describe(cell)} (expected ${names.join(', ')})`));
    else if (seen.has(name))
      errors.push(
        csvError(header.row, c + 1, cell, `column ${describe(name)} appears twice (also column ${seen.get(name)})`),
      );
    else seen.set(name, c + 1);
    roles.push(
      at === 0
        ? { kind: 'set' }
        : at <= shape.inputs
          ? { kind: 'x', index: at - 1 }
          : { kind: 'y', index: at - 1 - shape.inputs },
    );
  });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  for (const name of names.slice(1)) {
    if (!seen.has(name))
      errors.push(
        csvError(
          header.row,
          null,
          null,
          `missing column ${name} (the network has ${plural(shape.inputs, 'input')} and ${plural(shape.outputs, 'output')})`,
        ),
      );
  }
  return errors.length === 0 ? roles : undefined;
}

function readNumberCell(
  text: string,
  row: number,
  column: number,
  name: string,
  errors: CsvError[],
): number | undefined {
  const t = text.trim();
  if (NUMBER.test(t)) {
    const v = Number(t);
    if (Number.isFinite(v)) return v + 0;
  }
  const expected = NUMBER.test(t) || NON_FINITE.test(t) ? 'a finite number' : 'a number';
  errors.push(csvError(row, column, name, `expected ${expected}, got ${t === '' ? 'an empty cell' : describe(t)}`));
  return undefined;
}

function targetProblem(y: number, loss: LossName): string | null {
  if (loss === 'bce' && !(y >= 0 && y <= 1)) return `expected a target in [0, 1] for loss bce, got ${y}`;
  if (loss === 'cross-entropy' && !(y >= 0)) return `expected a target ≥ 0 for loss cross-entropy, got ${y}`;
  return null;
}

/** One row: its sample and whether it is a test sample, or undefined after reporting what is wrong. */
function readRow(
  record: CsvRecord,
  header: CsvRecord,
  roles: Role[],
  shape: DataCsvShape,
  errors: CsvError[],
): { sample: Sample; test: boolean } | undefined {
  if (record.cells.length !== roles.length) {
    errors.push(
      csvError(record.row, null, null, `expected ${roles.length} cells as in the header, got ${record.cells.length}`),
    );
    return undefined;
  }
  const before = errors.length;
  const x = new Array<number>(shape.inputs);
  const y = new Array<number>(shape.outputs);
  let test = false;
  roles.forEach((role, c) => {
    const text = record.cells[c];
    const name = header.cells[c].trim();
    if (role.kind === 'set') {
      const set = text.trim().toLowerCase();
      if (set === 'train' || set === 'test') test = set === 'test';
      else
        errors.push(
          csvError(
            record.row,
            c + 1,
            name,
            `expected train or test, got ${set === '' ? 'an empty cell' : describe(text.trim())}`,
          ),
        );
      return;
    }
    const v = readNumberCell(text, record.row, c + 1, name, errors);
    if (v === undefined) return;
    if (role.kind === 'x') {
      x[role.index] = v;
      return;
    }
    const problem = targetProblem(v, shape.loss);
    if (problem !== null) errors.push(csvError(record.row, c + 1, name, problem));
    y[role.index] = v;
  });
  return errors.length === before ? { sample: { x, y }, test } : undefined;
}

/**
 * Reads a data CSV for a network of `shape`. Never throws: the training and test samples,
 * or every error found (up to 100), each with its row and column; nothing half-read.
 */
export function parseDataCsv(text: string, shape: DataCsvShape): DataCsvResult {
  const split = splitCsvRecords(text);
  if (split.error !== null) {
    const { row, column, message } = split.error;
    // the column's name, when the header was read before the cell that cannot be
    const header = split.records.find((r) => !r.blank);
    const name = header !== undefined && header.row < row ? (header.cells[column - 1]?.trim() ?? null) : null;
    return { ok: false, errors: [csvError(row, column, name, message)] };
  }
  const records = split.records.filter((r) => !r.blank);
  const header = records[0];
  if (header === undefined) {
    return {
      ok: false,
      errors: [
        csvError(
          1,
          null,
          null,
          `the file is empty (expected a header row such as ${dataCsvHeader(shape.inputs, shape.outputs).join(',')})`,
        ),
      ],
    };
  }
  const errors: CsvError[] = [];
  const roles = readHeader(header, shape, errors);
  if (roles === undefined) return { ok: false, errors };
  const rows = records.slice(1);
  if (rows.length > LIMITS.samples) {
    return {
      ok: false,
      errors: [
        csvError(
          null,
          null,
          null,
          `${formatLimit(rows.length)} rows exceed the limit of ${formatLimit(LIMITS.samples)} samples (data and testData together)`,
        ),
      ],
    };
  }
  const data: Sample[] = [];
  const testData: Sample[] = [];
  for (const record of rows) {
    if (errors.length >= MAX_ERRORS) {
      errors.push(csvError(null, null, null, `too many errors: stopped after the first ${MAX_ERRORS}`));
      break;
    }
    const read = readRow(record, header, roles, shape, errors);
    if (read !== undefined) (read.test ? testData : data).push(read.sample);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (data.length === 0)
    return {
      ok: false,
      errors: [csvError(null, null, null, 'no training row (expected at least one row with set "train")')],
    };
  return { ok: true, value: { data, testData } };
}

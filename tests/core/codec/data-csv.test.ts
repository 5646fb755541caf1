import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { dataCsvHeader, dataToCsv, parseDataCsv, type DataCsvShape } from '../../../src/core/codec/data-csv.ts';
import type { Sample } from '../../../src/core/scenario.ts';

const SHAPE: DataCsvShape = { inputs: 2, outputs: 1, loss: 'bce' };

function errorsOf(
  text: string,
  shape: DataCsvShape = SHAPE,
): { row: number | null; column: number | null; text: string }[] {
  const result = parseDataCsv(text, shape);
  return result.ok ? [] : result.errors.map((e) => ({ row: e.row, column: e.column, text: `${e.path}: ${e.message}` }));
}

describe('data CSV import', () => {
  it('reads training and test rows, columns in any order, any line ending, a BOM and blank lines', () => {
    const text = '\uFEFFy1,x1,set,x2\r\n1,0.5,train,-2\n\n0,1e-3,TEST,3\r0.25,"7",train,.5\n';
    const result = parseDataCsv(text, SHAPE);
    expect(result.ok && result.value).toEqual({
      data: [
        { x: [0.5, -2], y: [1] },
        { x: [7, 0.5], y: [0.25] },
      ],
      testData: [{ x: [0.001, 3], y: [0] }],
    });
  });

  it('takes every row as training data when there is no set column', () => {
    const result = parseDataCsv('x1,x2,y1\n1,2,1\n3,4,0', SHAPE);
    expect(result.ok && result.value).toEqual({
      data: [
        { x: [1, 2], y: [1] },
        { x: [3, 4], y: [0] },
      ],
      testData: [],
    });
  });

  // Each invalid file, the row and column (1-based; the header is row 1) and the message it gets.
  test.each([
    ['an empty file', '', 1, null, 'row 1: the file is empty (expected a header row such as set,x1,x2,y1)'],
    ['only blank lines', '\n\r\n\n', 1, null, 'row 1: the file is empty (expected a header row such as set,x1,x2,y1)'],
    [
      'semicolons for commas',
      'set;x1;x2;y1\ntrain;1;2;1',
      1,
      null,
      'row 1: the columns are separated by ";" (expected commas: set,x1,x2,y1)',
    ],
    [
      'an unknown column',
      'set,x1,x2,y1,z\ntrain,1,2,1,4',
      1,
      5,
      'row 1, column 5 (z): unknown column "z" (expected set, x1, x2, y1)',
    ],
    [
      'a column for an input the network lacks',
      'x1,x2,x3,y1\n1,2,3,1',
      1,
      3,
      'row 1, column 3 (x3): unknown column "x3" (expected set, x1, x2, y1)',
    ],
    [
      'a repeated column',
      'x1,x2,x1,y1\n1,2,3,1',
      1,
      3,
      'row 1, column 3 (x1): column "x1" appears twice (also column 1)',
    ],
    [
      'a missing target column',
      'set,x1,x2\ntrain,1,2',
      1,
      null,
      'row 1: missing column y1 (the network has 2 inputs and 1 output)',
    ],
    ['a row with a cell too few', 'x1,x2,y1\n1,2,1\n1,2', 3, null, 'row 3: expected 3 cells as in the header, got 2'],
    ['a row with a cell too many', 'x1,x2,y1\n1,2,1,5', 2, null, 'row 2: expected 3 cells as in the header, got 4'],
    ['a word for a number', 'x1,x2,y1\n1,abc,1', 2, 2, 'row 2, column 2 (x2): expected a number, got "abc"'],
    ['an empty cell', 'x1,x2,y1\n1,,1', 2, 2, 'row 2, column 2 (x2): expected a number, got an empty cell'],
    ['NaN', 'x1,x2,y1\n1,2,1\nNaN,2,1', 3, 1, 'row 3, column 1 (x1): expected a finite number, got "NaN"'],
    ['Infinity', 'x1,x2,y1\n-Infinity,2,1', 2, 1, 'row 2, column 1 (x1): expected a finite number, got "-Infinity"'],
    [
      'a number too large for a double',
      'x1,x2,y1\n1e400,2,1',
      2,
      1,
      'row 2, column 1 (x1): expected a finite number, got "1e400"',
    ],
    ['a hexadecimal number', 'x1,x2,y1\n0x10,2,1', 2, 1, 'row 2, column 1 (x1): expected a number, got "0x10"'],
    ['a formula', 'x1,x2,y1\n=1+1,2,1', 2, 1, 'row 2, column 1 (x1): expected a number, got "=1+1"'],
    ['a decimal comma', 'x1,x2,y1\n"1,5",2,1', 2, 1, 'row 2, column 1 (x1): expected a number, got "1,5"'],
    [
      'an unknown set',
      'set,x1,x2,y1\nvalidation,1,2,1',
      2,
      1,
      'row 2, column 1 (set): expected train or test, got "validation"',
    ],
    [
      'a bce target above 1',
      'set,x1,x2,y1\ntrain,1,2,1\ntest,1,2,2',
      3,
      4,
      'row 3, column 4 (y1): expected a target in [0, 1] for loss bce, got 2',
    ],
    ['an unclosed quote', 'x1,x2,y1\n1,"2,1\n', 2, 2, 'row 2, column 2 (x2): a quoted cell is not closed'],
    [
      'text after a closing quote',
      'x1,x2,y1\n1,"2"3,1',
      2,
      2,
      'row 2, column 2 (x2): unexpected text after a quoted cell',
    ],
    [
      'only test rows',
      'set,x1,x2,y1\ntest,1,2,1',
      null,
      null,
      'the file: no training row (expected at least one row with set "train")',
    ],
    [
      'a header and nothing else',
      'x1,x2,y1\n',
      null,
      null,
      'the file: no training row (expected at least one row with set "train")',
    ],
  ])('rejects %s', (_name, text, row, column, message) => {
    const errors = errorsOf(text);
    expect(errors[0]).toEqual({ row, column, text: message });
    expect(errors).toHaveLength(1);
  });

  it('rejects a negative cross-entropy target with its row and column', () => {
    const errors = errorsOf('x1,y1,y2\n1,0,1\n2,-1,2', { inputs: 1, outputs: 2, loss: 'cross-entropy' });
    expect(errors).toEqual([
      { row: 3, column: 2, text: 'row 3, column 2 (y1): expected a target ≥ 0 for loss cross-entropy, got -1' },
    ]);
  });

  it('lists every bad cell, not only the first', () => {
    expect(errorsOf('x1,x2,y1\na,2,1\n1,b,1').map((e) => [e.row, e.column])).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });

  it('rejects more rows than the sample limit, before reading them', () => {
    const text = `x1,x2,y1\n${'1,2,1\n'.repeat(100_001)}`;
    expect(errorsOf(text)).toEqual([
      {
        row: null,
        column: null,
        text: 'the file: 100,001 rows exceed the limit of 100,000 samples (data and testData together)',
      },
    ]);
  });
});

describe('data CSV export', () => {
  it('writes a header of column names only, then train rows and test rows, numbers in full', () => {
    expect(dataCsvHeader(2, 1)).toEqual(['set', 'x1', 'x2', 'y1']);
    const text = dataToCsv(
      { data: [{ x: [0.1, -2], y: [1] }], testData: [{ x: [1e-7, 123456789.125], y: [0] }] },
      SHAPE,
    );
    expect(text).toBe('set,x1,x2,y1\r\ntrain,0.1,-2,1\r\ntest,1e-7,123456789.125,0\r\n');
  });

  it('round-trips every finite double exactly, through data and testData', () => {
    const sample = (inputs: number, outputs: number, target: fc.Arbitrary<number>) =>
      fc.record({
        x: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: inputs, maxLength: inputs }),
        y: fc.array(target, { minLength: outputs, maxLength: outputs }),
      });
    const shapes = fc.record({ inputs: fc.integer({ min: 1, max: 4 }), outputs: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(
        shapes.chain(({ inputs, outputs }) =>
          fc.tuple(
            fc.constant({ inputs, outputs, loss: 'mse' as const }),
            fc.array(sample(inputs, outputs, fc.double({ noNaN: true, noDefaultInfinity: true })), {
              minLength: 1,
              maxLength: 8,
            }),
            fc.array(sample(inputs, outputs, fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 5 }),
          ),
        ),
        ([shape, data, testData]) => {
          const clean = (s: Sample[]) => s.map(({ x, y }) => ({ x: x.map((v) => v + 0), y: y.map((v) => v + 0) }));
          const result = parseDataCsv(dataToCsv({ data, testData }, shape), shape);
          expect(result.ok && result.value).toEqual({ data: clean(data), testData: clean(testData) });
        },
      ),
      { numRuns: 300 },
    );
  });
});

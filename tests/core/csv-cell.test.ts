import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import { csvCell } from '../../src/core/csv-cell.ts';
import { traceCsv } from '../../src/core/trace-csv.ts';

const LINE_ENDINGS = ['\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085', '\f', '\v'];
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, k) => String.fromCharCode(k)),
  '\u007f',
  ...Array.from({ length: 0x20 }, (_, k) => String.fromCharCode(0x80 + k)),
];

describe('csvCell: the one escaping function for CSV', () => {
  it('writes numbers as numbers, negative ones included, and null as an empty cell', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(-0.000001)).toBe('-0.000001');
    expect(csvCell(-1e-7)).toBe('-1e-7');
    expect(csvCell(-Infinity)).toBe('-Infinity');
    expect(csvCell(NaN)).toBe('NaN');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
  });

  it('neutralizes text that a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('\n=1')).toBe(`"'\n=1"`);
  });

  it('leaves other text alone, quoting only what RFC 4180 needs', () => {
    expect(csvCell('w₅')).toBe('w₅');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('x,1')).toBe('"x,1"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('')).toBe('');
  });

  it('quotes every cell that holds a line ending of any kind or a control character, so no reader splits it', () => {
    for (const ch of [...LINE_ENDINGS, ...CONTROLS]) {
      const out = csvCell(`a${ch}b`);
      expect(out, JSON.stringify(ch)).toBe(`"a${ch}b"`);
    }
  });
});

describe('the trace CSV with hostile labels', () => {
  it('writes a formula label as text and keeps the numbers numbers', () => {
    const r = parseScenario({
      format: 'backprop-scenario/1',
      layers: [
        { size: 1, labels: ['=HYPERLINK("http://evil","x")'] },
        { size: 1, activation: 'identity', bias: false, labels: ['@cmd'] },
      ],
      weights: [[[-2]]],
      loss: 'mse',
      data: [{ x: [-1], y: [0] }],
      optimizer: { type: 'sgd', learningRate: 0.1 },
    });
    if (!r.ok) throw new Error('invalid');
    const text = traceCsv(r.value);
    expect(text).toContain(`node,0,0,0,,"'=HYPERLINK(""http://evil"",""x"")",,-1,,`);
    expect(text).toContain("node,0,1,0,,'@cmd,2,2,");
    expect(text).not.toMatch(/(^|,)"?[=@+]/m);
  });
});

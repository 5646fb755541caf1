import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { createOptimizerState } from '../../src/core/optimizer.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { traceScenario } from '../../src/core/trace.ts';
import { iterationCsv, TRACE_CSV_COLUMNS, traceCsv } from '../../src/core/trace-csv.ts';
import { loadPreset } from '../../src/presets/index.ts';

function parse(doc: unknown): Scenario {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.value;
}

/** A minimal RFC 4180 reader, enough for quoted cells with commas, quotes and no line breaks. */
function readCsv(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => {
      const cells: string[] = [];
      let k = 0;
      while (k <= line.length) {
        if (line[k] === '"') {
          let value = '';
          k++;
          for (;;) {
            const q = line.indexOf('"', k);
            value += line.slice(k, q);
            if (line[q + 1] === '"') {
              value += '"';
              k = q + 2;
            } else {
              k = q + 1;
              break;
            }
          }
          cells.push(value);
          k++;
        } else {
          const comma = line.indexOf(',', k);
          const end = comma < 0 ? line.length : comma;
          cells.push(line.slice(k, end));
          k = end + 1;
        }
      }
      return cells;
    });
}

const mazur = loadPreset('mazur')!;

describe('the iteration CSV', () => {
  it('has the documented header', () => {
    expect(traceCsv(mazur).split('\r\n')[0]).toBe(
      'kind,sample,layer,node,from_node,name,z,a,dL_dz,dL_da,value,gradient,value_after,trainable',
    );
    expect(TRACE_CSV_COLUMNS.join(',')).toBe(
      'kind,sample,layer,node,from_node,name,z,a,dL_dz,dL_da,value,gradient,value_after,trainable',
    );
  });

  it("writes Mazur's numbers exactly, as the core computes them", () => {
    const lines = traceCsv(mazur).split('\r\n');
    // The rows a reader of Mazur's post checks: o₁'s forward values, w₅'s step, E before and after.
    expect(lines).toContain('node,0,0,0,,i₁,,0.05,,0.0038042668797273384,,,,');
    expect(lines).toContain(
      'node,0,2,0,,o₁,1.10590596705977,0.7513650695523157,0.13849856162855695,0.7413650695523157,,,,',
    );
    expect(lines).toContain('weight,,2,0,0,w₅,,,,,0.4,0.08216704056423077,0.35891647971788465,1');
    expect(lines).toContain('weight,,1,0,0,w₁,,,,,0.15,0.0004385677344743465,0.1497807161327628,1');
    expect(lines).toContain('bias,,1,0,,b₁,,,,,0.35,0.00877135468948693,0.35,0');
    expect(lines).toContain('loss,,,,,loss,,,,,0.2983711087600027,,0.29102777369359933,');

    const t = traceScenario(mazur);
    const rows = readCsv(traceCsv(mazur)).slice(1);
    const num = (c: string) => (c === '' ? null : Number(c));
    for (const r of rows.filter((r) => r[0] === 'node')) {
      const [l, j] = [Number(r[2]), Number(r[3])];
      const s = t.samples[Number(r[1])];
      expect([num(r[6]), num(r[7]), num(r[8]), num(r[9])]).toEqual([
        s.z[l]?.[j] ?? null,
        s.a[l][j],
        s.dLdz[l]?.[j] ?? null,
        s.dLda[l][j],
      ]);
    }
    for (const r of rows.filter((r) => r[0] === 'weight')) {
      const [l, j, i] = [Number(r[2]) - 1, Number(r[3]), Number(r[4])];
      expect([num(r[10]), num(r[11]), num(r[12])]).toEqual([
        mazur.weights[l][j][i],
        t.gradients.weights[l][j][i],
        t.after.weights[l][j][i],
      ]);
    }
    for (const r of rows.filter((r) => r[0] === 'bias')) {
      const [l, j] = [Number(r[2]) - 1, Number(r[3])];
      expect([num(r[10]), num(r[11]), num(r[12])]).toEqual([
        mazur.biases[l]![j],
        t.gradients.biases[l]![j],
        t.after.biases[l]![j],
      ]);
    }
    expect(rows.filter((r) => r[0] === 'loss').map((r) => [r[1], num(r[10]), num(r[12])])).toEqual([
      ['0', t.samples[0].loss, null],
      ['', t.loss, t.after.loss],
    ]);
  });

  it('has one row per sample × layer × node, per sample loss, the batch loss, each weight and each bias', () => {
    const walk = loadPreset('walkthrough')!;
    const rows = readCsv(traceCsv(walk));
    // 3-2-1 without biases, 6 samples: 6·(6 + 1) + 1 + 8 weights.
    expect(rows).toHaveLength(1 + 6 * 7 + 1 + 8);
    expect(rows.every((r) => r.length === TRACE_CSV_COLUMNS.length)).toBe(true);
    expect(rows.filter((r) => r[0] === 'bias')).toEqual([]);
  });

  it('writes the batch the iteration is on, by data index, and the step from the optimizer state given', () => {
    const s = parse({
      format: 'backprop-scenario/1',
      layers: [{ size: 1 }, { size: 1, activation: 'tanh', bias: true }],
      weights: [[[0.5]]],
      loss: 'mse',
      data: [
        { x: [1], y: [0] },
        { x: [2], y: [1] },
        { x: [3], y: [0] },
      ],
      batchSize: 2,
      optimizer: { type: 'momentum', learningRate: 0.1 },
    });
    const compiled = compileScenario(s);
    const state = createOptimizerState(compiled.model.weightCount, compiled.model.biasCount);
    state.t = 1;
    state.w.first[0] = 10;
    const it = runIteration(compiled, compiled.params, state);
    const rows = readCsv(iterationCsv(s, compiled, it)).slice(1);
    expect(rows.filter((r) => r[0] === 'node').map((r) => r[1])).toEqual(['2', '2']);
    const w = rows.find((r) => r[0] === 'weight')!;
    expect(Number(w[12])).toBe(it.after.w[0]);
    expect(Number(w[12])).toBe(0.5 - 0.1 * (0.9 * 10 + it.pass.dLdw[0]));
  });

  it('quotes names with commas or quotes, and writes non-finite numbers as words', () => {
    const s = parse({
      format: 'backprop-scenario/1',
      layers: [
        { size: 1, labels: ['x,1'] },
        { size: 1, activation: 'sigmoid', bias: false, labels: ['say "hi"'] },
      ],
      weights: [[[1000]]],
      loss: 'bce',
      data: [{ x: [1], y: [0] }],
      optimizer: { type: 'sgd', learningRate: 0.1 },
    });
    const text = traceCsv(s);
    expect(text).toContain('node,0,0,0,,"x,1",,1,,');
    expect(text).toContain('node,0,1,0,,"say ""hi""",1000,1,');
    const rows = readCsv(text);
    expect(rows[2][5]).toBe('say "hi"');
    const loss = rows.find((r) => r[0] === 'loss' && r[1] === '')!;
    expect(loss[10]).toBe('Infinity');
  });
});

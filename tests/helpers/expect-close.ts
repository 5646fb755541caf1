import { expect } from 'vitest';

type Tree = number | null | string | Tree[];

/**
 * Asserts that two nested number arrays agree entry by entry: |a − e| ≤ abs, or
 * |a − e| ≤ rel·|e| when `rel` is given; nulls must match nulls. Names the first path that differs.
 */
export function expectClose(actual: unknown, expected: unknown, tol: { abs?: number; rel?: number }, path = '$'): void {
  const a = actual as Tree;
  const e = expected as Tree;
  if (Array.isArray(e)) {
    expect(Array.isArray(a), `${path} should be an array`).toBe(true);
    expect((a as Tree[]).length, `${path} length`).toBe(e.length);
    e.forEach((v, k) => expectClose((a as Tree[])[k], v, tol, `${path}[${k}]`));
    return;
  }
  if (e === null || typeof e === 'string') {
    expect(a, path).toBe(e);
    return;
  }
  expect(typeof a, `${path} should be a number`).toBe('number');
  const diff = Math.abs((a as number) - e);
  const bound = tol.rel !== undefined ? tol.rel * Math.abs(e) + (tol.abs ?? 0) : (tol.abs ?? 0);
  expect(diff <= bound, `${path}: got ${String(a)}, expected ${e} (|diff| ${diff} > ${bound})`).toBe(true);
}

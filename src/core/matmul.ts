/**
 * The three matrix products of a dense layer over a batch, on row-major slices of flat
 * arrays (row r of a matrix starts at off + r·stride). Each keeps a small tile of running
 * sums in locals so that every value loaded is used several times: the plain per-sample
 * dot/axpy loops read and write memory on every multiply-add.
 */

/** C[s][j] = Σᵢ A[s][i]·B[j][i] for m rows s, n rows j, k columns i (B's rows are contiguous, length k). */
export function matmulABt(
  A: Float64Array,
  aOff: number,
  aStride: number,
  B: Float64Array,
  bOff: number,
  C: Float64Array,
  cOff: number,
  cStride: number,
  m: number,
  n: number,
  k: number,
): void {
  let s = 0;
  for (; s + 4 <= m; s += 4) {
    const a0 = aOff + s * aStride;
    const a1 = a0 + aStride;
    const a2 = a1 + aStride;
    const a3 = a2 + aStride;
    const c0 = cOff + s * cStride;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const b0 = bOff + j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      let s20 = 0,
        s21 = 0,
        s22 = 0,
        s23 = 0,
        s30 = 0,
        s31 = 0,
        s32 = 0,
        s33 = 0;
      for (let i = 0; i < k; i++) {
        const y0 = B[b0 + i];
        const y1 = B[b1 + i];
        const y2 = B[b2 + i];
        const y3 = B[b3 + i];
        let x = A[a0 + i];
        s00 += x * y0;
        s01 += x * y1;
        s02 += x * y2;
        s03 += x * y3;
        x = A[a1 + i];
        s10 += x * y0;
        s11 += x * y1;
        s12 += x * y2;
        s13 += x * y3;
        x = A[a2 + i];
        s20 += x * y0;
        s21 += x * y1;
        s22 += x * y2;
        s23 += x * y3;
        x = A[a3 + i];
        s30 += x * y0;
        s31 += x * y1;
        s32 += x * y2;
        s33 += x * y3;
      }
      let o = c0 + j;
      C[o] = s00;
      C[o + 1] = s01;
      C[o + 2] = s02;
      C[o + 3] = s03;
      o += cStride;
      C[o] = s10;
      C[o + 1] = s11;
      C[o + 2] = s12;
      C[o + 3] = s13;
      o += cStride;
      C[o] = s20;
      C[o + 1] = s21;
      C[o + 2] = s22;
      C[o + 3] = s23;
      o += cStride;
      C[o] = s30;
      C[o + 1] = s31;
      C[o + 2] = s32;
      C[o + 3] = s33;
    }
    for (; j < n; j++) {
      const b0 = bOff + j * k;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let i = 0; i < k; i++) {
        const y = B[b0 + i];
        s0 += A[a0 + i] * y;
        s1 += A[a1 + i] * y;
        s2 += A[a2 + i] * y;
        s3 += A[a3 + i] * y;
      }
      C[c0 + j] = s0;
      C[c0 + cStride + j] = s1;
      C[c0 + 2 * cStride + j] = s2;
      C[c0 + 3 * cStride + j] = s3;
    }
  }
  for (; s < m; s++) {
    const a0 = aOff + s * aStride;
    const c0 = cOff + s * cStride;
    for (let j = 0; j < n; j++) {
      const b0 = bOff + j * k;
      let sum = 0;
      for (let i = 0; i < k; i++) sum += A[a0 + i] * B[b0 + i];
      C[c0 + j] = sum;
    }
  }
}

/** W[j][i] = Σₛ D[s][j]·A[s][i] for m rows s, n rows j, k columns i (W written, not added to; W's rows contiguous, length k). */
export function matmulAtB(
  D: Float64Array,
  dOff: number,
  dStride: number,
  A: Float64Array,
  aOff: number,
  aStride: number,
  W: Float64Array,
  wOff: number,
  m: number,
  n: number,
  k: number,
): void {
  // Plain loops, not TypedArray.prototype.fill: a builtin call costs more than a small layer's zeroing.
  for (let q = wOff, end = wOff + n * k; q < end; q++) W[q] = 0;
  let s = 0;
  for (; s + 4 <= m; s += 4) {
    const a0 = aOff + s * aStride;
    const a1 = a0 + aStride;
    const a2 = a1 + aStride;
    const a3 = a2 + aStride;
    const d0 = dOff + s * dStride;
    let j = 0;
    for (; j + 2 <= n; j += 2) {
      const e00 = D[d0 + j],
        e10 = D[d0 + dStride + j],
        e20 = D[d0 + 2 * dStride + j],
        e30 = D[d0 + 3 * dStride + j];
      const e01 = D[d0 + j + 1],
        e11 = D[d0 + dStride + j + 1],
        e21 = D[d0 + 2 * dStride + j + 1],
        e31 = D[d0 + 3 * dStride + j + 1];
      const w0 = wOff + j * k;
      const w1 = w0 + k;
      for (let i = 0; i < k; i++) {
        const x0 = A[a0 + i];
        const x1 = A[a1 + i];
        const x2 = A[a2 + i];
        const x3 = A[a3 + i];
        W[w0 + i] += e00 * x0 + e10 * x1 + e20 * x2 + e30 * x3;
        W[w1 + i] += e01 * x0 + e11 * x1 + e21 * x2 + e31 * x3;
      }
    }
    for (; j < n; j++) {
      const e0 = D[d0 + j],
        e1 = D[d0 + dStride + j],
        e2 = D[d0 + 2 * dStride + j],
        e3 = D[d0 + 3 * dStride + j];
      const w0 = wOff + j * k;
      for (let i = 0; i < k; i++) W[w0 + i] += e0 * A[a0 + i] + e1 * A[a1 + i] + e2 * A[a2 + i] + e3 * A[a3 + i];
    }
  }
  for (; s < m; s++) {
    const a0 = aOff + s * aStride;
    const d0 = dOff + s * dStride;
    for (let j = 0; j < n; j++) {
      const e = D[d0 + j];
      const w0 = wOff + j * k;
      for (let i = 0; i < k; i++) W[w0 + i] += e * A[a0 + i];
    }
  }
}

/** G[s][i] = Σⱼ D[s][j]·W[j][i] for m rows s, n rows j, k columns i (G written, not added to). */
export function matmulAB(
  D: Float64Array,
  dOff: number,
  dStride: number,
  W: Float64Array,
  wOff: number,
  G: Float64Array,
  gOff: number,
  gStride: number,
  m: number,
  n: number,
  k: number,
): void {
  let s = 0;
  for (; s + 2 <= m; s += 2) {
    const d0 = dOff + s * dStride;
    const d1 = d0 + dStride;
    const g0 = gOff + s * gStride;
    const g1 = g0 + gStride;
    for (let i = 0; i < k; i++) {
      G[g0 + i] = 0;
      G[g1 + i] = 0;
    }
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const e00 = D[d0 + j],
        e01 = D[d0 + j + 1],
        e02 = D[d0 + j + 2],
        e03 = D[d0 + j + 3];
      const e10 = D[d1 + j],
        e11 = D[d1 + j + 1],
        e12 = D[d1 + j + 2],
        e13 = D[d1 + j + 3];
      const w0 = wOff + j * k;
      const w1 = w0 + k;
      const w2 = w1 + k;
      const w3 = w2 + k;
      for (let i = 0; i < k; i++) {
        const y0 = W[w0 + i];
        const y1 = W[w1 + i];
        const y2 = W[w2 + i];
        const y3 = W[w3 + i];
        G[g0 + i] += e00 * y0 + e01 * y1 + e02 * y2 + e03 * y3;
        G[g1 + i] += e10 * y0 + e11 * y1 + e12 * y2 + e13 * y3;
      }
    }
    for (; j < n; j++) {
      const e0 = D[d0 + j];
      const e1 = D[d1 + j];
      const w0 = wOff + j * k;
      for (let i = 0; i < k; i++) {
        const y = W[w0 + i];
        G[g0 + i] += e0 * y;
        G[g1 + i] += e1 * y;
      }
    }
  }
  for (; s < m; s++) {
    const d0 = dOff + s * dStride;
    const g0 = gOff + s * gStride;
    for (let i = 0; i < k; i++) G[g0 + i] = 0;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const e0 = D[d0 + j],
        e1 = D[d0 + j + 1],
        e2 = D[d0 + j + 2],
        e3 = D[d0 + j + 3];
      const w0 = wOff + j * k;
      const w1 = w0 + k;
      const w2 = w1 + k;
      const w3 = w2 + k;
      for (let i = 0; i < k; i++) G[g0 + i] += e0 * W[w0 + i] + e1 * W[w1 + i] + e2 * W[w2 + i] + e3 * W[w3 + i];
    }
    for (; j < n; j++) {
      const e = D[d0 + j];
      const w0 = wOff + j * k;
      for (let i = 0; i < k; i++) G[g0 + i] += e * W[w0 + i];
    }
  }
}

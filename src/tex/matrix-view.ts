import type { Compiled } from '../core/compile.ts';
import type { Iteration } from '../core/iteration.ts';
import { ACT } from '../core/model.ts';
import type { Selection } from '../core/selection.ts';
import { isKnown, type StepEvent, type StepPlan } from '../core/step-plan.ts';
import { DEFAULT_DIGITS, formatNumber } from './format-number.ts';

/** What the matrix view of one iteration is built from. */
export interface MatrixViewInput {
  readonly compiled: Compiled;
  readonly iteration: Iteration;
  readonly plan: StepPlan;
  /** events done so far: values the plan computes at or after it show as blanks */
  readonly position: number;
  /** the sample shown, as an index in the batch */
  readonly sample: number;
  readonly digits?: number;
  /** kept visible where a wide layer is elided (the selection, usually) */
  readonly focus?: Selection | null;
}

/** One weight block l (layer l → layer l+1) as the worksheet draws it. */
export interface MatrixLayer {
  /** the block index: weights[l], biases[l] */
  readonly l: number;
  /** [W | b]·[a | 1] = z, then a = φ(z) */
  readonly forward: readonly string[];
  /** ∂L/∂z, then the outer product that gives [∂L/∂W | ∂L/∂b] (and, for a batch, their sum over it) */
  readonly backward: readonly string[];
}

/** What stands for a value not computed yet at the position. */
export const BLANK = String.raw`\square`;

/** Layers wider than this are elided with \cdots / \vdots. */
export const MAX_SHOWN = 10;

/** A gap in a list of shown indices. */
const GAP = -1;

/**
 * The indices of 0..n−1 to show: all of them up to MAX_SHOWN, else the first six, the last
 * two and `keep`, with GAP where indices are left out.
 */
export function shownIndices(n: number, keep: number | null = null): number[] {
  if (n <= MAX_SHOWN) return Array.from({ length: n }, (_, k) => k);
  const set = new Set<number>([0, 1, 2, 3, 4, 5, n - 2, n - 1]);
  if (keep !== null && keep >= 0 && keep < n) set.add(keep);
  const sorted = [...set].sort((a, b) => a - b);
  const out: number[] = [];
  sorted.forEach((k, n2) => {
    if (n2 > 0 && k > sorted[n2 - 1] + 1) out.push(GAP);
    out.push(k);
  });
  return out;
}

/**
 * The cell that shows what event `e` computes, by its data-key and data-quantity: z, a or
 * ∂L/∂z of a node, ∂L/∂w or ∂L/∂b, and for an update the parameter's own cell; null for the
 * loss, which the matrices do not show.
 */
export function eventCell(e: StepEvent): { readonly key: string; readonly quantity: string } | null {
  switch (e.kind) {
    case 'z':
    case 'a':
      return { key: `node:${e.l}:${e.j}`, quantity: e.kind };
    case 'delta':
      return { key: `node:${e.l}:${e.j}`, quantity: 'dLdz' };
    case 'weight-grad':
      return { key: `edge:${e.l}:${e.j}:${e.i}`, quantity: 'dLdw' };
    case 'bias-grad':
      return { key: `bias:${e.l}:${e.j}`, quantity: 'dLdb' };
    case 'weight-update':
      return { key: `edge:${e.l}:${e.j}:${e.i}`, quantity: 'weight' };
    case 'bias-update':
      return { key: `bias:${e.l}:${e.j}`, quantity: 'bias' };
    case 'loss':
      return null;
  }
}

/** One entry: its number (or a blank) wrapped with its diagram key, what it is and its full-precision value. */
function cell(key: string, quantity: string, value: number, known: boolean, digits: number): string {
  if (!known) return String.raw`\htmlData{key=${key}, quantity=${quantity}}{${BLANK}}`;
  return String.raw`\htmlData{key=${key}, quantity=${quantity}, value=${String(value)}}{${formatNumber(value, digits)}}`;
}

/** A bracketed matrix of rows × cols entries, with an optional augmented column after a bar and an optional last row under a rule. */
function bracket(
  rows: readonly number[],
  cols: readonly number[],
  entry: (r: number, c: number) => string,
  extraCol?: (r: number) => string,
  extraRow?: (c: number) => string,
): string {
  const lines = rows.map((r) => {
    const cells = cols.map((c) =>
      r === GAP ? (c === GAP ? String.raw`\ddots` : String.raw`\vdots`) : c === GAP ? String.raw`\cdots` : entry(r, c),
    );
    if (extraCol) cells.push(r === GAP ? String.raw`\vdots` : extraCol(r));
    return cells.join(' & ');
  });
  if (extraRow) {
    const cells = cols.map((c) => (c === GAP ? '' : extraRow(c)));
    lines.push(String.raw`\hline ${cells.join(' & ')}`);
  }
  const body = lines.join(String.raw` \\ `);
  if (!extraCol && !extraRow) return String.raw`\begin{bmatrix} ${body} \end{bmatrix}`;
  const spec = 'r'.repeat(cols.length) + (extraCol ? '|r' : '');
  return String.raw`\left[\begin{array}{${spec}} ${body} \end{array}\right]`;
}

/** A column vector of the shown rows. */
function column(rows: readonly number[], entry: (r: number) => string, one?: string): string {
  return bracket(rows, [0], (r) => entry(r), undefined, one === undefined ? undefined : () => one);
}

function under(tex: string, label: string): string {
  return String.raw`\underbrace{${tex}}_{${label}}`;
}

/** φ of block l as TeX, applied to `arg`. */
function activationTex(code: number, param: number, arg: string, digits: number): string {
  switch (code) {
    case ACT.identity:
      return arg;
    case ACT.linear:
      return String.raw`${formatNumber(param, digits)}\,${arg}`;
    case ACT.relu:
      return String.raw`\operatorname{ReLU}(${arg})`;
    case ACT.leakyRelu:
      return String.raw`\operatorname{LeakyReLU}_{${formatNumber(param, digits)}}(${arg})`;
    case ACT.sigmoid:
      return String.raw`\sigma(${arg})`;
    case ACT.tanh:
      return String.raw`\tanh(${arg})`;
    default:
      return String.raw`\operatorname{softmax}(${arg})`;
  }
}

/** The name of layer l's activation vector: x for the inputs, a_l after. */
function actName(l: number): string {
  return l === 0 ? 'x' : `a_{${l}}`;
}

function dLdzName(l: number): string {
  return String.raw`\frac{\partial L}{\partial z_{${l}}}`;
}

/**
 * The matrix view of an iteration, block by block: forward, [W_l | b_l]·[a_{l−1} | 1] = z_l and
 * a_l = φ(z_l) for the selected sample; backward, ∂L/∂z_l and the outer product
 * ∂L/∂z_l·[a_{l−1} | 1]ᵀ = [∂L/∂W_l | ∂L/∂b_l] (per sample, then summed, for a batch). Layers
 * are numbered from 1 as in the worksheet; entries carry the diagram's keys.
 */
export function buildMatrixView(input: MatrixViewInput): MatrixLayer[] {
  const { compiled, iteration, plan, position, sample } = input;
  const m = compiled.model;
  const d = input.digits ?? DEFAULT_DIGITS;
  const { pass, params } = iteration;
  const base = sample * m.nodeCount;
  const batch = iteration.count > 1;
  const focus = input.focus ?? null;
  const focusIn = (l: number): number | null =>
    focus && focus.kind === 'node' && focus.l === l
      ? focus.j
      : focus && focus.kind === 'edge' && focus.l === l
        ? focus.i
        : null;
  const focusOut = (l: number): number | null =>
    focus && focus.kind === 'node' && focus.l === l + 1
      ? focus.j
      : focus && (focus.kind === 'edge' || focus.kind === 'bias') && focus.l === l
        ? focus.j
        : null;
  const layers: MatrixLayer[] = [];

  for (let l = 0; l < m.depth; l++) {
    const L = l + 1;
    const fanIn = m.sizes[l];
    const inOff = m.nodeOffset[l];
    const outOff = m.nodeOffset[L];
    const bias = m.hasBias[l] === 1;
    const rows = shownIndices(m.sizes[L], focusOut(l));
    const cols = shownIndices(fanIn, focusIn(l));
    const wAt = (j: number, i: number) => m.weightOffset[l] + j * fanIn + i;
    const bAt = (j: number) => m.biasOffset[l] + j;
    const aIn = (i: number) =>
      cell(`node:${l}:${i}`, 'a', pass.a[base + inOff + i], isKnown(plan.aAt[inOff + i], position), d);

    // Forward.
    const wb = bracket(
      rows,
      cols,
      (j, i) => cell(`edge:${l}:${j}:${i}`, 'weight', params.w[wAt(j, i)], true, d),
      bias ? (j) => cell(`bias:${l}:${j}`, 'bias', params.b[bAt(j)], true, d) : undefined,
    );
    const aVec = column(cols, aIn, bias ? '1' : undefined);
    const zVec = column(rows, (j) =>
      cell(`node:${L}:${j}`, 'z', pass.z[base + outOff + j], isKnown(plan.zAt[outOff + j], position), d),
    );
    const aOut = column(rows, (j) =>
      cell(`node:${L}:${j}`, 'a', pass.a[base + outOff + j], isKnown(plan.aAt[outOff + j], position), d),
    );
    const wbName = bias ? String.raw`[W_{${L}} \mid b_{${L}}]` : `W_{${L}}`;
    const inName = bias ? String.raw`[${actName(l)} \mid 1]` : actName(l);
    const forward = [
      String.raw`${under(wb, wbName)}\,${under(aVec, inName)} = ${under(zVec, `z_{${L}}`)}`,
      String.raw`${actName(L)} = ${activationTex(m.act[l], m.actParam[l], `z_{${L}}`, d)} = ${aOut}`,
    ];

    // Backward.
    const deltaKnown = (j: number) => isKnown(plan.deltaAt[outOff + j], position);
    const delta = (j: number) => pass.dLdz[base + outOff + j];
    const deltaVec = column(rows, (j) => cell(`node:${L}:${j}`, 'dLdz', delta(j), deltaKnown(j), d));
    const deltaLine =
      L === m.depth
        ? String.raw`${dLdzName(L)} = ${deltaVec}`
        : String.raw`${dLdzName(L)} = \left(W_{${L + 1}}^{\top}\,${dLdzName(L + 1)}\right) \odot \varphi'(z_{${L}}) = ${deltaVec}`;
    const aRow = bracket([0], cols, (_r, i) => aIn(i), bias ? () => '1' : undefined);
    // Under a brace a stacked fraction would be unreadably small: the labels use slashes.
    const gradLabel = bias
      ? String.raw`[\partial L/\partial W_{${L}} \mid \partial L/\partial b_{${L}}]`
      : String.raw`\partial L/\partial W_{${L}}`;
    const gradName = bias
      ? String.raw`\left[\frac{\partial L}{\partial W_{${L}}} \,\middle|\, \frac{\partial L}{\partial b_{${L}}}\right]`
      : String.raw`\frac{\partial L}{\partial W_{${L}}}`;
    const deltaLabel = String.raw`\partial L/\partial z_{${L}}`;
    const inTName = bias ? String.raw`[${actName(l)} \mid 1]^{\top}` : `${actName(l)}^{\top}`;
    const wGradKnown = (j: number, i: number) => isKnown(plan.weightGradAt[wAt(j, i)], position);
    const bGradKnown = (j: number) => isKnown(plan.biasGradAt[bAt(j)], position);
    const total = bracket(
      rows,
      cols,
      (j, i) => cell(`edge:${l}:${j}:${i}`, 'dLdw', pass.dLdw[wAt(j, i)], wGradKnown(j, i), d),
      bias ? (j) => cell(`bias:${l}:${j}`, 'dLdb', pass.dLdb[bAt(j)], bGradKnown(j), d) : undefined,
    );
    const backward = [deltaLine];
    if (!batch) {
      backward.push(String.raw`${under(deltaVec, deltaLabel)}\,${under(aRow, inTName)} = ${under(total, gradLabel)}`);
    } else {
      // One sample's outer product is its share of the batch's gradient; the batch adds them up.
      const ownW = (j: number, i: number) => delta(j) * pass.a[base + inOff + i];
      const own = bracket(
        rows,
        cols,
        (j, i) => cell(`edge:${l}:${j}:${i}`, 'dLdw-sample', ownW(j, i), wGradKnown(j, i), d),
        bias ? (j) => cell(`bias:${l}:${j}`, 'dLdb-sample', delta(j), bGradKnown(j), d) : undefined,
      );
      backward.push(String.raw`${under(deltaVec, deltaLabel)}\,${under(aRow, inTName)} = ${own}`);
      backward.push(
        String.raw`${gradName} = \sum_{s=1}^{${iteration.count}} ${dLdzName(L)}^{(s)}\,${bias ? String.raw`[${actName(l)}^{(s)} \mid 1]^{\top}` : String.raw`${actName(l)}^{(s)\top}`} = ${total}`,
      );
    }
    layers.push({ l, forward, backward });
  }
  return layers;
}

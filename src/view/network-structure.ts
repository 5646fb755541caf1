import { select, type Selection as D3Selection } from 'd3-selection';
import { selectionKey } from '../core/selection.ts';
import type { BiasView, EdgeView, LayerView, NetworkViewModel, NodeView } from './network-view-model.ts';
import { createNodeRecord, removeNodeRecord, type LossRecord, type NodeRecord } from './node-elements.ts';
import { createParamRecord, paramSelection, removeLabel, type ParamRecord } from './param-elements.ts';

/**
 * The diagram's elements, joined by key to a model's layers, nodes, weights and biases.
 * One group per layer holds, in order, the edges and bias links into it and its nodes, so
 * the document order (and so the Tab order) follows the network layer by layer.
 */

export type AnyRecord = NodeRecord | ParamRecord | LossRecord;

export interface StructureParts {
  readonly stages: SVGGElement;
  readonly textLayer: SVGGElement;
  readonly lossRec: LossRecord;
  /** the record of each element, across joins */
  readonly recOf: WeakMap<Element, NodeRecord | ParamRecord>;
}

export interface Structure {
  readonly bySel: Map<string, AnyRecord>;
  /** records aligned with the model's nodes, edges and biases arrays */
  readonly nodes: NodeRecord[];
  readonly edges: ParamRecord[];
  readonly biases: ParamRecord[];
}

type Parent = D3Selection<SVGGElement, unknown, null, undefined>;

function joinParams(
  parent: Parent,
  selector: string,
  data: (EdgeView | BiasView)[],
  parts: StructureParts,
  next: Map<string, AnyRecord>,
): void {
  parent
    .selectChildren<SVGGElement, EdgeView | BiasView>(selector)
    .data(data, (d) => d.key)
    .join((enter) =>
      enter.append('g').each(function (d) {
        parts.recOf.set(this, createParamRecord(this, d, selectionKey(paramSelection(d))));
      }),
    )
    .order()
    .each(function () {
      const rec = parts.recOf.get(this) as ParamRecord;
      next.set(rec.selKey, rec);
    });
}

function withIdx<T extends { idx: number }>(rec: T, idx: number): T {
  rec.idx = idx;
  return rec;
}

/** Joins the elements to a model: creates what is new, keeps what survives (with its state), removes the rest. */
export function joinStructure(
  vm: NetworkViewModel,
  parts: StructureParts,
  previous: ReadonlyMap<string, AnyRecord>,
): Structure {
  const next = new Map<string, AnyRecord>([['loss', parts.lossRec]]);
  const nodesBy: NodeView[][] = vm.layers.map(() => []);
  for (const n of vm.nodes) nodesBy[n.l].push(n);
  const edgesBy: EdgeView[][] = vm.layers.map(() => []);
  for (const e of vm.edges) edgesBy[e.l + 1].push(e);
  const biasesBy: BiasView[][] = vm.layers.map(() => []);
  for (const b of vm.biases) biasesBy[b.l + 1].push(b);

  select(parts.stages)
    .selectChildren<SVGGElement, LayerView>('g.bp-stage')
    .data(vm.layers, (d) => String(d.l))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'bp-stage');
      g.append('g').attr('class', 'bp-edges');
      g.append('g').attr('class', 'bp-bias-decor').attr('aria-hidden', 'true');
      g.append('g').attr('class', 'bp-biases');
      g.append('g').attr('class', 'bp-nodes');
      return g;
    })
    .order()
    .each(function (layer) {
      const stage = select(this);
      joinParams(stage.select<SVGGElement>('g.bp-edges'), 'g.bp-edge', edgesBy[layer.l], parts, next);
      joinParams(stage.select<SVGGElement>('g.bp-biases'), 'g.bp-bias', biasesBy[layer.l], parts, next);
      stage
        .select<SVGGElement>('g.bp-nodes')
        .selectChildren<SVGGElement, NodeView>('g.bp-node')
        .data(nodesBy[layer.l], (d) => d.key)
        .join((enter) =>
          enter.append('g').each(function (d) {
            parts.recOf.set(
              this,
              createNodeRecord(this, d, selectionKey({ kind: 'node', l: d.l, j: d.j }), parts.textLayer),
            );
          }),
        )
        .order()
        .each(function () {
          const rec = parts.recOf.get(this) as NodeRecord;
          next.set(rec.selKey, rec);
        });
    });

  // Overlay pieces of removed elements live outside their groups: remove them too.
  for (const [key, rec] of previous) {
    if (next.has(key) || rec === parts.lossRec) continue;
    if ('kind' in rec) removeLabel(rec);
    else removeNodeRecord(rec as NodeRecord);
  }
  return {
    bySel: next,
    nodes: vm.nodes.map((n, idx) => withIdx(next.get(`node:${n.l}:${n.j}`) as NodeRecord, idx)),
    edges: vm.edges.map((e, idx) => withIdx(next.get(`edge:${e.l}:${e.j}:${e.i}`) as ParamRecord, idx)),
    biases: vm.biases.map((b, idx) => withIdx(next.get(`bias:${b.l}:${b.j}`) as ParamRecord, idx)),
  };
}

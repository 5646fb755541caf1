import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent } from 'd3-zoom';
import { createDecor, type Decor } from './decor.ts';
import type { RenderContext } from './element-state.ts';
import { labelBox, valueCharsFor, type LabelPlacement } from './label-placement.ts';
import { createLabelPlacer } from './label-placer.ts';
import { legendLayout, renderLegend } from './legend.ts';
import { attachInteraction, type InteractionTarget, type NetworkViewCallbacks } from './network-interaction.ts';
import { computeLayout, edgeOpacity, maxEdgeWidth, nodeTextMode, type NetworkLayout } from './network-layout.ts';
import { joinStructure, type AnyRecord } from './network-structure.ts';
import {
  maxAbsShownParameter,
  maxParameterNameLength,
  maxWeightNameLength,
  type NetworkViewModel,
} from './network-view-model.ts';
import { createLossRecord, updateLoss, updateNode, type NodeRecord } from './node-elements.ts';
import { related, updateParam, type ParamRecord } from './param-elements.ts';
import { createWidthScale, legendModel, niceCeil, WIDTH_RANGE, type WidthScale } from './scales.ts';
import { svgChild } from './svg.ts';

export type { NetworkViewCallbacks };

/** What streams values into the diagram: a drag of a value, a training run's reports, or nothing. */
export type Stream = 'drag' | 'run' | null;

/** The selected node of a model, if a node is selected. */
function selectedNodeOf(vm: NetworkViewModel): { l: number; j: number } | null {
  for (const n of vm.nodes) if (n.selected) return { l: n.l, j: n.j };
  return null;
}

export interface NetworkView {
  /** Draws a view model; elements are created only when the network's shape changes. */
  update(model: NetworkViewModel): void;
  /** Emphasizes elements by selection key (selectionKey: "edge:l:j:i", "node:l:j", "bias:l:j", "loss"). */
  highlight(keys: readonly string[]): void;
  /** The drawing area's size in CSS pixels; call it from a ResizeObserver on the container. */
  resize(width: number, height: number): void;
  /**
   * The text width budget of a label line, in characters (valueCharsFor(digits) for a display
   * precision): label positions are recomputed when it changes, never when a value does.
   */
  setLabelChars(chars: number): void;
  /**
   * Values stream in (a drag of a value, or a training run's reports) or have stopped (null):
   * while they do, the data-* numbers, accessible names and tooltips wait, so a frame formats
   * only the numbers drawn. A drag's catch up when it rests (NAMES_REST_MS without an update) or
   * ends; a run's when it ends (a big network's reports can be further apart than a rest).
   */
  setStreaming(stream: Stream): void;
  /** Back to zoom 1, no pan. */
  resetZoom(): void;
  destroy(): void;
}

const DEFAULT_SIZE = { width: 800, height: 500 };
const NO_COVER: ReadonlySet<number> = new Set();
/** How long a drag rests before the accessible names and tooltips catch up. */
const NAMES_REST_MS = 250;
/** The longest task of a run's catch-up of names, after its end. */
const RUN_CATCH_UP_MS = 8;
/** Up to this many elements, a run's names catch up at once, in the task of its end (a few milliseconds). */
const RUN_CATCH_UP_AT_ONCE = 256;
const now: () => number = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();

/** The diagram of a network in `svg`: nodes, weights, biases and the loss, with zoom, pan, keyboard and pointer interaction. */
export function createNetworkView(svg: SVGSVGElement, callbacks: NetworkViewCallbacks): NetworkView {
  svg.classList.add('bp-net');
  svg.setAttribute('role', 'group');
  if (!svg.hasAttribute('aria-label')) svg.setAttribute('aria-label', 'Network diagram');
  const bg = svgChild(svg, 'rect', 'bp-bg');
  const viewport = svgChild(svg, 'g', 'bp-viewport');
  // A leader runs from a label placed off its line to the line, often past nodes: drawn first,
  // it passes beneath node circles (opaque), node text and headers (a halo) and labels (opaque),
  // so it never strikes one through.
  const leaderLayer = svgChild(viewport, 'g', 'bp-leaders');
  leaderLayer.setAttribute('aria-hidden', 'true');
  const headers = svgChild(viewport, 'g', 'bp-headers');
  headers.setAttribute('aria-hidden', 'true');
  const scene = svgChild(viewport, 'g', 'bp-scene');
  const stages = svgChild(scene, 'g', 'bp-stages');
  const lossStage = svgChild(scene, 'g', 'bp-stage bp-stage-loss');
  const lossLinks = svgChild(lossStage, 'g', 'bp-loss-links');
  lossLinks.setAttribute('aria-hidden', 'true');
  const overlay = svgChild(viewport, 'g', 'bp-overlay');
  const textLayer = svgChild(overlay, 'g', 'bp-node-texts');
  const labelLayer = svgChild(overlay, 'g', 'bp-labels');
  const topLayer = svgChild(overlay, 'g', 'bp-labels-top');
  const legend = svgChild(svg, 'g', 'bp-legend');
  legend.setAttribute('aria-hidden', 'true');
  const lossRec = createLossRecord(svgChild(lossStage, 'g'), textLayer);
  const decor: Decor = createDecor(headers, lossLinks);

  const rect = svg.getBoundingClientRect();
  let width = rect.width || Number(svg.getAttribute('width')) || DEFAULT_SIZE.width;
  let height = rect.height || Number(svg.getAttribute('height')) || DEFAULT_SIZE.height;
  let model: NetworkViewModel | null = null;
  let layout: NetworkLayout | null = null;
  let placement: LabelPlacement | null = null;
  let geom = 0;
  let labels = 0;
  let k = 1;
  /** the zoom the label placement was computed for */
  let placementZoom = 1;
  /** the inputs of the layout: with the zoom and name width, what a placement is kept by */
  let layoutKey = '';
  let nameChars = -1;
  let weightNameChars = -1;
  let valueChars = valueCharsFor(4);
  let widthScale: WidthScale = createWidthScale(1);
  let legendKey = '';
  let legendHeight = 30;
  let nodeRecs: NodeRecord[] = [];
  let edgeRecs: ParamRecord[] = [];
  let biasRecs: ParamRecord[] = [];
  let bySel = new Map<string, AnyRecord>([['loss', lossRec]]);
  const recOf = new WeakMap<Element, NodeRecord | ParamRecord>();
  let hoverKey: string | null = null;
  let focusKey: string | null = null;
  let highlightSet: ReadonlySet<string> = new Set();
  let dragging = false;
  /** a training run streams: the names wait for its end, not for a rest */
  let running = false;
  let namesTimer: ReturnType<typeof setTimeout> | null = null;
  let lastDragRender = 0;

  // ---- structure: joined by key, only when the shape changes ----

  function join(vm: NetworkViewModel): void {
    const joined = joinStructure(vm, { stages, textLayer, lossRec, recOf }, bySel);
    bySel = joined.bySel;
    nodeRecs = joined.nodes;
    edgeRecs = joined.edges;
    biasRecs = joined.biases;
    decor.join(vm, stages);
  }

  // ---- geometry ----

  function relayout(vm: NetworkViewModel): void {
    const legendModelNow = legendModel(widthScale);
    const { height: lh } = legendLayout(legendModelNow, width - 16);
    legendHeight = lh + 8;
    const sizes = vm.layers.map((l) => l.size);
    const hasBias = vm.layers.slice(1).map((l) => l.bias);
    layout = computeLayout({
      sizes,
      hasBias,
      width,
      height,
      legendHeight,
      // The columns make room where the labels are: spaced by the labels each block holds.
      labelBox: labelBox(valueChars),
    });
    layoutKey = `${sizes.join(',')}|${hasBias.map(Number).join('')}|${width}x${height}|${legendHeight}|${valueChars}`;
    geom++;
    svg.style.setProperty('--bp-edge-opacity', String(edgeOpacity(layout)));
    setWidthScale(widthScale.domainMax, maxEdgeWidth(layout));
    decor.place(layout);
    replaceLabels();
  }

  function setWidthScale(domain: number, maxWidth: number): void {
    if (domain !== widthScale.domainMax || maxWidth !== widthScale.range[1])
      widthScale = createWidthScale(domain, [WIDTH_RANGE[0], maxWidth]);
  }

  // Placed once per layout, zoom and name width, and kept; a search runs in slices behind a
  // provisional placement, once the diagram's size has settled, and the diagram says so:
  // data-labels="waiting" until the search starts, "placing" while it runs, "placed".
  const placer = createLabelPlacer(
    (p) => {
      setPlacement(p, true);
      render();
    },
    { onSearch: () => svg.setAttribute('data-labels', 'placing') },
  );

  function replaceLabels(): void {
    if (!layout) return;
    const { placement: p, final } = placer.place(`${layoutKey}|${k}|${nameChars}|${weightNameChars}`, layout, {
      zoom: k,
      nameChars,
      weightNameChars,
      valueChars,
    });
    placementZoom = k;
    setPlacement(p, final);
  }

  function setPlacement(p: LabelPlacement, final: boolean): void {
    svg.setAttribute('data-labels', final ? 'placed' : placer.state === 'searching' ? 'placing' : 'waiting');
    if (p === placement) return;
    placement = p;
    labels++;
    callbacks.onLabels?.(p.visibleCount, p.total);
  }

  function drawLegend(force: boolean): void {
    const key = `${widthScale.domainMax}|${widthScale.range[1]}|${width}|${height}`;
    if (!force && key === legendKey) return;
    legendKey = key;
    const { items, height: lh } = legendLayout(legendModel(widthScale), width - 16);
    legend.setAttribute('transform', `translate(8,${height - lh - 6})`);
    renderLegend(legend, items, lh);
  }

  function sizeSvg(): void {
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    bg.setAttribute('width', String(width));
    bg.setAttribute('height', String(height));
    zoomer.extent([
      [0, 0],
      [width, height],
    ]);
  }

  // ---- rendering: one pass over the records, each touching only what changed ----

  function context(vm: NetworkViewModel): RenderContext {
    return {
      layout: layout as NetworkLayout,
      geom,
      placement: placement as LabelPlacement,
      labels,
      k,
      textMode: nodeTextMode(layout as NetworkLayout, k),
      width: widthScale,
      hoverKey,
      focusKey,
      highlight: highlightSet,
      scrubbable: callbacks.onScrub !== undefined,
      showZ: vm.showZ,
      precision: vm.precision,
      deferNames: running || (dragging && namesTimer !== null),
      labelLayer,
      topLayer,
      leaderLayer,
      selectedNode: selectedNodeOf(vm),
      covered: coveredLabels(vm),
    };
  }

  /** Placed labels under a label shown on demand for the selection or the current step: they give way. */
  function coveredLabels(vm: NetworkViewModel): ReadonlySet<number> {
    const pl = placement;
    if (!pl || !layout || (pl.covers.size === 0 && pl.nodeCovers.size === 0)) return NO_COVER;
    const out = new Set<number>();
    for (const n of vm.nodes) {
      if (!n.current && !n.selected) continue;
      for (const u of pl.nodeCovers.get(layout.nodeOffset[n.l] + n.j) ?? []) out.add(u);
    }
    const sel = { selectedNode: selectedNodeOf(vm) };
    const add = (idx: number, p: { current: boolean; selected: boolean }) => {
      const under = pl.covers.get(idx);
      if (under && (p.current || p.selected || related(p as Parameters<typeof related>[0], sel)))
        for (const u of under) out.add(u);
    };
    if (pl.covers.size > 0) {
      for (const e of vm.edges) if (!pl.edgeVisible[e.index]) add(e.index, e);
      for (const b of vm.biases) if (!pl.biasVisible[b.index]) add(pl.edgeX.length + b.index, b);
    }
    // A label giving way that must show anyway sits at its second spot: the labels there give way too
    // (and one of them that must show takes its own second spot, where others give way in turn).
    for (let size = -1; pl.moveCovers.size > 0 && out.size !== size;) {
      size = out.size;
      const moved: number[] = [];
      const check = (idx: number, p: { current: boolean; selected: boolean }) => {
        if (out.has(idx) && (p.current || p.selected || related(p as Parameters<typeof related>[0], sel)))
          moved.push(...(pl.moveCovers.get(idx) ?? []));
      };
      for (const e of vm.edges) if (pl.moveCovers.has(e.index)) check(e.index, e);
      for (const b of vm.biases) if (pl.moveCovers.has(pl.edgeX.length + b.index)) check(pl.edgeX.length + b.index, b);
      for (const v of moved) out.add(v);
    }
    return out;
  }

  function render(): void {
    const vm = model;
    if (!vm || !layout) return;
    if (dragging && !running) restartNamesTimer();
    const ctx = context(vm);
    // a render that writes the names leaves nothing for a run's catch-up
    if (!ctx.deferNames) cancelRunCatchUp();
    for (let n = 0; n < nodeRecs.length; n++) updateNode(nodeRecs[n], vm.nodes[n], ctx);
    for (let e = 0; e < edgeRecs.length; e++) updateParam(edgeRecs[e], vm.edges[e], ctx);
    for (let b = 0; b < biasRecs.length; b++) updateParam(biasRecs[b], vm.biases[b], ctx);
    updateLoss(lossRec, vm.loss, vm.lossFunction, ctx);
    decor.update(vm, layout, geom);
  }

  /** One timer per rest, not one per frame: when it fires early (the drag moved since), it waits out the rest. */
  function restartNamesTimer(): void {
    lastDragRender = Date.now();
    if (namesTimer === null) namesTimer = setTimeout(namesRest, NAMES_REST_MS);
  }

  function namesRest(): void {
    const wait = lastDragRender + NAMES_REST_MS - Date.now();
    if (dragging && wait > 0) namesTimer = setTimeout(namesRest, wait);
    else catchUpNames();
  }

  function catchUpNames(): void {
    if (namesTimer !== null) clearTimeout(namesTimer);
    namesTimer = null;
    cancelRunCatchUp();
    const vm = model;
    if (!vm || !layout) return;
    const ctx = context(vm);
    for (let n = 0; n < nodeRecs.length; n++) updateNode(nodeRecs[n], vm.nodes[n], ctx);
    for (let e = 0; e < edgeRecs.length; e++) updateParam(edgeRecs[e], vm.edges[e], ctx);
    for (let b = 0; b < biasRecs.length; b++) updateParam(biasRecs[b], vm.biases[b], ctx);
    updateLoss(lossRec, vm.loss, vm.lossFunction, ctx);
  }

  // A big network's run end is painted first; then its names catch up in tasks of RUN_CATCH_UP_MS
  // at most (those of 1,040 edges at once were a task longer than the frames the run was shown in).
  let runCatchUpFrame = 0;
  let runCatchUpTimer: ReturnType<typeof setTimeout> | null = null;
  /** the next record to catch up: nodes, then edges, then biases, then the loss */
  let runCatchUpAt = 0;

  function cancelRunCatchUp(): void {
    if (runCatchUpFrame) caf(runCatchUpFrame);
    runCatchUpFrame = 0;
    if (runCatchUpTimer !== null) clearTimeout(runCatchUpTimer);
    runCatchUpTimer = null;
  }

  function catchUpAfterRun(): void {
    cancelRunCatchUp();
    runCatchUpAt = 0;
    runCatchUpFrame = raf(() => {
      runCatchUpFrame = 0;
      runCatchUpTimer = setTimeout(runCatchUpSlice, 0);
    });
  }

  function runCatchUpSlice(): void {
    runCatchUpTimer = null;
    const vm = model;
    if (!vm || !layout) return;
    const ctx = context(vm);
    const until = now() + RUN_CATCH_UP_MS;
    const nodes = nodeRecs.length;
    const edges = edgeRecs.length;
    const biases = biasRecs.length;
    const total = nodes + edges + biases + 1;
    let at = runCatchUpAt;
    while (at < total) {
      if (at < nodes) updateNode(nodeRecs[at], vm.nodes[at], ctx);
      else if (at < nodes + edges) updateParam(edgeRecs[at - nodes], vm.edges[at - nodes], ctx);
      else if (at < nodes + edges + biases)
        updateParam(biasRecs[at - nodes - edges], vm.biases[at - nodes - edges], ctx);
      else updateLoss(lossRec, vm.loss, vm.lossFunction, ctx);
      at++;
      if ((at & 31) === 0 && now() > until) break;
    }
    runCatchUpAt = at;
    if (at < total) runCatchUpTimer = setTimeout(runCatchUpSlice, 0);
  }

  function refresh(key: string | null): void {
    const vm = model;
    if (key === null || !vm || !layout) return;
    const rec = bySel.get(key);
    if (!rec) return;
    const ctx = context(vm);
    if (rec === lossRec) updateLoss(lossRec, vm.loss, vm.lossFunction, ctx);
    else if ('kind' in rec) updateParam(rec, rec.kind === 'edge' ? vm.edges[rec.idx] : vm.biases[rec.idx], ctx);
    else updateNode(rec as NodeRecord, vm.nodes[rec.idx], ctx);
  }

  function update(vm: NetworkViewModel): void {
    const structural = model === null || vm.shape !== model.shape;
    if (structural) join(vm);
    model = vm;
    setWidthScale(niceCeil(maxAbsShownParameter(vm)), widthScale.range[1]);
    const chars = maxParameterNameLength(vm);
    const weightChars = maxWeightNameLength(vm);
    if (structural || !layout) {
      nameChars = chars;
      weightNameChars = weightChars;
      relayout(vm);
    } else if (chars !== nameChars || weightChars !== weightNameChars) {
      nameChars = chars;
      weightNameChars = weightChars;
      replaceLabels();
    }
    drawLegend(false);
    render();
  }

  // ---- zoom and pan: overlay text keeps its screen size; labels are re-placed when a zoom ends ----

  let zoomFrame = 0;
  let pendingK = 1;
  const raf: (cb: () => void) => number =
    typeof requestAnimationFrame === 'function'
      ? (cb) => requestAnimationFrame(cb)
      : (cb) => setTimeout(cb, 16) as unknown as number;
  const caf: (id: number) => void =
    typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id);

  const zoomer = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.2, 16])
    .filter((ev: Event) => {
      const me = ev as MouseEvent;
      if (ev.type !== 'wheel' && (me.ctrlKey || me.button)) return false;
      const t = ev.target as Element | null;
      return !(t && typeof t.closest === 'function' && t.closest('[data-scrub]'));
    })
    .on('zoom', (ev: D3ZoomEvent<SVGSVGElement, unknown>) => {
      viewport.setAttribute('transform', ev.transform.toString());
      pendingK = ev.transform.k;
      if (Math.abs(pendingK - k) / k > 0.01 && !zoomFrame) {
        zoomFrame = raf(() => {
          zoomFrame = 0;
          k = pendingK;
          labels++;
          render();
        });
      }
    })
    .on('end', (ev: D3ZoomEvent<SVGSVGElement, unknown>) => {
      if (zoomFrame) caf(zoomFrame);
      zoomFrame = 0;
      const nk = ev.transform.k;
      if (nk === k && nk === placementZoom) return;
      k = nk;
      replaceLabels();
      render();
    });
  select(svg).call(zoomer).on('dblclick.zoom', null);
  sizeSvg();

  // ---- interaction ----

  const detach = attachInteraction(svg, callbacks, {
    find: (key) => bySel.get(key) ?? null,
    isSelected,
    setHover(target: InteractionTarget | null) {
      const old = hoverKey;
      hoverKey = target ? target.selKey : null;
      refresh(old);
      refresh(hoverKey);
    },
    setFocus(target: InteractionTarget | null) {
      const old = focusKey;
      focusKey = target ? target.selKey : null;
      if (old === focusKey) return;
      refresh(old);
      refresh(focusKey);
    },
  });

  function isSelected(target: InteractionTarget): boolean {
    const vm = model;
    const rec = bySel.get(target.selKey);
    if (!vm || !rec) return false;
    if (rec === lossRec) return vm.loss.selected;
    if ('kind' in rec) return (rec.kind === 'edge' ? vm.edges[rec.idx] : vm.biases[rec.idx])?.selected ?? false;
    return vm.nodes[rec.idx]?.selected ?? false;
  }

  return {
    update,
    highlight(keys) {
      const next = new Set(keys);
      const old = highlightSet;
      highlightSet = next;
      for (const key of old) if (!next.has(key)) refresh(key);
      for (const key of next) if (!old.has(key)) refresh(key);
    },
    resize(w, h) {
      if (!(w > 0 && h > 0) || (w === width && h === height)) return;
      width = w;
      height = h;
      sizeSvg();
      if (model) {
        relayout(model);
        drawLegend(true);
        render();
      }
    },
    setLabelChars(chars) {
      if (!(chars > 0) || chars === valueChars) return;
      valueChars = chars;
      // Wider labels change the columns' spacing as well as the labels' places.
      if (model && layout) {
        relayout(model);
        render();
      }
    },
    setStreaming(stream) {
      const ranUntilNow = running;
      const stale = running || namesTimer !== null;
      dragging = stream !== null;
      running = stream === 'run';
      if (running) {
        // a new run: what the last one left to catch up waits for this one's end
        cancelRunCatchUp();
        if (namesTimer !== null) clearTimeout(namesTimer);
        namesTimer = null;
      } else if (!dragging && ranUntilNow && nodeRecs.length + edgeRecs.length + biasRecs.length > RUN_CATCH_UP_AT_ONCE)
        catchUpAfterRun();
      else if (!dragging && stale) catchUpNames();
    },
    resetZoom() {
      select(svg).call(zoomer.transform, zoomIdentity);
    },
    destroy() {
      placer.cancel();
      svg.removeAttribute('data-labels');
      if (zoomFrame) caf(zoomFrame);
      cancelRunCatchUp();
      if (namesTimer !== null) clearTimeout(namesTimer);
      detach();
      select(svg).on('.zoom', null);
      for (const el of [bg, viewport, legend]) el.remove();
      svg.classList.remove('bp-net');
      svg.style.removeProperty('--bp-edge-opacity');
      model = null;
      bySel.clear();
    },
  };
}

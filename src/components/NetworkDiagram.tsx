import { useEffect, useRef } from 'react';
import { withNotation } from '../core/notation-labels.ts';
import { shallow } from 'zustand/shallow';
import type { Scenario } from '../core/scenario.ts';
import { selectionKey, type Selection } from '../core/selection.ts';
import { buildNetworkNames, buildNetworkViewModel, type NetworkNames } from '../view/network-view-model.ts';
import { createNetworkView } from '../view/network-view.ts';
import type { AppStore } from '../store/app-actions.ts';
import { scrubValue } from './scrub-value.ts';
import { isEditable } from './shortcuts.ts';
import { useNotation } from './notation-context.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { isDrawable } from '../view/layer-blocks.ts';
import { LayerBlocksDiagram } from './LayerBlocksDiagram.tsx';

/** How much to enlarge the diagram in a container of this size: 1 up to about a laptop's room, at most 1.7. */
export function displayScale(width: number, height: number): number {
  return Math.max(1, Math.min(1.7, width / 1100, height / 560));
}

/** The value of a weight, bias or input the user can scrub, or null. */
function scrubbable(store: AppStore, sel: Selection): number | null {
  const s = store.getState();
  if (sel.kind === 'edge') return s.scenario.weights[sel.l]?.[sel.j]?.[sel.i] ?? null;
  if (sel.kind === 'bias') return s.scenario.biases[sel.l]?.[sel.j] ?? null;
  if (sel.kind === 'node' && sel.l === 0) return s.scenario.data[store.selectors.iteration(s).start + s.sample]?.x[sel.j] ?? null;
  return null;
}

function applyScrub(store: AppStore, sel: Selection, value: number): void {
  const s = store.getState();
  if (sel.kind === 'edge') s.setWeight(sel.l, sel.j, sel.i, value);
  else if (sel.kind === 'bias') s.setBias(sel.l, sel.j, value);
  else if (sel.kind === 'node') s.setSampleValue(store.selectors.iteration(s).start + s.sample, 'x', sel.j, value);
}

/**
 * The diagram: nodes and edges while the network is drawable, else its layers as blocks
 * with heatmaps of their weights (which says so on screen).
 */
export function NetworkDiagram() {
  const store = useAppStoreApi();
  const drawable = useAppStore((s) => isDrawable(store.selectors.compiled(s).model));
  return drawable ? <NodeEdgeDiagram /> : <LayerBlocksDiagram />;
}

/**
 * Owns the D3 network view: creates it once, feeds it view models through a store
 * subscription (so a drag does not re-render React per frame), and turns its callbacks
 * into store actions.
 */
function NodeEdgeDiagram() {
  const store = useAppStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const { notation } = useNotation();
  // The view lives as long as the store; a change of notation re-renders it in place (zoom kept).
  const notationRef = useRef(notation);
  const rerenderRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let scrubStart: number | null = null;
    const view = createNetworkView(svg, {
      onSelect: (sel) => store.getState().select(sel),
      onHover: (sel) => store.getState().setHover(sel),
      onScrub: (sel, delta, phase) => {
        if (phase === 'start') {
          scrubStart = scrubbable(store, sel);
          store.getState().setScrubbing(scrubStart !== null);
        }
        if (scrubStart === null) return;
        applyScrub(store, sel, scrubValue(scrubStart, delta));
        if (phase === 'end') {
          scrubStart = null;
          store.getState().setScrubbing(false);
        }
      },
      onEdit: (sel) => {
        const s = store.getState();
        if (isEditable(sel, store.selectors.compiled(s).model.depth)) s.requestEdit(sel);
        else s.select(sel);
      },
    });

    let names: { key: Scenario; value: NetworkNames } | null = null;
    const render = () => {
      const s = store.getState();
      const compiled = store.selectors.compiled(s);
      // a store change reaches this subscription before React swaps in the block view: never draw an undrawable network
      if (!isDrawable(compiled.model)) return;
      const scenario = withNotation(s.scenario, notationRef.current);
      // Names depend on the labels and the shape only: an edit of a value keeps them.
      if (names === null || names.key.layers !== scenario.layers || names.key.weightLabels !== scenario.weightLabels || names.key.biasLabels !== scenario.biasLabels) {
        names = { key: scenario, value: buildNetworkNames(scenario, compiled.model) };
      }
      view.update(buildNetworkViewModel({
        scenario, compiled, iteration: store.selectors.iteration(s), plan: store.selectors.plan(s),
        position: s.position, sample: s.sample, selection: s.selection, showZ: s.showZ, names: names.value,
      }));
    };
    const unsubscribe = store.subscribe(
      (s) => [s.scenario, s.optimizerState, s.position, s.sample, s.selection, s.showZ],
      render,
      { equalityFn: shallow, fireImmediately: true },
    );
    rerenderRef.current = render;
    const unhover = store.subscribe((s) => s.hover, (hover) => view.highlight(hover ? [selectionKey(hover)] : []));
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      const k = displayScale(width, height);
      // The view lays out a smaller canvas and the SVG's viewBox scales it up: on a big screen
      // (a projector) everything, text included, grows together and stays readable from afar.
      view.resize(width / k, height / k);
    });
    observer.observe(svg);
    return () => {
      observer.disconnect();
      rerenderRef.current = null;
      unsubscribe();
      unhover();
      view.destroy();
    };
  }, [store]);

  useEffect(() => {
    if (notationRef.current === notation) return;
    notationRef.current = notation;
    rerenderRef.current?.();
  }, [notation]);

  return (
    <div className="diagram" data-testid="diagram">
      <svg ref={svgRef} role="group" aria-label="Network diagram" />
    </div>
  );
}

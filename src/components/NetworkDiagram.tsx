import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { withNotation } from '../core/notation-labels.ts';
import { shallow } from 'zustand/shallow';
import type { Scenario } from '../core/scenario.ts';
import { selectionKey, type Selection } from '../core/selection.ts';
import { buildNetworkNames, buildNetworkViewModel, type NetworkNames } from '../view/network-view-model.ts';
import { createNetworkView } from '../view/network-view.ts';
import type { AppStore } from '../store/app-actions.ts';
import { editSelection } from './edit-selection.ts';
import { scrubValue } from './scrub-value.ts';
import { parseUserNumber, precisionDigits } from '../core/format-number.ts';
import { valueCharsFor } from '../view/label-placement.ts';
import { isEditable } from './shortcuts.ts';
import { useNotation } from './notation-context.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { TEXT } from '../view/network-layout.ts';
import { TEXT_SIZE_MAX, TEXT_SIZE_MIN, TEXT_SIZE_STEP } from '../store/app-state.ts';
import { isDrawable } from '../view/layer-blocks.ts';
import { useNeuronPictures } from './use-neuron-pictures.ts';
import { pacedDraws } from './paced-draws.ts';

// Past the drawable size only: its views (blocks, heatmaps, the neuron focus) load when first needed.
const LayerBlocksDiagram = lazy(() =>
  import('./LayerBlocksDiagram.tsx').then((m) => ({ default: m.LayerBlocksDiagram })),
);

/**
 * Screen pixels per diagram unit: the diagram's text is TEXT.fontSize units, so this is its
 * size over 11 px. 1 on a laptop; in presentation mode it grows with the screen (18 px text at
 * 1920×1080, the same share of a smaller screen, never below the laptop's); A− A+ multiply it.
 */
export function diagramScale(
  presentation: boolean,
  textSize: number,
  screenWidth: number,
  screenHeight: number,
): number {
  const base = presentation
    ? Math.max(1, (PROJECTOR_TEXT_PX / TEXT.fontSize) * Math.min(screenWidth / 1920, screenHeight / 1080))
    : 1;
  return base * TEXT_SIZE_STEP ** textSize;
}

/** Label text on a 1920×1080 projector, in CSS pixels. */
const PROJECTOR_TEXT_PX = 18;

/** The diagram's inputs a training report changes come first in its subscription (scenario, optimizer state, batch, position, sample). */
const RUN_CHANGES = 5;

/** A weight or bias being edited on the diagram: where its input sits over the label. */
interface Editing {
  readonly sel: Selection;
  readonly key: string;
  readonly text: string;
  readonly error: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
}

/** The value of a weight, bias or input the user can scrub, or null. */
function scrubbable(store: AppStore, sel: Selection): number | null {
  const s = store.getState();
  if (sel.kind === 'edge') return s.scenario.weights[sel.l]?.[sel.j]?.[sel.i] ?? null;
  if (sel.kind === 'bias') return s.scenario.biases[sel.l]?.[sel.j] ?? null;
  if (sel.kind === 'node' && sel.l === 0)
    return s.scenario.data[store.selectors.iteration(s).start + s.sample]?.x[sel.j] ?? null;
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
  return drawable ? (
    <NodeEdgeDiagram />
  ) : (
    <Suspense fallback={<div className="diagram-loading" aria-busy="true" />}>
      <LayerBlocksDiagram />
    </Suspense>
  );
}

/**
 * Owns the D3 network view: creates it once, feeds it view models through a store
 * subscription (so a drag does not re-render React per frame), and turns its callbacks
 * into store actions.
 */
function NodeEdgeDiagram() {
  const store = useAppStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const { notation } = useNotation();
  // The view lives as long as the store; a change of notation re-renders it in place (zoom kept).
  const notationRef = useRef(notation);
  const rerenderRef = useRef<(() => void) | null>(null);
  const [labels, setLabels] = useState<{ shown: number; total: number } | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const { textSize, setTextSize, presentation } = useAppStore((s) => ({
    textSize: s.textSize,
    setTextSize: s.setTextSize,
    presentation: s.presentation,
  }));

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let scrubStart: number | null = null;
    const view = createNetworkView(svg, {
      onSelect: (sel) => store.getState().select(sel),
      onHover: (sel) => store.getState().setHover(sel),
      onLabels: (shown, total) =>
        setLabels((prev) => (prev && prev.shown === shown && prev.total === total ? prev : { shown, total })),
      onScrub: (sel, delta, phase) => {
        if (phase === 'start') {
          scrubStart = scrubbable(store, sel);
          store.getState().setScrubbing(scrubStart !== null);
        }
        if (scrubStart === null) return;
        // A press without a move (a click on the selected label, which edits it) changes nothing.
        if (delta !== 0) applyScrub(store, sel, scrubValue(scrubStart, delta));
        if (phase === 'end') {
          scrubStart = null;
          store.getState().setScrubbing(false);
        }
      },
      onEdit: (sel, via) => {
        const s = store.getState();
        // A pointer edits on the diagram, in place; Enter opens the editor of the side panel (keyboard users stay in its flow).
        if (via === 'pointer' && (sel.kind === 'edge' || sel.kind === 'bias')) {
          openEditor(sel);
          return;
        }
        if (isEditable(sel, store.selectors.compiled(s).model.depth)) editSelection(store, sel);
        else s.select(sel);
      },
    });

    // In-place editing of a weight or bias: an input over its label, on the diagram.
    const openEditor = (sel: Selection) => {
      const value = scrubbable(store, sel);
      const frame = svg.parentElement;
      if (value === null || !frame) return;
      const key = selectionKey(sel);
      store.getState().select(sel);
      const target =
        svg.querySelector(`.bp-label[data-sel="${key}"]`) ?? svg.querySelector(`[data-sel="${key}"][tabindex]`);
      const r = target?.getBoundingClientRect();
      const f = frame.getBoundingClientRect();
      setEditing((prev) =>
        prev && prev.key === key
          ? prev
          : {
              sel,
              key,
              text: String(value),
              error: '',
              left: r ? r.left - f.left : 8,
              top: r ? r.top - f.top : 8,
              width: Math.max(110, r ? r.width + 24 : 110),
            },
      );
    };

    let names: { key: Scenario; value: NetworkNames } | null = null;
    const render = () => {
      const s = store.getState();
      const compiled = store.selectors.compiled(s);
      // a store change reaches this subscription before React swaps in the block view: never draw an undrawable network
      if (!isDrawable(compiled.model)) return;
      const scenario = withNotation(s.scenario, notationRef.current);
      // Names depend on the labels and the shape only: an edit of a value keeps them.
      if (
        names === null ||
        names.key.layers !== scenario.layers ||
        names.key.weightLabels !== scenario.weightLabels ||
        names.key.biasLabels !== scenario.biasLabels
      ) {
        names = { key: scenario, value: buildNetworkNames(scenario, compiled.model) };
      }
      view.update(
        buildNetworkViewModel({
          scenario,
          compiled,
          iteration: store.selectors.iteration(s),
          plan: store.selectors.plan(s),
          position: s.position,
          sample: s.sample,
          selection: s.selection,
          showZ: s.showZ,
          precision: s.precision,
          names: names.value,
        }),
      );
    };
    // A run's reports are drawn as their cost allows (the loss chart shows each), and the end whole.
    const paced = pacedDraws(render);
    // While a value is dragged or a run trains, the diagram's accessible names and tooltips wait
    // for the stream of values to rest (a report of 1,040 edges rewrote every one of them).
    // Subscribed before the drawing: a run's start moves the step position too, and that draw
    // already streams; the run's last draw is made before the names catch up.
    const undrag = store.subscribe(
      (s) => (s.training ? 'run' : s.scrubbing ? 'drag' : null),
      (stream) => {
        paced.setRunning(stream === 'run');
        view.setStreaming(stream);
      },
      { fireImmediately: true },
    );
    const unsubscribe = store.subscribe(
      (s) => [s.scenario, s.optimizerState, s.batchShown, s.position, s.sample, s.selection, s.showZ, s.precision],
      // what a run's reports change waits for its turn; the user's choices (selection, display) do not
      (next, prev) => paced.request(next.slice(RUN_CHANGES).some((v, k) => !Object.is(v, prev[RUN_CHANGES + k]))),
      { equalityFn: shallow, fireImmediately: true },
    );
    rerenderRef.current = () => paced.request(true);
    const unhover = store.subscribe(
      (s) => s.hover,
      (hover) => view.highlight(hover ? [selectionKey(hover)] : []),
    );
    let box = { width: 0, height: 0 };
    const fit = () => {
      const s = store.getState();
      const k = diagramScale(s.presentation, s.textSize, window.innerWidth, window.innerHeight);
      // The view lays out a smaller canvas and the SVG's viewBox scales it up: everything, text
      // included, grows together, and the label placement (in the canvas's units) stays exact.
      if (box.width > 0 && box.height > 0) view.resize(box.width / k, box.height / k);
    };
    const observer = new ResizeObserver(([entry]) => {
      box = { width: entry.contentRect.width, height: entry.contentRect.height };
      fit();
    });
    observer.observe(svg);
    const unscale = store.subscribe((s) => [s.presentation, s.textSize], fit, { equalityFn: shallow });
    // More digits need wider labels: the placement is redone when the precision changes, never per edit.
    const unchars = store.subscribe(
      (s) => s.precision,
      (p) => view.setLabelChars(valueCharsFor(precisionDigits(p))),
      { fireImmediately: true },
    );
    return () => {
      undrag();
      paced.dispose();
      unchars();
      unscale();
      observer.disconnect();
      rerenderRef.current = null;
      unsubscribe();
      unhover();
      view.destroy();
    };
  }, [store]);

  // after the diagram's effect: its nodes are drawn before their pictures
  useNeuronPictures(svgRef, hostRef);

  useEffect(() => {
    if (notationRef.current === notation) return;
    notationRef.current = notation;
    rerenderRef.current?.();
  }, [notation]);

  const closeEditor = (commit: boolean) => {
    if (!editing) return;
    if (commit) {
      const value = parseUserNumber(editing.text);
      if (value === null) {
        setEditing({ ...editing, error: `"${editing.text}" is not a number` });
        return;
      }
      applyScrub(store, editing.sel, value);
    }
    const key = editing.key;
    setEditing(null);
    // Focus goes back to the element edited, not to the page.
    requestAnimationFrame(() =>
      (svgRef.current?.querySelector(`[data-sel="${key}"][tabindex]`) as SVGElement | null)?.focus(),
    );
  };

  return (
    <div className="diagram" data-testid="diagram" ref={hostRef}>
      <svg ref={svgRef} role="group" aria-label="Network diagram" />
      {editing && (
        <div className="diagram-edit" style={{ left: editing.left, top: editing.top }}>
          <input
            autoFocus
            type="text"
            inputMode="decimal"
            value={editing.text}
            style={{ width: editing.width }}
            aria-label={`New value of ${editing.key.startsWith('edge') ? 'the weight' : 'the bias'} (Enter sets it, Escape cancels)`}
            aria-invalid={editing.error !== ''}
            data-testid="diagram-edit"
            onChange={(e) => setEditing({ ...editing, text: e.target.value, error: '' })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                closeEditor(true);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                closeEditor(false);
              }
            }}
            onBlur={() => setEditing((prev) => (prev && prev.error === '' ? null : prev))}
          />
          {editing.error && (
            <span className="diagram-edit-error" role="alert">
              {editing.error}
            </span>
          )}
        </div>
      )}
      <div className="diagram-foot">
        {labels && labels.shown < labels.total ? (
          <p className="hidden-labels" data-testid="hidden-labels" role="status">
            {labels.total - labels.shown} of {labels.total} value labels hidden
            {/* in presentation mode's large type the long form ran past the diagram's width */}
            {presentation
              ? ': zoom in, hover or select'
              : ' for room: zoom in (wheel), hover an edge, or select a node to see its fan-in and fan-out'}
          </p>
        ) : (
          <span />
        )}
        <div className="text-size" role="group" aria-label="Diagram text size">
          <button
            type="button"
            onClick={() => setTextSize(textSize - 1)}
            disabled={textSize <= TEXT_SIZE_MIN}
            title="Smaller diagram text"
            data-testid="text-smaller"
          >
            A−<span className="visually-hidden"> smaller diagram text</span>
          </button>
          <button
            type="button"
            onClick={() => setTextSize(textSize + 1)}
            disabled={textSize >= TEXT_SIZE_MAX}
            title="Larger diagram text"
            data-testid="text-larger"
          >
            A+<span className="visually-hidden"> larger diagram text</span>
          </button>
        </div>
      </div>
    </div>
  );
}

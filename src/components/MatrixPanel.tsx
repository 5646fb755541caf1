import { sampleRange } from '../view/sample-range.ts';
import { batchRange } from '../core/compile.ts';
import { formatFull, precisionDigits } from '../core/format-number.ts';
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { selectionKey, type Selection } from '../core/selection.ts';
import { termLinkHandlers } from './term-link-handlers.ts';
import { currentEvent } from '../core/step-plan.ts';
import { buildMatrixView, eventCell } from '../tex/matrix-view.ts';
import { TexLine } from './TexLine.tsx';
import { shownStep } from '../store/app-state.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

/** How near the panel's top or bottom edge the current cell may be before the panel scrolls to it. */
const EDGE = 24;

/** Adds `cls` to every element of `root` whose data-key names `sel` (and removes it from all others). */
function mark(root: HTMLElement, cls: string, sel: Selection | null): void {
  root.querySelectorAll(`.${cls}`).forEach((el) => el.classList.remove(cls));
  if (sel === null) return;
  root.querySelectorAll(`[data-key="${selectionKey(sel)}"]`).forEach((el) => el.classList.add(cls));
}

/**
 * The iteration as the by-hand worksheets draw it: per layer, [W | b]·[a | 1] = z and
 * a = φ(z), then backward ∂L/∂z and the outer product that gives [∂L/∂W | ∂L/∂b]. It
 * follows the step position (values not computed yet are blanks) and the selection both
 * ways: a cell selects its edge, bias or node, and the selection lights its cells.
 */
export function MatrixPanel() {
  const store = useAppStoreApi();
  const st = useAppStore((s) => ({
    position: s.settled.position,
    sample: s.sample,
    selection: s.selection,
    hover: s.hover,
    setHover: s.setHover,
    select: s.select,
    precision: s.precision,
  }));
  // As in the math panel: the store's settled values, so a drag typesets only when it rests.
  const settled = useDeferredValue(useAppStore((s) => s.settled));
  // The batch shown: another one when a point of it was clicked in the Data tab (as the math panel).
  const batchShown = useAppStore((s) => s.batchShown);
  const container = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLElement>(null);

  const iteration = store.selectors.iteration({ ...settled, batchShown });
  const compiledShown = store.selectors.compiled(settled);
  // the step's own batch, which the next training step trains
  const own = batchRange(compiledShown.data.count, compiledShown.batchSize, settled.optimizerState?.t ?? 0);
  const picked = shownStep({ ...settled, batchShown }) !== (settled.optimizerState?.t ?? 0);
  const layers = useMemo(() => {
    return buildMatrixView({
      compiled: store.selectors.compiled(settled),
      iteration,
      plan: store.selectors.plan(settled),
      position: st.position,
      sample: Math.min(st.sample, iteration.count - 1),
      focus: st.selection,
      digits: precisionDigits(st.precision),
    });
  }, [store, settled, iteration, st.position, st.sample, st.selection, st.precision]);

  useEffect(() => {
    if (container.current) mark(container.current, 'cell-selected', st.selection);
  }, [st.selection, layers]);
  useEffect(() => {
    // Hovering a cell shows its full value, whatever the precision shown.
    container.current?.querySelectorAll<HTMLElement>('[data-value]').forEach((el) => {
      const value = Number(el.dataset.value);
      if (el.dataset.value !== '' && !Number.isNaN(value)) el.title = formatFull(value);
    });
  }, [layers]);
  useEffect(() => {
    if (container.current) mark(container.current, 'term-highlight', st.hover);
  }, [st.hover, layers]);
  // The cell the step just computed is marked and scrolled into view (the least scroll that
  // shows it, in the panel and in a matrix wider than the panel), so the step never leaves the screen.
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    root.querySelectorAll('.cell-current').forEach((el) => el.classList.remove('cell-current'));
    const event = currentEvent(store.selectors.plan(settled), st.position);
    const at = event ? eventCell(event) : null;
    const cell = at ? root.querySelector(`[data-key="${at.key}"][data-quantity="${at.quantity}"]`) : null;
    if (!cell) return;
    cell.classList.add('cell-current');
    // Scrolled only when it is not well inside the panel (and its line), then to the middle,
    // so stepping along a row does not scroll on every step and the cell is never at an edge.
    const c = cell.getBoundingClientRect();
    for (let el = cell.parentElement; el; el = el.parentElement) {
      const b = el.getBoundingClientRect();
      const scrolls = el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth;
      if (scrolls && (c.top < b.top + EDGE || c.bottom > b.bottom - EDGE || c.left < b.left || c.right > b.right)) {
        cell.scrollIntoView({ block: 'center', inline: 'center' });
        break;
      }
      if (el === panel.current) break;
    }
  }, [store, settled, st.position, layers]);

  const section = (heading: string, lines: readonly string[]) => (
    <section key={heading} aria-label={heading}>
      <h3>{heading}</h3>
      {lines.map((tex, n) => (
        <TexLine key={n} line={{ tex }} />
      ))}
    </section>
  );

  return (
    <aside
      ref={panel}
      className="matrix-panel panel"
      aria-label="Matrices"
      data-testid="matrix-panel"
      tabIndex={0}
      {...termLinkHandlers(st.hover, st.setHover, st.select)}
    >
      <div ref={container}>
        <p className="muted matrix-intro">
          Sample {st.sample + 1} of the batch
          {picked
            ? ` (${sampleRange(iteration.start, iteration.count)}, picked in the Data tab; the next step trains ${sampleRange(own.start, own.count)})`
            : ''}
          . □ marks a value not computed yet at this step.
        </p>
        {layers.map((layer) => section(`Layer ${layer.l + 1} · forward`, layer.forward))}
        {[...layers].reverse().map((layer) => section(`Layer ${layer.l + 1} · backward`, layer.backward))}
      </div>
    </aside>
  );
}

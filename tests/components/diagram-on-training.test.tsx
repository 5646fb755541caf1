// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NetworkDiagram } from '../../src/components/NetworkDiagram.tsx';
import { NotationProvider } from '../../src/components/notation-context.tsx';
import { StoreContext } from '../../src/components/store-context.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { installJsdomShims } from '../helpers/jsdom-shims.ts';

beforeAll(installJsdomShims);
afterEach(cleanup);

/**
 * A run shows the iteration's end from its start: its first draw of the diagram (paced as a
 * report's, see paced-draws.ts) marks every update at once on the labels, and, as for each
 * report, writes only what is drawn: the accessible names, tooltips, data-* numbers and the
 * edges' own updated classes (no style reads them) wait for the run's end.
 */
describe('the diagram when a run starts', () => {
  it('marks every update in one draw and writes no accessible name until the run ends', async () => {
    const store = createAppStore(initialInputs(loadPreset('numpy-341')!, 'numpy-341'));
    act(() => store.getState().setPosition(0));
    const { container } = render(
      <StoreContext.Provider value={store}>
        <NotationProvider>
          <NetworkDiagram />
        </NotationProvider>
      </StoreContext.Provider>,
    );
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    const svg = container.querySelector('svg')!;
    const edges = svg.querySelectorAll('[data-weight]');
    expect(edges.length).toBe(16);
    // the labels the placement shows (most of them)
    const labels = svg.querySelectorAll('.bp-edge-label:not([display])').length;
    expect(labels).toBeGreaterThan(8);
    expect(svg.querySelectorAll('.bp-edge-label.bp-updated')).toHaveLength(0);
    const names: string[] = [];
    const observer = new MutationObserver((list) => {
      for (const m of list)
        if (m.attributeName === 'aria-label' || m.attributeName?.startsWith('data-w')) names.push(m.attributeName);
    });
    observer.observe(svg, { subtree: true, attributes: true });
    act(() => store.getState().setTraining(true));
    await vi.waitFor(() => expect(svg.querySelectorAll('.bp-edge-label.bp-updated')).toHaveLength(labels), {
      timeout: 10_000,
    });
    expect(names).toEqual([]);
    expect(svg.querySelectorAll('[data-weight].bp-updated')).toHaveLength(0);
    act(() => store.getState().setTraining(false));
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    observer.disconnect();
    // at the run's end they catch up: each weight's value after the step, and its mark
    expect(svg.querySelectorAll('[data-weight-after]')).toHaveLength(16);
    expect(svg.querySelectorAll('[data-weight].bp-updated')).toHaveLength(16);
  });
});

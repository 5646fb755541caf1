// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataTable } from '../../src/components/DataTable.tsx';
import { MathPanel } from '../../src/components/MathPanel.tsx';
import { MatrixPanel } from '../../src/components/MatrixPanel.tsx';
import { NotationProvider } from '../../src/components/notation-context.tsx';
import { StoreContext } from '../../src/components/store-context.ts';
import { createTrainingSession } from '../../src/core/training-session.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { installJsdomShims } from '../helpers/jsdom-shims.ts';

beforeAll(installJsdomShims);
afterEach(cleanup);

/**
 * A training run's reports move the step position to the iteration's end (the diagram shows
 * every value of the next iteration). The panels beside the diagram follow the settled
 * position: they do not re-render per report (on 256 samples the samples table's first
 * re-render took seconds, in the middle of the run), and catch up when the run ends.
 */
describe('panels during a training run', () => {
  const panels: [string, ReactNode][] = [
    ['DataTable', <DataTable />],
    ['MathPanel', <MathPanel />],
    ['MatrixPanel', <MatrixPanel />],
  ];

  it.each(panels)('%s renders not once per report of a run, and catches up at its end', async (_name, ui) => {
    const store = createAppStore(initialInputs(loadPreset('mazur')!, 'mazur'));
    act(() => store.getState().setPosition(0));
    let renders = 0;
    render(
      <StoreContext.Provider value={store}>
        <NotationProvider>
          <Profiler id="panel" onRender={() => renders++}>
            {ui}
          </Profiler>
        </NotationProvider>
      </StoreContext.Provider>,
    );
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    const c = store.selectors.compiled(store.getState());
    const session = createTrainingSession(c, c.params, null, 20, 8, () => 0);
    act(() => store.getState().setTraining(true));
    const before = renders;
    for (let k = 0; k < 20; k++) act(() => store.getState().applyTrainingProgress(session.advance(0)));
    expect(store.getState().position).toBeGreaterThan(0);
    expect(renders - before).toBe(0);
    act(() => store.getState().setTraining(false));
    // the panels catch up in a task after the next frame (waited for: a loaded machine's frame can be late)
    await vi.waitFor(
      async () => {
        await act(async () => new Promise((r) => setTimeout(r, 20)));
        expect(store.getState().settled.position).toBe(store.getState().position);
      },
      { timeout: 10_000 },
    );
    expect(store.getState().settled.scenario).toBe(store.getState().scenario);
    expect(renders - before).toBeGreaterThan(0);
  });
});

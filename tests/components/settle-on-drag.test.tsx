// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArithmeticWarning } from '../../src/components/ArithmeticWarning.tsx';
import { DataTable } from '../../src/components/DataTable.tsx';
import { ParameterEditor } from '../../src/components/ParameterEditor.tsx';
import { SettingsPanel } from '../../src/components/SettingsPanel.tsx';
import { ShareButton } from '../../src/components/ShareButton.tsx';
import { StepControls } from '../../src/components/StepControls.tsx';
import { StoreContext } from '../../src/components/store-context.ts';
import { NotationProvider } from '../../src/components/notation-context.tsx';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { SETTLE_MS } from '../../src/store/settled.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { installJsdomShims } from '../helpers/jsdom-shims.ts';

beforeAll(installJsdomShims);
afterEach(cleanup);

/**
 * A drag on the diagram sets a weight on every frame: the panels beside the diagram do not
 * re-render for each frame (they select what they show, or the settled scenario), only once
 * the drag rests or ends.
 */
describe('panels during a drag', () => {
  const panels: [string, ReactNode][] = [
    ['StepControls', <StepControls />],
    ['ShareButton', <ShareButton settingsOpen={false} />],
    ['SettingsPanel', <SettingsPanel onClose={() => {}} />],
    ['ParameterEditor', <ParameterEditor selection={{ kind: 'edge', l: 1, j: 0, i: 1 }} />],
    ['ArithmeticWarning', <ArithmeticWarning />],
    // the samples table: every cell of every sample would re-render on each frame (and on each
    // report of a training run, which is what held Stop back on 256 samples)
    ['DataTable', <DataTable />],
  ];

  it.each(panels)('%s renders not once per frame of a drag, and catches up at its end', async (_name, ui) => {
    const store = createAppStore(initialInputs(loadPreset('mazur')!, 'mazur'));
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
    const before = renders;
    act(() => store.getState().setScrubbing(true));
    for (let k = 1; k <= 20; k++) act(() => store.getState().setWeight(1, 0, 1, 0.1 * k));
    expect(renders - before).toBeLessThanOrEqual(1);
    act(() => store.getState().setScrubbing(false));
    await act(async () => new Promise((r) => setTimeout(r, SETTLE_MS + 10)));
    expect(store.getState().settled.scenario).toBe(store.getState().scenario);
  });
});

describe('the arithmetic warning', () => {
  it('appears when a weight makes the arithmetic overflow, at the end of the drag that did it', async () => {
    const store = createAppStore(initialInputs(loadPreset('mazur')!, 'mazur'));
    const { queryByTestId } = render(
      <StoreContext.Provider value={store}>
        <ArithmeticWarning />
      </StoreContext.Provider>,
    );
    expect(queryByTestId('arithmetic-warning')).toBeNull();
    act(() => store.getState().setScrubbing(true));
    // an input of 1e308 times a weight of 10 overflows z to ∞
    act(() => store.getState().setSampleValue(0, 'x', 0, 1e308));
    act(() => store.getState().setWeight(0, 0, 0, 10));
    expect(queryByTestId('arithmetic-warning')).toBeNull();
    act(() => store.getState().setScrubbing(false));
    expect(queryByTestId('arithmetic-warning')?.textContent).toContain('The arithmetic is no longer finite');
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { editSelection } from '../../src/components/edit-selection.ts';
import { SidePanel } from '../../src/components/SidePanel.tsx';
import { StoreContext } from '../../src/components/store-context.ts';
import type { Selection } from '../../src/core/selection.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import type { SideTab } from '../../src/store/app-state.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { installJsdomShims } from '../helpers/jsdom-shims.ts';

afterEach(cleanup);

beforeAll(async () => {
  installJsdomShims();
  // The side panels load on first show; load them once here so each test waits only for React.
  await Promise.all([
    import('../../src/components/MathPanel.tsx'),
    import('../../src/components/MatrixPanel.tsx'),
    import('../../src/components/ComparePanel.tsx'),
  ]);
}, 60_000);

function renderSidePanel(sideTab: SideTab) {
  const store = createAppStore({ ...initialInputs(loadPreset('mazur')!, 'mazur'), sideTab });
  render(
    <StoreContext.Provider value={store}>
      <SidePanel />
    </StoreContext.Provider>,
  );
  return store;
}

const W = { kind: 'edge', l: 0, j: 1, i: 1 } as const satisfies Selection;
const w = String(loadPreset('mazur')!.weights[0][1][1]);

describe('Enter or E on an editable selection: the edit intent', () => {
  it.each<SideTab>(['matrix', 'compare'])(
    'with the %s tab shown, switches to the Math tab and opens the field there, focused',
    async (tab) => {
      const store = renderSidePanel(tab);
      act(() => editSelection(store, W));
      expect(store.getState().sideTab).toBe('math');
      expect(store.getState().selection).toEqual(W);
      const field = await screen.findByRole('textbox', { name: /^weight/ }, { timeout: 10_000 });
      await waitFor(() => expect(document.activeElement).toBe(field));
      expect((field as HTMLInputElement).value).toBe(w);
    },
  );

  it('leaves nothing pending: once the field is closed, showing the Math tab again does not reopen it', async () => {
    const store = renderSidePanel('matrix');
    act(() => editSelection(store, W));
    const field = await screen.findByRole('textbox', { name: /^weight/ }, { timeout: 10_000 });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('textbox')).toBeNull();
    act(() => store.getState().setSideTab('matrix'));
    act(() => store.getState().setSideTab('math'));
    await screen.findByRole('button', { name: /^weight .* press Enter to edit/ }, { timeout: 10_000 });
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('is dropped when the selection changes before the editor shows', async () => {
    const store = renderSidePanel('matrix');
    act(() => {
      editSelection(store, W);
      store.getState().select({ kind: 'bias', l: 0, j: 0 });
    });
    await screen.findByRole('button', { name: /^bias .* press Enter to edit/ }, { timeout: 10_000 });
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});

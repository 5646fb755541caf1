// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import katex from 'katex';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MathPanel } from '../../src/components/MathPanel.tsx';
import { NotationProvider } from '../../src/components/notation-context.tsx';
import { StoreContext } from '../../src/components/store-context.ts';
import { loadLesson } from '../../src/lessons/index.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { installJsdomShims } from '../helpers/jsdom-shims.ts';

beforeAll(installJsdomShims);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/**
 * Opening a lesson changes the scenario and the selection at once. The math panel shows the
 * settled scenario a render late (useDeferredValue): its derivation must wait for that render
 * too, not typeset the new selection against the scenario being left (work thrown away a
 * moment later, in the task that opens the lesson).
 */
describe('the math panel when a lesson opens', () => {
  it.each(['by-hand-mlp', 'numpy-341'])('typesets each line of the %s lesson’s first derivation once', async (id) => {
    const store = createAppStore(initialInputs(loadPreset('tanh-221')!, 'tanh-221'));
    const { container } = render(
      <StoreContext.Provider value={store}>
        <NotationProvider>
          <MathPanel />
        </NotationProvider>
      </StoreContext.Provider>,
    );
    await act(async () => {});
    const typeset = vi.spyOn(katex, 'renderToString');
    const lesson = loadLesson(id)!;
    await act(async () => store.getState().openLesson(lesson));
    await act(async () => {});
    const sel = store.getState().selection;
    expect(sel, 'the lesson’s first step selects something').not.toBeNull();
    const lines = container.querySelectorAll('.math-tex');
    // (a lesson's panel withholds what its step position has not reached: numpy-341 opens at position 0)
    expect(lines.length).toBeGreaterThan(0);
    expect(container.querySelectorAll('[data-testid="math-withheld"]').length).toBeGreaterThan(0);
    const texts = typeset.mock.calls.map(([tex]) => tex);
    expect(new Set(texts).size, 'no line typeset twice').toBe(texts.length);
    expect(texts.length, 'only the lines shown were typeset').toBe(lines.length);
  });
});

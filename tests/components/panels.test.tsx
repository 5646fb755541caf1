// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ParameterEditor } from '../../src/components/ParameterEditor.tsx';
import { SettingsPanel } from '../../src/components/SettingsPanel.tsx';
import { StepControls } from '../../src/components/StepControls.tsx';
import { StoreContext } from '../../src/components/store-context.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { compileScenario } from '../../src/core/compile.ts';
import type { AppInputs } from '../../src/store/app-state.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { installJsdomShims } from '../helpers/jsdom-shims.ts';

beforeAll(installJsdomShims);
afterEach(cleanup);

const mazur = loadPreset('mazur')!;

function renderWith(ui: ReactNode, inputs: Partial<AppInputs> = {}) {
  const store = createAppStore({ ...initialInputs(mazur, 'mazur'), ...inputs });
  render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
  return store;
}

/** Opens an EditableNumber by its button, types `text` and presses Enter; returns the field. */
function typeInto(button: HTMLElement, text: string): HTMLInputElement {
  fireEvent.click(button);
  const field = screen.getByRole('textbox') as HTMLInputElement;
  fireEvent.change(field, { target: { value: text } });
  fireEvent.keyDown(field, { key: 'Enter' });
  return field;
}

describe('ParameterEditor', () => {
  const w = { kind: 'edge', l: 1, j: 0, i: 1 } as const;

  it('refuses a non-number where it is typed, with a message, and changes nothing', () => {
    const store = renderWith(<ParameterEditor selection={w} />);
    const field = typeInto(screen.getByRole('button', { name: /^weight .* press Enter to edit$/ }), '0.4x');
    expect(screen.getByRole('alert').textContent).toBe('“0.4x” is not a number');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(store.getState().scenario.weights[1][0][1]).toBe(mazur.weights[1][0][1]);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('commits a number (a typographic minus too) as one undoable edit and closes the field', () => {
    const store = renderWith(<ParameterEditor selection={w} />);
    typeInto(screen.getByRole('button', { name: /^weight/ }), ' −0.25 ');
    expect(store.getState().scenario.weights[1][0][1]).toBe(-0.25);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: /^weight .* = -0\.25, press Enter to edit$/ })).toBeTruthy();
    expect(store.temporal.getState().pastStates.length).toBeGreaterThan(0);
  });

  it('edits a target y of the current sample, and shows nothing for a hidden node', () => {
    const store = renderWith(<ParameterEditor selection={{ kind: 'node', l: 2, j: 1 }} />);
    typeInto(screen.getByRole('button', { name: /^target .* of sample 1 = / }), '0.5');
    expect(store.getState().scenario.data[0].y[1]).toBe(0.5);
    cleanup();
    renderWith(<ParameterEditor selection={{ kind: 'node', l: 1, j: 0 }} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('StepControls', () => {
  const compiled = compileScenario(mazur);
  const total = buildStepPlan(compiled.model, compiled.trainable).events.length;

  it('labels every control and disables what cannot be done at the start', () => {
    renderWith(<StepControls />);
    const group = screen.getByRole('group', { name: 'Step through one iteration' });
    for (const name of ['Back to the start of the iteration', 'Step back'])
      expect(within(group).getByRole('button', { name })).toHaveProperty('disabled', true);
    for (const name of ['Play', 'Step forward', 'Jump to the end of the iteration'])
      expect(within(group).getByRole('button', { name })).toHaveProperty('disabled', false);
    expect(within(group).getByRole('combobox', { name: 'Speed in steps per second' })).toBeTruthy();
    expect(within(group).getByRole('slider', { name: 'Position in the iteration' })).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'Next iteration' })).toHaveProperty('disabled', true);
    expect(screen.getByTestId('step-caption').textContent).toMatch(new RegExp(`^0/${total} `));
  });

  it('steps forward and back, and says where it is', () => {
    const store = renderWith(<StepControls />);
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(store.getState().position).toBe(1);
    expect(screen.getByTestId('step-caption').textContent).toMatch(new RegExp(`^1/${total} `));
    expect(screen.getByRole('button', { name: 'Step back' })).toHaveProperty('disabled', false);
    fireEvent.click(screen.getByRole('button', { name: 'Jump to the end of the iteration' }));
    expect(store.getState().position).toBe(total);
    expect(screen.getByRole('button', { name: 'Step forward' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Next iteration' })).toHaveProperty('disabled', false);
  });

  it('the play button is labelled by what it will do', () => {
    vi.useFakeTimers();
    try {
      const store = renderWith(<StepControls />);
      fireEvent.click(screen.getByRole('button', { name: 'Play' }));
      expect(store.getState().playing).toBe(true);
      expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
      act(() => vi.advanceTimersByTime(1000));
      expect(store.getState().position).toBe(store.getState().speed);
      fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
      expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('SettingsPanel', () => {
  it('changes the loss and the optimizer through labelled controls', () => {
    const store = renderWith(<SettingsPanel onClose={() => {}} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Loss' }), { target: { value: 'mse' } });
    expect(store.getState().scenario.loss).toBe('mse');
    fireEvent.change(screen.getByRole('combobox', { name: 'Optimizer' }), { target: { value: 'adam' } });
    // the learning rate is kept across the change
    expect(store.getState().scenario.optimizer).toMatchObject({
      type: 'adam',
      learningRate: (mazur.optimizer as { learningRate: number }).learningRate,
    });
  });

  it('refuses a learning rate that is not a number, where it is typed', () => {
    const store = renderWith(<SettingsPanel onClose={() => {}} />);
    typeInto(screen.getByRole('button', { name: /^learningRate = .* press Enter to edit$/ }), 'fast');
    expect(screen.getByRole('alert').textContent).toBe('“fast” is not a number');
    expect(store.getState().scenario.optimizer).toEqual(mazur.optimizer);
  });

  it('grows a layer by one node, and hides the shape controls when a lesson fixes the shape', () => {
    const store = renderWith(<SettingsPanel onClose={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'One node more in layer 1' }));
    expect(store.getState().scenario.layers[1].size).toBe(mazur.layers[1].size + 1);
    cleanup();
    renderWith(<SettingsPanel onClose={() => {}} />, { hidden: ['architecture'] });
    expect(screen.queryByRole('button', { name: /One node (more|fewer)/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '+ layer before' })).toBeNull();
    expect(screen.getByTestId('layer-size-1').textContent).toBe(String(mazur.layers[1].size));
  });

  it('closes from its labelled close button', () => {
    const onClose = vi.fn();
    renderWith(<SettingsPanel onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close the settings' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataTable } from '../../src/components/DataTable.tsx';
import { NotationProvider } from '../../src/components/notation-context.tsx';
import { PrecisionProvider } from '../../src/components/Num.tsx';
import { StoreContext } from '../../src/components/store-context.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { createAppStore, initialInputs } from '../../src/store/create-app-store.ts';
import { installJsdomShims } from '../helpers/jsdom-shims.ts';

beforeAll(installJsdomShims);
afterEach(cleanup);

describe('the display precision of a table of numbers', () => {
  it('is read from the store once, not by each number (each store subscription runs on every report of a training run)', () => {
    const store = createAppStore(initialInputs(loadPreset('numpy-341')!, 'numpy-341'));
    const subscribe = store.subscribe;
    let subscriptions = 0;
    store.subscribe = ((...args: Parameters<typeof subscribe>) => {
      subscriptions++;
      return (subscribe as (...a: Parameters<typeof subscribe>) => () => void)(...args);
    }) as typeof subscribe;
    const { getByTestId, container } = render(
      <StoreContext.Provider value={store}>
        <NotationProvider>
          <PrecisionProvider>
            <DataTable />
          </PrecisionProvider>
        </NotationProvider>
      </StoreContext.Provider>,
    );
    const cells = container.querySelectorAll('[data-testid^="x-"], [data-testid^="y-"]').length;
    expect(cells).toBe(16);
    // the table's own selections and the provider's, whatever the number of cells
    expect(subscriptions).toBeLessThanOrEqual(4);
    // the numbers still follow the user's precision
    const input = getByTestId('x-0-0');
    act(() => store.getState().setSampleValue(0, 'x', 0, 0.123456789));
    const before = input.textContent;
    act(() => store.getState().setPrecision(9));
    expect(input.textContent).not.toBe(before);
    expect(input.textContent).toBe('0.123456789');
  });
});

import type { AppInputs } from './app-state.ts';
import type { AppState } from './app-actions.ts';
import type { Selectors } from './selectors.ts';

/** What a group of store actions works with: the store's set and get, its selectors, and two helpers every group needs. */
export interface ActionContext {
  set(partial: Partial<AppState>): void;
  get(): AppState;
  readonly selectors: Selectors;
  /** the number of events in the current iteration's step plan */
  planLength(): number;
  /** the selected sample, kept inside the current batch */
  clampSample(s: AppInputs): number;
  /** runs `change` as one undo entry, however many times it sets the store */
  oneEntry(change: () => void): void;
}

import { useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { AppState, AppStore } from '../store/app-actions.ts';
import { StoreContext } from './store-context.ts';

/** The store of the nearest provider. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useAppStore needs a StoreContext provider');
  return store;
}

/** A slice of the state, compared shallowly so a panel re-renders only when its slice changes. */
export function useAppStore<U>(selector: (state: AppState) => U): U {
  return useStore(useAppStoreApi(), useShallow(selector));
}

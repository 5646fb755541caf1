import { createContext } from 'react';
import type { AppStore } from '../store/app-actions.ts';

/** The session's store, provided once at the root (a fresh one per test). */
export const StoreContext = createContext<AppStore | null>(null);

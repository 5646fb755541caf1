import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { isNotation, type Notation } from '../core/notation.ts';

/** The notation chosen in this browser: a view setting, like the theme, kept out of the scenario and its links. */
export interface NotationChoice {
  readonly notation: Notation;
  setNotation(notation: Notation): void;
}

export const NOTATION_STORAGE_KEY = 'backprop-lab:notation';

// Without a provider (a component rendered alone) everything is named by indices.
const NotationContext = createContext<NotationChoice>({ notation: 'indices', setNotation: () => {} });

function readStored(): Notation {
  try {
    const value = window.localStorage.getItem(NOTATION_STORAGE_KEY);
    return isNotation(value) ? value : 'indices';
  } catch {
    return 'indices';
  }
}

/** Holds the notation for everything below it and remembers it in localStorage. */
export function NotationProvider({ children }: { children: ReactNode }) {
  const [notation, setState] = useState<Notation>(readStored);
  const setNotation = useCallback((next: Notation) => {
    setState(next);
    try {
      window.localStorage.setItem(NOTATION_STORAGE_KEY, next);
    } catch {
      // Storage may be full or blocked; the choice still holds for this page.
    }
  }, []);
  const value = useMemo(() => ({ notation, setNotation }), [notation, setNotation]);
  return <NotationContext.Provider value={value}>{children}</NotationContext.Provider>;
}

/** The notation in force and its setter. */
export function useNotation(): NotationChoice {
  return useContext(NotationContext);
}

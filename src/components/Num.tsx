import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_PRECISION, formatFull, formatValue, type Precision } from '../core/format-number.ts';
import { useAppStore } from './use-app-store.ts';

// Without a provider (a component rendered alone) numbers show at the default precision.
const PrecisionContext = createContext<Precision>(DEFAULT_PRECISION);

/**
 * Reads the user's display precision from the store once for every number below it: a
 * samples table of 256 rows holds one store subscription for its thousands of numbers, not
 * one each (each was called on every store update, every report of a training run).
 */
export function PrecisionProvider({ children }: { readonly children: ReactNode }) {
  const precision = useAppStore((s) => s.precision);
  return <PrecisionContext.Provider value={precision}>{children}</PrecisionContext.Provider>;
}

/** The user's display precision (the view menu's setting). */
export function usePrecision(): Precision {
  return useContext(PrecisionContext);
}

/** Attributes that show a number's full value on hover (title) and to assistive technology (aria-description). */
export function fullValueProps(value: number, shown: string): { title?: string; 'aria-description'?: string } {
  const full = formatFull(value);
  return full === shown ? {} : { title: full, 'aria-description': `full value ${full}` };
}

/** A number at the user's precision; hovering it shows the full value. */
export function Num({ value, className, testId }: { value: number; className?: string; testId?: string }) {
  const precision = usePrecision();
  const text = formatValue(value, precision);
  return (
    <span className={className} data-testid={testId} data-value={String(value)} {...fullValueProps(value, text)}>
      {text}
    </span>
  );
}

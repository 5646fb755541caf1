import { formatFull, formatValue, type Precision } from '../core/format-number.ts';
import { useAppStore } from './use-app-store.ts';

/** The user's display precision (the view menu's setting). */
export function usePrecision(): Precision {
  return useAppStore((s) => s.precision);
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

import { useEffect, useState } from 'react';

/**
 * `value` as it is, except while `holding`: then the value from when the hold began, caught
 * up once it has rested for `ms` (a drag that pauses) and when the hold ends.
 */
export function useSettled<T>(value: T, holding: boolean, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (!holding) return;
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, holding, ms]);
  return holding ? settled : value;
}

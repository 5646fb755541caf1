import { useAppStore, useAppStoreApi } from './use-app-store.ts';

/** A warning, derived from the numbers, when the arithmetic has produced NaN or infinity (a huge weight, log 0). */
export function ArithmeticWarning() {
  const store = useAppStoreApi();
  // Of the settled scenario, memoized: a drag or a training run neither recomputes the iteration
  // for it on each frame nor re-renders it; the warning comes when the gesture rests or ends.
  const report = useAppStore((s) => store.selectors.nonFinite(s.settled));
  if (report === null) return null;
  const parts = [
    report.loss && 'the loss',
    report.values && 'node values',
    report.gradients && 'gradients',
    report.update && 'the updated parameters',
  ].filter(Boolean);
  return (
    <div className="notice notice-warning" role="status" data-testid="arithmetic-warning">
      <strong>⚠ The arithmetic is no longer finite:</strong> {parts.join(', ')} include NaN or ∞, shown as such. A very
      large weight, input or learning rate, or log 0 in the loss, does this; change the value back (or reset the preset)
      to continue.
    </div>
  );
}

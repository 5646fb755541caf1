import { useAppStore } from './use-app-store.ts';

/**
 * The opening of a large network (store/open-large.ts): what is opened, what is being done and
 * how far, as a progress bar, with a Cancel that keeps the scenario on screen. The page answers
 * meanwhile: the work runs in slices.
 */
export function OpeningProgress() {
  const { opening, cancelOpening } = useAppStore((s) => ({ opening: s.opening, cancelOpening: s.cancelOpening }));
  if (opening === null) return null;
  const percent = Math.round(100 * opening.fraction);
  return (
    <div className="notice notice-info opening" role="status" data-testid="opening">
      <div className="notice-text">
        <strong>
          Opening {opening.what}
          {opening.parameters === null ? '' : ` (${opening.parameters.toLocaleString('en-US')} parameters)`}:{' '}
          {opening.stage}… <span data-testid="opening-percent">{percent}%</span>
        </strong>
        <progress max={100} value={percent} aria-label={`Opening: ${opening.stage}`} data-testid="opening-progress" />
        <span className="muted">The scenario below stays until it is ready; Cancel keeps it.</span>
      </div>
      <button type="button" onClick={cancelOpening} data-testid="opening-cancel">
        Cancel
      </button>
    </div>
  );
}

import { useTraining } from './use-training.ts';
import { useAppStore } from './use-app-store.ts';

const RUNS = [1, 10, 100, 1000, 10000];

/** Train 1 … 10,000 steps from the current parameters; interruptible. */
export function TrainControls() {
  const training = useAppStore((s) => s.training);
  // not while a large scenario is being opened: it replaces the one that would train
  const opening = useAppStore((s) => s.opening !== null);
  const { start, stop } = useTraining();
  // A lesson link can hide training (hide=training).
  const hidden = useAppStore((s) => s.hidden.includes('training'));
  if (hidden) return null;
  return (
    <div className="train-controls chrome" role="group" aria-label="Train">
      <span className="muted">Train</span>
      {RUNS.map((n) => (
        <button
          key={n}
          type="button"
          disabled={training || opening}
          onClick={() => start(n)}
          data-testid={`train-${n}`}
          title={`Run ${n.toLocaleString('en-US')} optimizer step${n > 1 ? 's' : ''}`}
        >
          {n >= 1000 ? `${n / 1000}k` : n}
        </button>
      ))}
      {training && (
        <button type="button" className="danger" onClick={stop} data-testid="train-stop">
          Stop
        </button>
      )}
    </div>
  );
}

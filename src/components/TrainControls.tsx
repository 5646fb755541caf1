import { useState } from 'react';
import { parseStepCount } from '../core/step-count.ts';
import { useTraining } from './use-training.ts';
import { useAppStore } from './use-app-store.ts';
import { usePopover } from './use-popover.ts';

const RUNS = [1, 10, 100, 1000, 10000];
/** Each run button's tooltip, made once: toLocaleString (Intl) in every render was about 2 ms of each run's start and end. */
const TITLES = RUNS.map((n) => `Run ${n.toLocaleString('en-US')} optimizer step${n > 1 ? 's' : ''}`);

/** Train 1 … 10,000 steps, or a number typed in "N…", from the current parameters; interruptible. */
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
      {RUNS.map((n, k) => (
        <button
          key={n}
          type="button"
          disabled={training || opening}
          onClick={() => start(n)}
          data-testid={`train-${n}`}
          title={TITLES[k]}
        >
          {n >= 1000 ? `${n / 1000}k` : n}
        </button>
      ))}
      <TrainSteps disabled={training || opening} start={start} />
      {training && (
        <button type="button" className="danger" onClick={stop} data-testid="train-stop">
          Stop
        </button>
      )}
    </div>
  );
}

/** "N…": train exactly the number of steps typed (a tutorial's 9,999 updates in one action). */
function TrainSteps({ disabled, start }: { readonly disabled: boolean; readonly start: (n: number) => void }) {
  const { open, setOpen, close, buttonRef, panelRef } = usePopover<HTMLButtonElement, HTMLFormElement>();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const count = parseStepCount(text);
    if (!count.ok) {
      setError(count.message);
      return;
    }
    setError(null);
    close(true);
    start(count.steps);
  };
  return (
    <div className="popover-anchor">
      <button
        ref={buttonRef}
        type="button"
        className={open ? 'toggle active' : 'toggle'}
        disabled={disabled}
        aria-expanded={open}
        aria-controls="train-steps"
        onClick={() => setOpen(!open)}
        data-testid="train-n"
        title="Train a number of steps you choose"
      >
        N…
      </button>
      {open && (
        <form
          ref={panelRef}
          id="train-steps"
          className="popover train-steps"
          aria-label="Train a number of steps"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label>
            Steps{' '}
            <input
              type="text"
              inputMode="numeric"
              autoFocus
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={error !== null}
              aria-describedby={error ? 'train-steps-error' : undefined}
              data-testid="train-n-input"
              size={9}
            />
          </label>{' '}
          <button type="submit" data-testid="train-n-go">
            Train
          </button>
          {error && (
            <p id="train-steps-error" className="field-error" role="alert" data-testid="train-n-error">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

import { PRESETS } from '../presets/index.ts';
import { useAppStore } from './use-app-store.ts';

function presetName(id: string | null): string | null {
  const title = (PRESETS.find((p) => p.id === id)?.document as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? title.split(':')[0] : null;
}

/**
 * Reset, one click: the whole scenario back to its preset (or to the file or link it was
 * opened from), as an edit that Undo takes back. (Back to the start of the iteration is the
 * step controls' first button, and the Home key.)
 */
export function SessionControls() {
  const s = useAppStore((st) => ({
    presetId: st.presetId,
    busy: st.training || st.scrubbing,
    resetToOrigin: st.resetToOrigin,
    pristine: st.scenario === st.origin && st.optimizerState === null && st.run.lossHistory.length === 0,
  }));
  const name = presetName(s.presetId);
  const target = name === null ? 'the scenario you opened' : `the preset "${name}"`;
  return (
    <div className="session-controls chrome" role="group" aria-label="Reset">
      <button
        type="button"
        onClick={s.resetToOrigin}
        disabled={s.pristine || s.busy}
        data-testid="reset-preset"
        aria-label={`Reset to ${target}`}
        title={`Reset to ${target}: its weights, data and settings (Undo takes it back)`}
      >
        Reset
      </button>
    </div>
  );
}

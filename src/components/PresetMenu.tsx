import { PRESETS } from '../presets/index.ts';
import { useAppStore } from './use-app-store.ts';

function presetTitle(document: unknown): string {
  const title = (document as { title?: unknown }).title;
  return typeof title === 'string' ? title : '';
}

/** The built-in presets; choosing one loads it (its notes show in the math panel until something is selected). */
export function PresetMenu() {
  const { presetId, loadPreset } = useAppStore((s) => ({ presetId: s.presetId, loadPreset: s.loadPreset }));
  return (
    <label className="preset-menu">
      <span className="visually-hidden">Preset</span>
      <select
        value={presetId ?? ''}
        onChange={(e) => e.target.value && loadPreset(e.target.value)}
        data-testid="preset-menu"
      >
        {presetId === null && <option value="">Your scenario</option>}
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {presetTitle(p.document).split(':')[0]}
          </option>
        ))}
      </select>
    </label>
  );
}

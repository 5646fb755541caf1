import { PRESETS } from '../presets/index.ts';
import { useAppStore } from './use-app-store.ts';

function presetTitle(document: unknown): string {
  const title = (document as { title?: unknown }).title;
  return typeof title === 'string' ? title : '';
}

/**
 * The built-in presets; choosing one loads it (its notes show in the math panel until something
 * is selected). Each shows by its short name, whole even in a 1024 px toolbar; its full title
 * is the tooltip (and the heading of its notes).
 */
export function PresetMenu() {
  const { presetId, loadPreset } = useAppStore((s) => ({ presetId: s.presetId, loadPreset: s.loadPreset }));
  const current = PRESETS.find((p) => p.id === presetId);
  return (
    <label className="preset-menu">
      <span className="visually-hidden">Preset</span>
      <select
        value={presetId ?? ''}
        onChange={(e) => e.target.value && loadPreset(e.target.value)}
        title={current ? presetTitle(current.document) : undefined}
        data-testid="preset-menu"
      >
        {presetId === null && <option value="">Your scenario</option>}
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id} title={presetTitle(p.document)}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

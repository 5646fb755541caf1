import { PRECISIONS, readPrecision } from '../core/format-number.ts';
import type { Theme } from '../store/app-state.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { nextTheme, togglePresentation } from './use-theme.ts';

const THEME_NAMES: Record<Theme, string> = { system: 'as the system', light: 'light', dark: 'dark' };

const GLYPHS = {
  system: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M8 2a6 6 0 0 1 0 12z" fill="currentColor" />
    </>
  ),
  light: (
    <>
      <circle cx="8" cy="8" r="3" fill="currentColor" />
      <path
        d="M8 1v2.2M8 12.8V15M1 8h2.2M12.8 8H15M3 3l1.6 1.6M11.4 11.4 13 13M3 13l1.6-1.6M11.4 4.6 13 3"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </>
  ),
  dark: <path d="M10.5 1.8a6.3 6.3 0 1 0 3.7 9.8A5.2 5.2 0 0 1 10.5 1.8z" fill="currentColor" />,
  worksheet: (
    <>
      <rect x="2.5" y="1.5" width="11" height="13" rx="1" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5 5h6M5 8h3M5 11h6" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </>
  ),
  presentation: (
    <>
      <rect x="1.5" y="2" width="13" height="8.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M8 10.5V14M5 14.2h6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </>
  ),
} as const;

function Glyph({ name }: { name: keyof typeof GLYPHS }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {GLYPHS[name]}
    </svg>
  );
}

interface ViewMenuProps {
  onHelp(): void;
  /** worksheet mode, when the app offers it: on or off, and the toggle */
  worksheet?: boolean;
  onWorksheet?(): void;
}

/** Compact view controls at the end of the toolbar: keyboard help, colour theme, worksheet mode, presentation mode. */
export function ViewMenu({ onHelp, worksheet = false, onWorksheet }: ViewMenuProps) {
  const store = useAppStoreApi();
  const { theme, presentation, setTheme, precision, setPrecision } = useAppStore((s) => ({
    theme: s.theme,
    presentation: s.presentation,
    setTheme: s.setTheme,
    precision: s.precision,
    setPrecision: s.setPrecision,
  }));
  const next = nextTheme(theme);
  return (
    <div className="view-menu" role="group" aria-label="View">
      <label
        className="precision-choice"
        title="Significant digits of every number shown; hover a number for its full value"
      >
        <span className="visually-hidden">Display precision</span>
        <select
          value={String(precision)}
          data-testid="precision"
          aria-label="Display precision (significant digits)"
          onChange={(e) => {
            const p = readPrecision(e.target.value === 'full' ? 'full' : Number(e.target.value));
            if (p !== null) setPrecision(p);
          }}
        >
          {PRECISIONS.map((p) => (
            <option key={p} value={String(p)}>
              {p === 'full' ? 'full' : `${p} digits`}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="icon-toggle"
        onClick={onHelp}
        aria-haspopup="dialog"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        data-testid="shortcut-help-toggle"
      >
        <span aria-hidden="true" className="icon-text">
          ?
        </span>
      </button>
      <button
        type="button"
        className="icon-toggle"
        onClick={() => setTheme(next)}
        aria-label={`Colour theme: ${THEME_NAMES[theme]}`}
        title={`Colour theme: ${THEME_NAMES[theme]}; click for ${THEME_NAMES[next]} (T)`}
        data-testid="theme-toggle"
        data-theme-choice={theme}
      >
        <Glyph name={theme} />
      </button>
      {onWorksheet && (
        <button
          type="button"
          className={worksheet ? 'icon-toggle active' : 'icon-toggle'}
          onClick={onWorksheet}
          aria-pressed={worksheet}
          aria-label="Worksheet mode"
          title="Worksheet mode: fill in each value before the step shows it"
          data-testid="worksheet-toggle"
        >
          <Glyph name="worksheet" />
        </button>
      )}
      <button
        type="button"
        className={presentation ? 'icon-toggle active' : 'icon-toggle'}
        onClick={() => togglePresentation(store)}
        aria-pressed={presentation}
        aria-label="Presentation mode"
        title="Presentation mode: large type, high contrast, full screen (P)"
        data-testid="presentation-toggle"
      >
        <Glyph name="presentation" />
      </button>
    </div>
  );
}

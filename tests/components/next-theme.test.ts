import { describe, expect, it } from 'vitest';
import { nextTheme } from '../../src/components/use-theme.ts';
import type { Theme } from '../../src/store/app-state.ts';

/** What the page shows for a theme choice. */
const shown = (theme: Theme, systemDark: boolean) => (theme === 'system' ? (systemDark ? 'dark' : 'light') : theme);

describe('the theme toggle (T)', () => {
  it('changes what is shown on every press, the first one included, on a light or a dark system', () => {
    for (const systemDark of [false, true]) {
      let theme: Theme = 'system';
      for (let press = 0; press < 4; press++) {
        const next = nextTheme(theme, systemDark);
        expect(shown(next, systemDark), `press ${press + 1} from ${theme} (system dark: ${systemDark})`).not.toBe(
          shown(theme, systemDark),
        );
        theme = next;
      }
    }
  });

  it('goes from the system theme to its opposite', () => {
    expect(nextTheme('system', false)).toBe('dark');
    expect(nextTheme('system', true)).toBe('light');
  });
});

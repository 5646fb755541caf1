import { formatCodecError } from '../core/codec/codec-result.ts';
import { DEFAULT_PRESET_ID, loadPreset } from '../presets/index.ts';
import type { AppInputs } from './app-state.ts';
import { initialInputs } from './create-app-store.ts';
import { withLinkOptions } from './link-session.ts';
import type { CodecResult } from '../core/codec/codec-result.ts';
import type { Scenario } from '../core/scenario.ts';
import { readScenarioHash } from './share-link.ts';

/**
 * The session to open for a URL hash: the scenario of a share link, else the default
 * preset; a link that cannot be read opens the default preset and says what is wrong.
 * `link` is the hash's scenario when the caller has read it already (a hash is decompressed once).
 */
export function initialSession(hash: string, link: CodecResult<Scenario> | null = readScenarioHash(hash)): AppInputs {
  const fallback = () => loadPreset(DEFAULT_PRESET_ID)!;
  if (link === null) return initialInputs(fallback(), DEFAULT_PRESET_ID);
  // The link's further parameters (position, selection, panels, lesson flags): link-session.ts.
  if (link.ok) return withLinkOptions(initialInputs(link.value, null), hash, true);
  return withLinkOptions(
    initialInputs(fallback(), DEFAULT_PRESET_ID, {
      kind: 'error',
      text: 'The share link could not be opened, so the default preset is shown.',
      details: link.errors.map(formatCodecError),
    }),
    hash,
    false,
  );
}

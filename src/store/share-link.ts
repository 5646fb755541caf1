import { compressToEncodedURIComponent } from 'lz-string';
import { codecFail, type CodecResult } from '../core/codec/codec-result.ts';
import { decompressUriCapped } from '../core/codec/lz-uri.ts';
import { formatLimit } from '../core/codec/read-json.ts';
import { parseScenarioText } from '../core/codec/parse-scenario.ts';
import { scenarioToJson } from '../core/codec/serialize-scenario.ts';
import type { Scenario } from '../core/scenario.ts';

const PREFIX = 'scenario=';

/**
 * The most characters a link's scenario may decompress to: 20 MiB, as much as a file import
 * reads. A scenario at the format's own limits (a million parameters) fits; a link that
 * inflates further is a decompression bomb (232 KB can inflate to 4 G characters), stopped there.
 */
export const SCENARIO_TEXT_LIMIT = 20 * 1024 * 1024;

/** The URL hash that opens exactly this scenario: `#scenario=` + compressToEncodedURIComponent(JSON). */
export function scenarioHash(s: Scenario): string {
  return `#${PREFIX}${compressToEncodedURIComponent(scenarioToJson(s, 0))}`;
}

/**
 * The scenario in a URL hash, null when the hash holds none, or the errors that say why
 * it cannot be read (a link cut short, a corrupted one, or a scenario the codec rejects).
 */
export function readScenarioHash(hash: string): CodecResult<Scenario> | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const param = body.split('&').find((part) => part.startsWith(PREFIX));
  if (param === undefined) return null;
  const payload = param.slice(PREFIX.length);
  if (payload === '')
    return codecFail([
      { path: 'share link', message: 'the link has no scenario after #scenario= (was it cut short?)' },
    ]);
  const text = decompressUriCapped(payload, SCENARIO_TEXT_LIMIT);
  if (!text.ok && text.reason === 'too-long') {
    return codecFail([
      {
        path: 'share link',
        message: `the scenario in the link would be more than ${formatLimit(SCENARIO_TEXT_LIMIT)} characters: it was not opened (no scenario within the format's limits is that long; the link is corrupted or not one of this app's)`,
      },
    ]);
  }
  if (!text.ok || text.text === '')
    return codecFail([
      {
        path: 'share link',
        message: 'the scenario in the link cannot be decompressed: the link was cut short or corrupted',
      },
    ]);
  const result = parseScenarioText(text.text);
  if (result.ok) return result;
  const cutShort = result.errors.some((e) => e.message.startsWith('not valid JSON'));
  return cutShort
    ? codecFail([
        { path: 'share link', message: 'the scenario in the link is incomplete: the link was cut short or corrupted' },
        ...result.errors,
      ])
    : result;
}

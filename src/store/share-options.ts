import { MAX_ERRORS } from '../core/codec/error-list.ts';
import { formatLimit } from '../core/codec/read-json.ts';
import type { Scenario } from '../core/scenario.ts';
import { parseSelectionKey, selectionKey, type Selection } from '../core/selection.ts';
import { LESSON_CONTROLS, SIDE_TABS, type LessonControl, type SideTab } from './app-state.ts';
import { hideParam, readHideParam } from './lesson-link.ts';
import { scenarioHash } from './share-link.ts';

/** Which panel shows beside the diagram: the settings, or one of the side tabs (math, matrix, landscape, compare, data). */
export type PanelChoice = 'settings' | SideTab;
const PANEL_CHOICES: readonly PanelChoice[] = [...SIDE_TABS, 'settings'];

/**
 * What a share link can carry beside its scenario, each part optional: the step position,
 * the sample shown and the selection, the panel layout, and a lesson's hidden controls.
 */
export interface ShareOptions {
  /** `pos=12`: events done in the iteration */
  readonly position?: number;
  /** `sample=0`: the sample shown, as an index in the first batch */
  readonly sample?: number;
  /** `sel=edge:1:0:0` (also node:l:j, bias:l:j, loss), or `sel=none`: nothing selected */
  readonly selection?: Selection | null;
  /** `panel=math`, `matrix`, `landscape`, `compare` or `settings` */
  readonly panel?: PanelChoice;
  /** `z=1` or `z=0`: show z under each node */
  readonly showZ?: boolean;
  /** `follow=1` or `follow=0`: stepping selects what the step computed */
  readonly followStep?: boolean;
  /** `worksheet=1` or `worksheet=0`: open in worksheet mode (blanks to fill in) */
  readonly worksheet?: boolean;
  /** `hide=architecture,settings,training` */
  readonly hidden?: readonly LessonControl[];
}

/** The parameters after `#scenario=…`, in the order a link writes them. */
export const SHARE_PARAMS = ['pos', 'sample', 'sel', 'panel', 'z', 'follow', 'worksheet', 'hide'] as const;
type ShareParam = (typeof SHARE_PARAMS)[number];

const SCENARIO_PARAM = 'scenario';
/** Longest piece of a parameter quoted back in a message: a mangled link can be long. */
const QUOTE_LIMIT = 60;
const MAX_INDEX = 1e9;

/**
 * The URL hash of a share link: `#scenario=` + compressToEncodedURIComponent(JSON), exactly
 * as the spec writes it (so a link with no options is the spec's link), then `&name=value`
 * for each option given. lz-string's URI alphabet has no `&`, so the scenario never needs escaping.
 */
export function shareLinkHash(scenario: Scenario, options: ShareOptions = {}): string {
  const extra: string[] = [];
  if (options.position !== undefined) extra.push(`pos=${options.position}`);
  if (options.sample !== undefined) extra.push(`sample=${options.sample}`);
  if (options.selection !== undefined)
    extra.push(`sel=${options.selection === null ? 'none' : selectionKey(options.selection)}`);
  if (options.panel !== undefined) extra.push(`panel=${options.panel}`);
  if (options.showZ !== undefined) extra.push(`z=${options.showZ ? 1 : 0}`);
  if (options.followStep !== undefined) extra.push(`follow=${options.followStep ? 1 : 0}`);
  if (options.worksheet !== undefined) extra.push(`worksheet=${options.worksheet ? 1 : 0}`);
  if (options.hidden !== undefined && options.hidden.length > 0) extra.push(`hide=${hideParam(options.hidden)}`);
  return [scenarioHash(scenario), ...extra].join('&');
}

/**
 * The longest link Share hands out as a link: 8,000 characters. The hash never reaches a
 * server, but links travel through chat tools, e-mail and documents that cut them short, and
 * RFC 9110 (§4.1) asks every sender and recipient to support URIs of only 8,000 octets; a
 * longer link is offered as a file instead (a 250,000-weight scenario makes a 2.8 MB link).
 */
export const SHARE_LINK_LIMIT = 8000;

/** True when a whole link (address and hash) is short enough to share as a link. */
export function shareLinkFits(link: string): boolean {
  return link.length <= SHARE_LINK_LIMIT;
}

/** The options a link's hash carries, and one line per parameter ignored (naming it and saying why). */
export interface ShareOptionsRead {
  /** the hash is a share link (it has `scenario=`); the options are read only from one */
  readonly isShareLink: boolean;
  readonly options: ShareOptions;
  readonly ignored: readonly string[];
}

function quote(part: string): string {
  return `"${part.length > QUOTE_LIMIT ? `${part.slice(0, QUOTE_LIMIT)}…` : part}"`;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function readIndex(value: string): number | undefined {
  return /^\d{1,10}$/.test(value) && Number(value) <= MAX_INDEX ? Number(value) : undefined;
}

function readFlag(value: string): boolean | undefined {
  return value === '1' ? true : value === '0' ? false : undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads one known parameter into `out`; returns why it was ignored, or null. */
function readParam(name: ShareParam, value: string, out: Mutable<ShareOptions>): string | null {
  switch (name) {
    case 'pos': {
      const n = readIndex(value);
      if (n === undefined) return 'not a step position (expected a whole number ≥ 0)';
      out.position = n;
      return null;
    }
    case 'sample': {
      const n = readIndex(value);
      if (n === undefined) return 'not a sample index (expected a whole number ≥ 0)';
      out.sample = n;
      return null;
    }
    case 'sel': {
      const sel = value === 'none' ? null : parseSelectionKey(value);
      if (sel === null && value !== 'none')
        return 'not a selection (expected node:l:j, edge:l:j:i, bias:l:j, loss or none)';
      out.selection = sel;
      return null;
    }
    case 'panel':
      if (!(PANEL_CHOICES as readonly string[]).includes(value))
        return `unknown panel (expected ${PANEL_CHOICES.join(', ')})`;
      out.panel = value as PanelChoice;
      return null;
    case 'z':
    case 'follow':
    case 'worksheet': {
      const flag = readFlag(value);
      if (flag === undefined) return 'expected 1 or 0';
      if (name === 'z') out.showZ = flag;
      else if (name === 'follow') out.followStep = flag;
      else out.worksheet = flag;
      return null;
    }
    case 'hide': {
      const { hidden, unknown } = readHideParam(value);
      out.hidden = hidden;
      if (unknown.length === 0) return null;
      const names = unknown.map((u) => quote(u)).join(', ');
      return `unknown control${unknown.length > 1 ? 's' : ''} ${names} (expected ${LESSON_CONTROLS.join(', ')})${hidden.length > 0 ? `; ${hidden.join(', ')} hidden` : ''}`;
    }
  }
}

/**
 * The options of a share link's hash, read totally: a parameter that is unknown, malformed,
 * repeated or cut short is left out and named in `ignored`; this never throws. A hash that
 * holds no `scenario=` is no share link, and nothing in it is read.
 */
export function readShareOptions(hash: string): ShareOptionsRead {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const parts = body.split('&').filter((p) => p !== '');
  if (!parts.some((p) => p.startsWith(`${SCENARIO_PARAM}=`))) return { isShareLink: false, options: {}, ignored: [] };
  const out: Mutable<ShareOptions> = {};
  const ignored: string[] = [];
  let ignoredCount = 0;
  // Kept as the codec keeps its errors (error-list.ts): the first MAX_ERRORS, then a count.
  const ignore = (line: string) => {
    if (ignoredCount++ < MAX_ERRORS) ignored.push(line);
  };
  const seen = new Set<string>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    if (name === SCENARIO_PARAM) {
      if (seen.has(name)) ignore(`${quote(part)}: a second scenario; the first one is opened`);
      seen.add(name);
      continue;
    }
    if (!(SHARE_PARAMS as readonly string[]).includes(name)) {
      ignore(`${quote(part)}: unknown parameter (expected ${SHARE_PARAMS.join(', ')})`);
      continue;
    }
    if (seen.has(name)) {
      ignore(`${quote(part)}: ${name} is given more than once; the first one is used`);
      continue;
    }
    seen.add(name);
    const why =
      eq < 0
        ? 'has no value (was the link cut short?)'
        : readParam(name as ShareParam, decode(part.slice(eq + 1)), out);
    if (why !== null) ignore(`${quote(part)}: ${why}`);
  }
  if (ignoredCount > MAX_ERRORS) {
    ignored.push(
      `and ${formatLimit(ignoredCount - MAX_ERRORS)} more parameters ignored: only the first ${MAX_ERRORS} are listed`,
    );
  }
  return { isShareLink: true, options: out, ignored };
}

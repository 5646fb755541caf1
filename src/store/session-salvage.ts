import { ROOT } from '../core/codec/json-path.ts';
import { parseScenario } from '../core/codec/parse-scenario.ts';
import { describe, isJsonObject, ownField } from '../core/codec/read-json.ts';
import { initialInputs } from './create-app-store.ts';
import { parseSessionEnvelope, sessionEnvelope, SESSION_VERSION, type SavedSession } from './session-envelope.ts';

/** What could be kept of a saved session that does not read whole. */
export interface SalvagedSession {
  readonly session: SavedSession;
  /** the fields that were bad and start afresh (position, selection, …) */
  readonly reset: readonly string[];
  /** fields this version does not know, left out */
  readonly ignored: readonly string[];
  /** how the version was read, when it is not this one's ("version 2 read as version 1") */
  readonly versionNote: string | null;
}

/** The top-level field a path is about: `position`, `optimizerState.w.first` → `optimizerState`. */
function fieldOf(path: string): string | undefined {
  if (path === ROOT) return undefined;
  return /^[A-Za-z_$][\w$]*/.exec(path)?.[0];
}

/**
 * What can be kept of a saved session that parseSessionEnvelope refuses: when its scenario
 * reads, the scenario, and every other field that reads with it; each bad field starts
 * afresh (a position of 999999 goes back to 0, the scenario and the training stay). A
 * session of another version is read the same way, its unknown fields left out. Null when
 * the scenario itself cannot be read: then nothing is kept. Never throws.
 */
export function salvageSession(value: unknown): SalvagedSession | null {
  if (!isJsonObject(value)) return null;
  const scenario = parseScenario(ownField(value, 'scenario'));
  if (!scenario.ok) return null;
  const defaults = sessionEnvelope({ ...initialInputs(scenario.value, null), origin: scenario.value }, '') as Record<
    string,
    unknown
  >;
  const candidate: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults)) {
    if (key !== 'version' && key !== 'scenario' && ownField(value, key) !== undefined)
      candidate[key] = ownField(value, key);
  }
  const ignored = Object.keys(value).filter((key) => !Object.prototype.hasOwnProperty.call(defaults, key));
  const reset = new Set<string>();
  // Each round resets the fields that failed; a reset field can make another one fail (the
  // sample depends on the optimizer's step count), hence a few rounds, one per field at most.
  for (let round = 0; round <= Object.keys(defaults).length; round++) {
    const result = parseSessionEnvelope(candidate);
    if (result.ok) {
      const version = ownField(value, 'version');
      const versionNote =
        version === SESSION_VERSION ? null : `version ${describe(version)} read as version ${SESSION_VERSION}`;
      return { session: result.value, reset: [...reset], ignored, versionNote };
    }
    let progress = false;
    for (const e of result.errors) {
      const key = fieldOf(e.path);
      if (
        key === undefined ||
        key === 'scenario' ||
        !Object.prototype.hasOwnProperty.call(defaults, key) ||
        candidate[key] === defaults[key]
      )
        continue;
      candidate[key] = defaults[key];
      reset.add(key);
      progress = true;
    }
    if (!progress) return null;
  }
  return null;
}

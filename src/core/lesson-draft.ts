/**
 * A lesson being written in the app (issue 10, authoring): the `backprop-lesson/1` document
 * as the teacher has typed it so far. Every field is kept as typed (a compare's number, an
 * ask's digits as text), so nothing typed is lost, and the document it makes is judged by the
 * lesson codec alone: an invalid draft is rejected whole, with the codec's path-named errors.
 */
import type { JsonDocument, JsonValue } from './codec/serialize-scenario.ts';
import { isJsonObject } from './codec/read-json.ts';
import { LESSON_FORMAT, LESSON_PANELS } from './lesson.ts';
import { selectionKey, type Selection } from './selection.ts';

/** An ask as typed: the quantity reference's text and the significant digits' text. */
export interface DraftAsk {
  readonly of: string;
  readonly digits: string;
}

/** A compare entry as typed: where the number is printed, the number's text, the reference's text. */
export interface DraftCompare {
  readonly label: string;
  readonly value: string;
  readonly of: string;
}

export interface DraftStep {
  /** stable while the step is moved (list keys, focus); never written to the lesson */
  readonly id: number;
  readonly title: string;
  readonly text: string;
  /** the step's `view`, as the lesson writes it */
  readonly view: JsonDocument;
  /** a whole scenario from this step on (the scenario shown when it was captured differed) */
  readonly scenario?: JsonDocument;
  readonly ask?: DraftAsk;
  readonly compare: readonly DraftCompare[];
}

export interface LessonDraft {
  readonly title: string;
  readonly description: string;
  /** `"preset:ID"` or a whole scenario document */
  readonly scenario: JsonValue;
  readonly hide: readonly string[];
  readonly steps: readonly DraftStep[];
  /** the id the next step gets */
  readonly nextId: number;
}

/** What "add a step from what I see now" reads: the view inputs of the session shown. */
export interface ViewCapture {
  readonly position: number;
  readonly sample: number;
  readonly selection: Selection | null;
  readonly sideTab: string;
  readonly showZ: boolean;
  readonly followStep: boolean;
  readonly worksheet: boolean;
}

/** A new lesson on a scenario (`"preset:ID"` or a whole scenario document), with no steps yet. */
export function newDraft(scenario: JsonValue, title = ''): LessonDraft {
  return { title, description: '', scenario, hide: [], steps: [], nextId: 1 };
}

/** The step `view` of what is shown: position, sample, selection, the panel (a lesson's four only), z, follow, worksheet. */
export function captureView(v: ViewCapture): JsonDocument {
  const view: JsonDocument = {
    pos: v.position,
    sample: v.sample,
    sel: v.selection === null ? 'none' : selectionKey(v.selection),
  };
  if ((LESSON_PANELS as readonly string[]).includes(v.sideTab)) view.panel = v.sideTab;
  view.z = v.showZ;
  view.follow = v.followStep;
  view.worksheet = v.worksheet;
  return view;
}

/** The scenario in force at step k: the last step at or before k that brings one, else the lesson's own. */
export function scenarioInForce(draft: LessonDraft, k: number): JsonValue {
  for (let n = Math.min(k, draft.steps.length - 1); n >= 0; n--) {
    const own = draft.steps[n].scenario;
    if (own !== undefined) return own;
  }
  return draft.scenario;
}

/**
 * Adds a step after step `after` (the end when left out) with this view; `scenario` is given
 * when the scenario shown is not the one in force there, so the step brings it.
 */
export function addStep(
  draft: LessonDraft,
  view: JsonDocument,
  scenario?: JsonDocument,
  after = draft.steps.length - 1,
): { draft: LessonDraft; index: number } {
  const step: DraftStep = { id: draft.nextId, title: '', text: '', view, compare: [] };
  const index = Math.max(0, Math.min(draft.steps.length, after + 1));
  const steps = draft.steps.slice();
  steps.splice(index, 0, scenario === undefined ? step : { ...step, scenario });
  return { draft: { ...draft, steps, nextId: draft.nextId + 1 }, index };
}

/** Moves step k by delta places (−1 up, +1 down); a move past either end changes nothing. */
export function moveStep(draft: LessonDraft, k: number, delta: number): LessonDraft {
  const to = k + delta;
  if (k < 0 || k >= draft.steps.length || to < 0 || to >= draft.steps.length || delta === 0) return draft;
  const steps = draft.steps.slice();
  const [step] = steps.splice(k, 1);
  steps.splice(to, 0, step);
  return { ...draft, steps };
}

/** Removes step k. */
export function deleteStep(draft: LessonDraft, k: number): LessonDraft {
  if (k < 0 || k >= draft.steps.length) return draft;
  return { ...draft, steps: draft.steps.filter((_, n) => n !== k) };
}

type StepPatch = Partial<Pick<DraftStep, 'title' | 'text' | 'view' | 'compare'>> & {
  ask?: DraftAsk | null;
  scenario?: JsonDocument | null;
};

/** Step k with some fields replaced; `ask: null` or `scenario: null` removes it. */
export function updateStep(draft: LessonDraft, k: number, patch: StepPatch): LessonDraft {
  if (k < 0 || k >= draft.steps.length) return draft;
  const { ask, scenario, ...rest } = patch;
  let step: DraftStep = { ...draft.steps[k], ...rest };
  if (ask !== undefined) step = withOptional(step, 'ask', ask);
  if (scenario !== undefined) step = withOptional(step, 'scenario', scenario);
  const steps = draft.steps.slice();
  steps[k] = step;
  return { ...draft, steps };
}

function withOptional<K extends 'ask' | 'scenario'>(step: DraftStep, key: K, value: DraftStep[K] | null): DraftStep {
  const copy: { -readonly [P in keyof DraftStep]: DraftStep[P] } = { ...step };
  if (value === null) delete copy[key];
  else copy[key] = value as DraftStep[K];
  return copy;
}

/** The lesson's own fields replaced. */
export function updateLesson(
  draft: LessonDraft,
  patch: Partial<Pick<LessonDraft, 'title' | 'description' | 'hide'>>,
): LessonDraft {
  return { ...draft, ...patch };
}

/** A number as typed: the number when the text is one (a − sign read as -), else the text itself, for the codec to name. */
export function typedNumber(text: string): JsonValue {
  const t = text.trim().replace(/\u2212/g, '-');
  if (t === '') return text;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

/** Significant digits as typed: the whole number when the text is one, else the text itself. */
export function typedDigits(text: string): JsonValue {
  const t = text.trim();
  return /^[0-9]{1,3}$/.test(t) ? Number(t) : text;
}

/** The `backprop-lesson/1` document the draft makes, valid or not (the codec decides). */
export function draftDocument(draft: LessonDraft): JsonDocument {
  const doc: JsonDocument = { format: LESSON_FORMAT, title: draft.title };
  if (draft.description.trim() !== '') doc.description = draft.description;
  doc.scenario = draft.scenario;
  if (draft.hide.length > 0) doc.hide = draft.hide.slice();
  doc.steps = draft.steps.map((step) => {
    const out: JsonDocument = {};
    if (step.title.trim() !== '') out.title = step.title;
    out.text = step.text;
    if (Object.keys(step.view).length > 0) out.view = step.view;
    if (step.scenario !== undefined) out.scenario = step.scenario;
    if (step.ask !== undefined) out.ask = { of: step.ask.of.trim(), digits: typedDigits(step.ask.digits) };
    if (step.compare.length > 0)
      out.compare = step.compare.map((c) => ({ label: c.label, value: typedNumber(c.value), of: c.of.trim() }));
    return out;
  });
  return doc;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const numberText = (value: unknown): string =>
  typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
const documentOf = (value: unknown): JsonDocument | undefined =>
  isJsonObject(value) ? (value as JsonDocument) : undefined;

/**
 * A draft read back from a lesson document (a lesson imported to be edited, or a stored
 * draft's document): what it cannot hold as a draft field is left out, never thrown over.
 */
export function draftFromDocument(doc: unknown): LessonDraft {
  const d = documentOf(doc) ?? {};
  const rawSteps = Array.isArray(d.steps) ? d.steps : [];
  const steps: DraftStep[] = rawSteps.map((raw, n) => {
    const s = documentOf(raw) ?? {};
    let step: DraftStep = {
      id: n + 1,
      title: text(s.title),
      text: text(s.text),
      view: documentOf(s.view) ?? {},
      compare: (Array.isArray(s.compare) ? s.compare : []).map((c) => {
        const o = documentOf(c) ?? {};
        return { label: text(o.label), value: numberText(o.value), of: text(o.of) };
      }),
    };
    const scenario = documentOf(s.scenario);
    if (scenario !== undefined) step = { ...step, scenario };
    const ask = documentOf(s.ask);
    if (ask !== undefined) step = { ...step, ask: { of: text(ask.of), digits: numberText(ask.digits ?? 4) } };
    return step;
  });
  const scenario = d.scenario;
  return {
    title: text(d.title),
    description: text(d.description),
    scenario: typeof scenario === 'string' || isJsonObject(scenario) ? (scenario as JsonValue) : null,
    hide: (Array.isArray(d.hide) ? d.hide : []).filter((h): h is string => typeof h === 'string'),
    steps,
    nextId: steps.length + 1,
  };
}

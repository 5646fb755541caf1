import { DEFAULT_PRECISION } from '../core/format-number.ts';
import { temporal } from 'zundo';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { formatCodecError } from '../core/codec/codec-result.ts';
import { batchRange } from '../core/compile.ts';
import { parseScenario } from '../core/codec/parse-scenario.ts';
import { serializeScenario } from '../core/codec/serialize-scenario.ts';
import type { Scenario } from '../core/scenario.ts';
import { withBias, withSampleValue, withWeight } from '../core/scenario-edits.ts';
import { selectionExists, type Selection } from '../core/selection.ts';
import { loadPreset } from '../presets/index.ts';
import type { ActionContext } from './action-context.ts';
import type { AppState, AppStore, SessionInputs } from './app-actions.ts';
import { NO_RUN, shownStep, TEXT_SIZE_MAX, TEXT_SIZE_MIN, type AppInputs, type Notice } from './app-state.ts';
import { withLinkOptions } from './link-session.ts';
import { deriveInSlices, isHeavy, parameterCount } from './open-large.ts';
import { createSelectors } from './selectors.ts';
import { keepSettled } from './settled.ts';
import { createLessonActions } from './lesson-actions.ts';
import { createStepActions } from './step-actions.ts';
import { createTrainingActions } from './training-actions.ts';
import { asOneEntry, createGesture, undoOptions, type TrackedInputs } from './undo.ts';

export interface AppStoreOptions {
  /** undo entries to start with, oldest first (a saved session set aside by a share link) */
  readonly pastStates?: readonly TrackedInputs[];
}

/** The inputs of a fresh session on a scenario. */
export function initialInputs(
  scenario: Scenario,
  presetId: string | null = null,
  notice: Notice | null = null,
): AppInputs {
  return {
    scenario,
    presetId,
    optimizerState: null,
    position: 0,
    sample: 0,
    batchShown: null,
    selection: null,
    hover: null,
    playing: false,
    speed: 4,
    showZ: false,
    neuronPictures: false,
    precision: DEFAULT_PRECISION,
    followStep: true,
    run: NO_RUN,
    training: false,
    comparison: null,
    landscapePair: null,
    scrubbing: false,
    notice,
    presentation: false,
    worksheet: false,
    theme: 'system',
    textSize: 0,
    hidden: [],
    sideTab: 'math',
    lesson: null,
    lessonStep: 0,
    lessonAnswered: [],
  };
}

function finiteNotice(what: string, value: number): Notice {
  return { kind: 'error', text: `${what}: ${String(value)} is not a finite number; nothing was changed.` };
}

/**
 * A store for one session, starting from `initial` (its origin defaults to its scenario).
 * zundo's `temporal` is applied once, here at the root; see undo.ts for what it tracks.
 */
export function createAppStore(initial: AppInputs & Partial<SessionInputs>, options: AppStoreOptions = {}): AppStore {
  const selectors = createSelectors();
  const history = () => store.temporal;
  const store = createStore<AppState>()(
    subscribeWithSelector(
      temporal((set, get) => {
        const planLength = () => selectors.plan(get()).events.length;
        // the batch's size from its range, not from running the iteration (a training run reports every frame)
        const batchCount = (s: AppInputs) => {
          const c = selectors.compiled(s);
          return batchRange(c.data.count, c.batchSize, shownStep(s)).count;
        };
        const clampSample = (s: AppInputs) => Math.min(s.sample, batchCount(s) - 1);
        const gesture = createGesture(history, get);
        // A gesture spans a drag or a training run; while either lasts, the history waits.
        const syncGesture = () => {
          const { scrubbing, training } = get();
          if (scrubbing || training) gesture.begin();
          else gesture.end();
        };
        // After undo or redo the network may be another shape: keep the position, sample and
        // selection only where they still exist.
        const fitToScenario = () => {
          const s = get();
          const model = selectors.compiled(s).model;
          const fits = (sel: Selection | null) => (sel !== null && selectionExists(model, sel) ? sel : null);
          const position = Math.min(s.position, planLength());
          set({
            position,
            sample: Math.max(0, clampSample(s)),
            selection: fits(s.selection),
            hover: fits(s.hover),
            playing: s.playing && position < planLength(),
          });
        };

        const oneEntry = (change: () => void) => asOneEntry(history(), get, change);
        const context: ActionContext = { set, get, selectors, planLength, clampSample, oneEntry };
        // the opening in progress (openWhenReady), so that Cancel or another opening stops it
        let openingJob: AbortController | null = null;

        /**
         * Undo or redo. Onto a large scenario (isHeavy) it is an opening: derived in slices with
         * progress first, the page showing where it was meanwhile, then the history moves. Cancel
         * leaves everything where it was (the entry stays to undo or redo again); an edit made
         * meanwhile wins (the undo is dropped with a notice, the edit being the newest entry).
         */
        const travel = (direction: 'undo' | 'redo') => {
          const h = history();
          const list = direction === 'undo' ? h.getState().pastStates : h.getState().futureStates;
          const target = list[list.length - 1];
          const move = () => {
            if (direction === 'undo') h.getState().undo();
            else h.getState().redo();
            fitToScenario();
          };
          const scenario = target?.scenario;
          const state = target?.optimizerState ?? null;
          // one still kept by the selectors (shown a moment ago) comes back at once
          if (scenario === undefined || !isHeavy(scenario) || selectors.holds(scenario, state)) {
            move();
            return;
          }
          const what = direction === 'undo' ? 'the scenario your undo returns to' : 'the scenario your redo returns to';
          void get().openWhenReady(
            scenario,
            what,
            () => {
              const now = direction === 'undo' ? h.getState().pastStates : h.getState().futureStates;
              if (now[now.length - 1] === target) move();
              else
                set({
                  notice: {
                    kind: 'info',
                    text: `The ${direction} was dropped: the scenario changed while it was being prepared.`,
                  },
                });
            },
            state,
          );
        };

        return {
          ...initial,
          origin: initial.origin ?? initial.scenario,
          settled: { scenario: initial.scenario, optimizerState: initial.optimizerState, position: initial.position },
          opening: null,
          ...createStepActions(context),
          ...createTrainingActions(context, syncGesture),
          ...createLessonActions(context),

          loadPreset(id) {
            const scenario = loadPreset(id);
            if (scenario === null) {
              set({ notice: { kind: 'error', text: `There is no preset "${id}".` } });
              return;
            }
            get().loadScenario(scenario, id);
          },

          loadScenario(scenario, presetId = null, notice = null) {
            const {
              speed,
              showZ,
              neuronPictures,
              precision,
              followStep,
              presentation,
              worksheet,
              theme,
              textSize,
              lesson,
            } = get();
            // Another scenario leaves the lesson, and the controls it hid come back (a link's hide= stays).
            const hidden = lesson === null ? get().hidden : [];
            set({
              ...initialInputs(scenario, presetId, notice),
              origin: scenario,
              speed,
              showZ,
              neuronPictures,
              precision,
              followStep,
              presentation,
              worksheet,
              theme,
              textSize,
              hidden,
            });
          },

          openLink(scenario, hash) {
            get().loadScenario(scenario, null, { kind: 'info', text: 'Opened the scenario in the link.' });
            set(withLinkOptions({ ...get(), hidden: [] }, hash, true));
          },

          async openWhenReady(scenario, what, apply, optimizerState = null) {
            openingJob?.abort();
            openingJob = null;
            if (!isHeavy(scenario)) {
              set({ opening: null });
              apply();
              return true;
            }
            const job = new AbortController();
            openingJob = job;
            const parameters = parameterCount(scenario);
            set({ opening: { what, parameters, stage: 'reading', fraction: 0 } });
            const derived = await deriveInSlices(
              scenario,
              (stage, fraction) => {
                if (!job.signal.aborted) set({ opening: { what, parameters, stage, fraction } });
              },
              job.signal,
              optimizerState,
            );
            if (derived === null || job.signal.aborted) return false;
            openingJob = null;
            selectors.prime(scenario, derived);
            set({ opening: null });
            apply();
            return true;
          },

          async readBeforeOpening(what, read) {
            openingJob?.abort();
            const job = new AbortController();
            openingJob = job;
            set({ opening: { what, parameters: null, stage: 'reading the JSON', fraction: 0 } });
            const value = await read(job.signal);
            if (job.signal.aborted) return null;
            openingJob = null;
            set({ opening: null });
            return value;
          },

          restoreSession(inputs) {
            set({ ...inputs, origin: inputs.origin ?? inputs.scenario });
          },

          cancelOpening() {
            openingJob?.abort();
            openingJob = null;
            set({ opening: null });
          },

          resetToOrigin() {
            const { presetId, origin } = get();
            const fromPreset = presetId === null ? null : loadPreset(presetId);
            const what =
              fromPreset === null
                ? 'the scenario you opened'
                : `the preset${fromPreset.title ? ` "${fromPreset.title.split(':')[0]}"` : ''}`;
            get().loadScenario(fromPreset ?? origin, presetId, {
              kind: 'info',
              text: `Reset to ${what}. Undo (Ctrl+Z) brings your changes back.`,
            });
          },

          undo() {
            if (gesture.active) return;
            travel('undo');
          },
          redo() {
            if (gesture.active) return;
            travel('redo');
          },

          setWeight(l, j, i, value) {
            if (!Number.isFinite(value)) {
              set({ notice: finiteNotice('weight', value) });
              return false;
            }
            if (Object.is(get().scenario.weights[l]?.[j]?.[i], value)) return true;
            set({ scenario: withWeight(get().scenario, l, j, i, value) });
            return true;
          },

          setBias(l, j, value) {
            if (!Number.isFinite(value)) {
              set({ notice: finiteNotice('bias', value) });
              return false;
            }
            if (Object.is(get().scenario.biases[l]?.[j], value)) return true;
            set({ scenario: withBias(get().scenario, l, j, value) });
            return true;
          },

          setSampleValue(sample, field, i, value) {
            const what =
              field === 'x' ? `input x${i + 1} of sample ${sample + 1}` : `target y${i + 1} of sample ${sample + 1}`;
            if (!Number.isFinite(value)) {
              set({ notice: finiteNotice(what, value) });
              return false;
            }
            if (Object.is(get().scenario.data[sample]?.[field][i], value)) return true;
            const next = parseScenario(serializeScenario(withSampleValue(get().scenario, sample, field, i, value)));
            if (!next.ok) {
              set({
                notice: {
                  kind: 'error',
                  text: `${what}: ${String(value)} is not allowed; nothing was changed.`,
                  details: next.errors.map(formatCodecError),
                },
              });
              return false;
            }
            set({ scenario: next.value });
            return true;
          },

          changeScenario(edit, what) {
            const candidate = parseScenario(serializeScenario(edit(get().scenario)));
            if (!candidate.ok) {
              set({
                notice: {
                  kind: 'error',
                  text: `${what}: not possible; nothing was changed.`,
                  details: candidate.errors.map(formatCodecError),
                },
              });
              return false;
            }
            set({ scenario: candidate.value, optimizerState: null });
            const s = get();
            set({ position: Math.min(s.position, planLength()), sample: clampSample(s), selection: null });
            return true;
          },

          select(selection) {
            set({ selection });
          },
          setHover(hover) {
            set({ hover });
          },
          setSample(sample) {
            set({ sample: Math.max(0, Math.min(batchCount(get()) - 1, sample)) });
          },
          showSample(index) {
            const s = get();
            const c = selectors.compiled(s);
            if (!(index >= 0 && index < c.data.count)) return;
            const own = s.optimizerState?.t ?? 0;
            const batches = Math.ceil(c.data.count / c.batchSize);
            const batch = Math.floor(index / c.batchSize);
            // the step's own batch needs no picking; another is shown until the optimizer state moves on
            const batchShown = batch === own % batches ? null : { step: batch, at: s.optimizerState };
            set({ batchShown, sample: index - batch * c.batchSize });
          },
          setShowZ(showZ) {
            set({ showZ });
          },
          setNeuronPictures(neuronPictures) {
            set({ neuronPictures });
          },
          setPrecision(precision) {
            set({ precision });
          },
          showEditor(selection) {
            set({ selection, sideTab: 'math' });
          },
          setFollowStep(followStep) {
            set({ followStep });
          },

          setScrubbing(scrubbing) {
            set({ scrubbing });
            syncGesture();
          },
          setNotice(notice) {
            set({ notice });
          },
          setPresentation(presentation) {
            set({ presentation });
          },
          setWorksheet(worksheet) {
            // A lesson link that hides the worksheet switch decides whether blanks show.
            if (get().hidden.includes('worksheet')) return;
            set({ worksheet });
          },
          setTheme(theme) {
            set({ theme });
          },
          setTextSize(step) {
            const textSize = Math.max(TEXT_SIZE_MIN, Math.min(TEXT_SIZE_MAX, Math.round(step)));
            if (Number.isFinite(textSize)) set({ textSize });
          },
          setHidden(hidden) {
            set({ hidden });
          },
          setSideTab(sideTab) {
            set({ sideTab });
          },
          setLandscapePair(landscapePair) {
            set({ landscapePair });
          },
        };
      }, undoOptions<AppState>(options.pastStates)),
    ),
  ) as AppStore;
  keepSettled(store);
  return Object.assign(store, { selectors });
}

import { BUILT_IN_LESSON_ENTRIES } from '../lessons/catalog.ts';
import { PRESETS } from '../presets/index.ts';
import { lessonOpenedNotice } from '../store/lesson-notice.ts';
import { lessonScenarioName } from '../store/lesson-scenario-name.ts';
import { presetShown } from '../store/preset-shown.ts';
import { useAppStore } from './use-app-store.ts';

function documentTitle(document: unknown): string {
  const title = (document as { title?: unknown }).title;
  return typeof title === 'string' ? title : '';
}

/** A lesson's option value in the menu, apart from the presets' ids. */
const LESSON_OPTION = 'lesson:';

/**
 * The built-in presets; choosing one loads it (its notes show in the math panel until something
 * is selected). Each shows by its short name, whole even in a 1024 px toolbar; its full title
 * is the tooltip (and the heading of its notes). Below them, the built-in lessons: choosing one
 * opens it at its first step.
 */
export function PresetMenu() {
  const { presetId, loadPreset, openLesson } = useAppStore((s) => ({
    presetId: s.presetId,
    loadPreset: s.loadPreset,
    openLesson: s.openLesson,
  }));
  // a lesson's own scenario is named, not "Your scenario" (compared when a drag rests, not on its every frame)
  const fromLesson = useAppStore((s) =>
    lessonScenarioName({
      lesson: s.lesson,
      lessonStep: s.lessonStep,
      presetId: s.presetId,
      scenario: s.settled.scenario,
    }),
  );
  // the preset's name while its set-up is shown (trained or not); new data or another layer make it the user's own
  const shownId = useAppStore((s) =>
    s.presetId !== null && presetShown(s.presetId, s.settled.scenario) ? s.presetId : null,
  );
  const current = PRESETS.find((p) => p.id === shownId);
  const changedFrom = shownId === null ? PRESETS.find((p) => p.id === presetId) : undefined;
  // a preset's document brought back by a step (Mazur's own again) goes by the preset's short name
  const lessonName =
    fromLesson === null
      ? null
      : (PRESETS.find((p) => documentTitle(p.document) === fromLesson.name)?.name ?? fromLesson.name);
  const choose = (value: string) => {
    if (!value.startsWith(LESSON_OPTION)) {
      if (value) loadPreset(value);
      return;
    }
    // the lessons' documents load when one is opened, not with the page
    void import('../lessons/index.ts').then(({ loadLesson }) => {
      const lesson = loadLesson(value.slice(LESSON_OPTION.length));
      if (lesson !== null) openLesson(lesson, 0, lessonOpenedNotice(lesson.title));
    });
  };
  return (
    <label className="preset-menu">
      <span className="visually-hidden">Preset or lesson</span>
      <select
        value={shownId ?? ''}
        onChange={(e) => choose(e.target.value)}
        title={
          current
            ? documentTitle(current.document)
            : changedFrom
              ? `Your scenario, changed from the preset "${documentTitle(changedFrom.document)}" (Reset brings it back)`
              : fromLesson?.tooltip
        }
        data-testid="preset-menu"
      >
        {shownId === null && <option value="">{lessonName ?? 'Your scenario'}</option>}
        <optgroup label="Presets">
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id} title={documentTitle(p.document)}>
              {p.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Lessons, step by step" data-testid="lesson-list">
          {BUILT_IN_LESSON_ENTRIES.map((l) => (
            <option key={l.id} value={`${LESSON_OPTION}${l.id}`} title={l.tutorial}>
              {l.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}

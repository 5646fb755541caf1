import { BUILT_IN_LESSONS, loadLesson } from '../lessons/index.ts';
import { useAppStoreApi } from './use-app-store.ts';

function lessonTitle(document: unknown): string {
  const title = (document as { title?: unknown }).title;
  return typeof title === 'string' ? title : '';
}

/** The built-in lessons, beside the presets: choosing one opens it at its first step. */
export function LessonMenu() {
  const store = useAppStoreApi();
  return (
    <label className="preset-menu lesson-menu">
      <span className="visually-hidden">Lesson</span>
      <select
        value=""
        onChange={(e) => {
          const lesson = e.target.value === '' ? null : loadLesson(e.target.value);
          if (lesson !== null)
            store.getState().openLesson(lesson, 0, { kind: 'info', text: `Opened the lesson "${lesson.title}".` });
        }}
        data-testid="lesson-menu"
      >
        <option value="">Lessons…</option>
        {BUILT_IN_LESSONS.map((l) => (
          <option key={l.id} value={l.id} title={l.tutorial}>
            {lessonTitle(l.document)}
          </option>
        ))}
      </select>
    </label>
  );
}

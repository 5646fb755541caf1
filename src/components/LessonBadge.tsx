import { LESSON_LABELS } from '../store/lesson-link.ts';
import { useAppStore } from './use-app-store.ts';

/**
 * A quiet note that the lesson link hides some controls, naming them for a screen reader and
 * in the tooltip. While a lesson is followed its own panel names them (the toolbar has no room for both).
 */
export function LessonBadge() {
  const { hidden, lessonOpen } = useAppStore((s) => ({ hidden: s.hidden, lessonOpen: s.lesson !== null }));
  if (hidden.length === 0 || lessonOpen) return null;
  const names = hidden.map((c) => LESSON_LABELS[c].replace(/ \(.*\)$/, '').toLowerCase()).join(', ');
  return (
    <span className="lesson-badge" role="note" data-testid="lesson-badge" title={`Hidden by the lesson link: ${names}`}>
      Lesson<span className="lesson-badge-more">: some controls are hidden</span>
      <span className="visually-hidden"> ({names})</span>
    </span>
  );
}

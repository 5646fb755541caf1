import { useEffect, useMemo, useRef, useState } from 'react';
import { parseStepText } from '../core/lesson-text.ts';
import { LESSON_LABELS } from '../store/lesson-link.ts';
import { LessonAskBox, LessonCompareTable } from './LessonChecks.tsx';
import './lesson.css';
import { LessonText } from './LessonText.tsx';
import { shortcutLabel } from './shortcuts.ts';
import { useAppStore } from './use-app-store.ts';

/**
 * The lesson being followed: the step's title and text (live values linked to the diagram),
 * its ask or its printed numbers, previous / next (buttons and PageUp / PageDown), "step K of
 * N", and leaving the lesson.
 */
export function LessonPanel() {
  const { lesson, k, answered, hidden, lessonNext, lessonPrevious, closeLesson } = useAppStore((s) => ({
    lesson: s.lesson,
    hidden: s.hidden,
    k: s.lessonStep,
    answered: s.lessonAnswered.includes(s.lessonStep),
    lessonNext: s.lessonNext,
    lessonPrevious: s.lessonPrevious,
    closeLesson: s.closeLesson,
  }));
  const step = lesson?.steps[k];
  const parsed = useMemo(() => parseStepText(step?.text ?? ''), [step]);
  const { scrollRef, more, showMore } = useMoreBelow(step);
  if (lesson === null || step === undefined) return null;
  const n = lesson.steps.length;
  const held = step.ask !== undefined && !answered;
  const nextKey = shortcutLabel('lesson-next');
  const previousKey = shortcutLabel('lesson-previous');
  return (
    <section className="lesson-panel" aria-label={`Lesson: ${lesson.title}`} data-testid="lesson-panel">
      <span className="lesson-nav">
        <button
          type="button"
          onClick={lessonPrevious}
          disabled={k === 0}
          data-testid="lesson-previous"
          title={`Previous step (${previousKey})`}
        >
          ‹<span className="lesson-nav-word"> Previous</span>
        </button>
        <span className="lesson-count" data-testid="lesson-count" aria-live="polite">
          step {k + 1} of {n}
        </span>
        <button
          type="button"
          onClick={() => lessonNext()}
          disabled={k === n - 1 || held}
          data-testid="lesson-next"
          title={held ? 'Answer the question (or press “Show me”) to go on' : `Next step (${nextKey})`}
        >
          <span className="lesson-nav-word">Next </span>›
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={closeLesson}
          data-testid="lesson-close"
          aria-label="Close the lesson"
          title="Close the lesson"
        >
          ×
        </button>
      </span>
      {/* the step scrolls under previous / next; the cue of what is under its fold has a strip of its own below it, so it hides none of it */}
      <div ref={scrollRef} className="lesson-scroll" data-testid="lesson-scroll">
        <header className="lesson-head">
          <span className="lesson-title muted">{lesson.title}</span>
          <h2 className="lesson-step-title" data-testid="lesson-step-title">
            {step.title ?? `Step ${k + 1}`}
          </h2>
        </header>
        <div className="lesson-body">
          <LessonText parsed={parsed} />
          {(step.ask !== undefined || (step.compare ?? []).length > 0) && (
            <div className="lesson-side">
              {step.ask !== undefined && <LessonAskBox ask={step.ask} answered={answered} stepKey={k} />}
              {step.compare !== undefined && step.compare.length > 0 && <LessonCompareTable entries={step.compare} />}
            </div>
          )}
        </div>
        {hidden.length > 0 && (
          <p className="lesson-hidden muted" data-testid="lesson-hidden">
            Hidden by the lesson: {hidden.map((c) => LESSON_LABELS[c].replace(/ \(.*\)$/, '').toLowerCase()).join(', ')}
            .
          </p>
        )}
      </div>
      {more && (
        <button type="button" className="lesson-more" onClick={showMore} data-testid="lesson-more">
          ↓ more below
        </button>
      )}
    </section>
  );
}

/**
 * A step longer than the lesson column (its printed numbers under the fold at 1366×768): whether
 * there is more below to scroll to, and a step that starts at its top, not where the previous
 * one was scrolled to.
 */
function useMoreBelow(step: unknown) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);
  /** the panel this effect last ran on: a panel just mounted starts at its top already */
  const scrolled = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const panel = scrollRef.current;
    if (panel === null) return;
    // (setting scrollTop lays the page out there and then: opening a lesson, 30 ms in its task)
    if (scrolled.current === panel) panel.scrollTop = 0;
    scrolled.current = panel;
    // anything under the fold, the hidden-controls note under the step too (a part of a line
    // cut at the bottom is more below). The cue's strip takes its room from the box: while it
    // shows, that room counts as the box's, else a step that fits without the strip kept the cue.
    const measure = () => {
      const cue = panel.nextElementSibling;
      const strip = cue === null ? 0 : cue.getBoundingClientRect().bottom - panel.getBoundingClientRect().bottom;
      setMore(panel.scrollHeight - panel.scrollTop - panel.clientHeight - strip > 1);
    };
    // Measured when the observer first reports (after the frame's layout), not here: a read of
    // the layout here forced the whole page's layout (the diagram's too) into the task that
    // opens the lesson. The step's math is typeset after the first paint: its height changes
    // the answer too.
    const observer = new ResizeObserver(measure);
    observer.observe(panel);
    for (const child of Array.from(panel.children)) observer.observe(child);
    panel.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      panel.removeEventListener('scroll', measure);
    };
  }, [step]);
  const showMore = () => {
    const panel = scrollRef.current;
    if (panel !== null) panel.scrollTo({ top: panel.scrollHeight });
  };
  return { scrollRef, more, showMore };
}

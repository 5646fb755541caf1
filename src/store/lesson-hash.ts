import { compressToEncodedURIComponent } from 'lz-string';
import { codecFail, codecOk, type CodecResult } from '../core/codec/codec-result.ts';
import { decompressUriCapped } from '../core/codec/lz-uri.ts';
import { parseLessonJson } from '../core/codec/parse-lesson.ts';
import { formatLimit } from '../core/codec/read-json.ts';
import { lessonToJson } from '../core/codec/serialize-lesson.ts';
import { LESSON_LIMITS, type Lesson } from '../core/lesson.ts';
import { PRESET_CATALOG } from '../presets/index.ts';

const PREFIX = 'lesson=';
const STEP = 'step=';

const payloadOf = new WeakMap<Lesson, string>();

/** The lesson's link payload: compressToEncodedURIComponent of its canonical JSON (computed once per lesson). */
function lessonPayload(lesson: Lesson): string {
  let payload = payloadOf.get(lesson);
  if (payload === undefined) {
    payload = compressToEncodedURIComponent(lessonToJson(lesson, 0));
    payloadOf.set(lesson, payload);
  }
  return payload;
}

/** The URL hash that opens this lesson at step `k` (0-based): `#lesson=…&step=K` with K 1-based, as the spec writes it. */
export function lessonHash(lesson: Lesson, k: number): string {
  return `#${PREFIX}${lessonPayload(lesson)}&${STEP}${k + 1}`;
}

/** A lesson link read: the lesson, the step to open at (0-based), and what about the step was ignored. */
export interface LessonLink {
  readonly lesson: Lesson;
  readonly step: number;
  readonly notes: readonly string[];
}

function parts(hash: string): string[] {
  return (hash.startsWith('#') ? hash.slice(1) : hash).split('&');
}

/** True when the hash is a lesson link (it has `lesson=`). */
export function isLessonHash(hash: string): boolean {
  return parts(hash).some((p) => p.startsWith(PREFIX));
}

/**
 * The lesson of a `#lesson=…&step=K` hash, null when the hash holds none, or the errors that
 * say why it cannot be opened (cut short, corrupted, longer than a lesson may be, or a lesson
 * the codec rejects, with its path-named errors). A step that is not one of the lesson's opens
 * at the nearest one and says so. Never throws.
 */
export function readLessonHash(hash: string): CodecResult<LessonLink> | null {
  const all = parts(hash);
  const param = all.find((p) => p.startsWith(PREFIX));
  if (param === undefined) return null;
  const payload = param.slice(PREFIX.length);
  const fail = (message: string) => codecFail<LessonLink>([{ path: 'lesson link', message }]);
  if (payload === '') return fail('the link has no lesson after #lesson= (was it cut short?)');
  const text = decompressUriCapped(payload, LESSON_LIMITS.document);
  if (!text.ok && text.reason === 'too-long')
    return fail(
      `the lesson in the link would be more than ${formatLimit(LESSON_LIMITS.document)} characters, the most a lesson may have: it was not opened`,
    );
  if (!text.ok || text.text === '')
    return fail('the lesson in the link cannot be decompressed: the link was cut short or corrupted');
  const result = parseLessonJson(text.text, PRESET_CATALOG);
  if (!result.ok) {
    const cutShort = result.errors.some((e) => e.message.startsWith('not valid JSON'));
    return cutShort
      ? codecFail([
          { path: 'lesson link', message: 'the lesson in the link is incomplete: the link was cut short or corrupted' },
          ...result.errors,
        ])
      : result;
  }
  const lesson = result.value;
  const notes: string[] = [];
  let step = 0;
  const stepParam = all.find((p) => p.startsWith(STEP));
  if (stepParam !== undefined) {
    const value = stepParam.slice(STEP.length);
    const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    const count = lesson.steps.length;
    if (Number.isNaN(n)) notes.push(`"step=${value.slice(0, 20)}": not a step number; the lesson opens at step 1`);
    else if (n < 1 || n > count)
      notes.push(
        `"step=${n}": the lesson has ${count} step${count === 1 ? '' : 's'} (1 to ${count}); it opens at step ${n < 1 ? 1 : count}`,
      );
    if (!Number.isNaN(n)) step = Math.max(0, Math.min(count - 1, n - 1));
  }
  return codecOk({ lesson, step, notes });
}

import { describe, expect, it } from 'vitest';
import { lessonOpenedNotice } from '../../src/store/lesson-notice.ts';

/** The notice an opened lesson leaves: quiet when the lesson's column says it all, shown when it says more. */
describe('lessonOpenedNotice', () => {
  it('a plain "Opened the lesson" is quiet (announced, not drawn)', () => {
    expect(lessonOpenedNotice("Mazur's example, step by step")).toEqual({
      kind: 'info',
      text: `Opened the lesson "Mazur's example, step by step".`,
      quiet: true,
    });
    expect(lessonOpenedNotice('A', { from: 'of the pasted link' })).toEqual({
      kind: 'info',
      text: 'Opened the lesson "A" of the pasted link.',
      quiet: true,
    });
  });
  it("with the undo hint of a saved session set aside, or a link's notes, it shows", () => {
    const hint = 'Your saved session was set aside: Undo (Ctrl+Z) brings it back.';
    const withHint = lessonOpenedNotice('A', { more: hint });
    expect(withHint.text).toBe(`Opened the lesson "A". ${hint}`);
    expect(withHint.quiet).toBeUndefined();
    const withNotes = lessonOpenedNotice('A', { details: ['step 40 is past the last step (12): step 12 is shown'] });
    expect(withNotes.details).toHaveLength(1);
    expect(withNotes.quiet).toBeUndefined();
    expect(lessonOpenedNotice('A', { details: [] }).quiet).toBe(true);
  });
});

import type { Notice } from './app-state.ts';

/**
 * The notice a lesson leaves when it opens ("Opened the lesson …"). The lesson's column, which
 * names the lesson, is the confirmation a sighted user needs, so the plain notice is quiet:
 * announced to screen readers, not drawn over the page. One that says more shows, closable:
 * `more` (the saved session set aside and how Undo brings it back) or a link's `details`.
 */
export function lessonOpenedNotice(
  title: string,
  { from, more, details }: { from?: string; more?: string; details?: readonly string[] } = {},
): Notice {
  const hasDetails = details !== undefined && details.length > 0;
  return {
    kind: 'info',
    text: `Opened the lesson "${title}"${from === undefined ? '' : ` ${from}`}.${more === undefined ? '' : ` ${more}`}`,
    ...(hasDetails ? { details } : {}),
    ...(more === undefined && !hasDetails ? { quiet: true } : {}),
  };
}

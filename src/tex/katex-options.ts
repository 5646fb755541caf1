/**
 * The one set of KaTeX options every math string is rendered with. Typed structurally so
 * that src/tex stays free of katex; the object is assignable to katex's KatexOptions.
 * `trust` admits \htmlData alone: it carries the term ids (`data-key`) the panel links to
 * the diagram.
 */
export interface TexRenderOptions {
  readonly throwOnError: boolean;
  readonly strict: boolean;
  readonly trust: (context: { readonly command: string }) => boolean;
  readonly output?: 'html' | 'mathml' | 'htmlAndMathml';
}

const trustHtmlData = (context: { readonly command: string }): boolean => context.command === String.raw`\htmlData`;

/** For the app: a bad string renders as red source text rather than throwing. */
export const katexOptions: TexRenderOptions = { throwOnError: false, strict: false, trust: trustHtmlData };

/** For tests: the same options, but any parse error throws. */
export const testOptions: TexRenderOptions = { ...katexOptions, throwOnError: true };

/** For a lesson's text, written by anyone: `trust` off (lesson spec), a bad string shown as red source. */
export const lessonKatexOptions: TexRenderOptions = { ...katexOptions, trust: () => false };

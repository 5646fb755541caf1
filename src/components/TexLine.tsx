import katex from 'katex';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { katexOptions } from '../tex/katex-options.ts';
import type { Line } from '../tex/line.ts';
import { keepFitted } from './tex-fit.ts';

/**
 * One equation of a derivation, rendered by KaTeX (bad TeX shows as red source, never a
 * crash), shrunk to the panel's width where it is wider (never below a readable size: a longer
 * line breaks between its terms instead; see tex-fit.ts), and its note.
 */
export const TexLine = memo(function TexLine({ line }: { line: Line }) {
  const html = useMemo(() => katex.renderToString(line.tex, { ...katexOptions, displayMode: true }), [line.tex]);
  const box = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = box.current;
    return el ? keepFitted(el) : undefined;
  }, [html]);

  return (
    <div className="math-line" data-value={line.value === undefined ? undefined : String(line.value)}>
      <div ref={box} className="math-tex" dangerouslySetInnerHTML={{ __html: html }} />
      {line.note && <div className="math-note">{line.note}</div>}
    </div>
  );
});

import katex from 'katex';
import { useMemo } from 'react';
import { katexOptions } from '../tex/katex-options.ts';
import type { Line } from '../tex/line.ts';

/** One equation of a derivation, rendered by KaTeX (bad TeX shows as red source, never a crash), and its note. */
export function TexLine({ line }: { line: Line }) {
  const html = useMemo(() => katex.renderToString(line.tex, { ...katexOptions, displayMode: true }), [line.tex]);
  return (
    <div className="math-line" data-value={line.value === undefined ? undefined : String(line.value)}>
      <div dangerouslySetInnerHTML={{ __html: html }} />
      {line.note && <div className="math-note">{line.note}</div>}
    </div>
  );
}

import katex from 'katex';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { katexOptions } from '../tex/katex-options.ts';
import type { Line } from '../tex/line.ts';

/**
 * How small a line's type may get in fitting the panel before it scrolls instead: below about
 * 12 px (the formula's base size, its sub- and superscripts smaller still) it is hard to read,
 * on a laptop and from the back of a classroom alike.
 */
const MIN_PX = 12;
/** Never shrunk by more than this, however large the type. */
const MIN_SCALE = 0.62;

/**
 * One equation of a derivation, rendered by KaTeX (bad TeX shows as red source, never a
 * crash), shrunk to the panel's width where it is wider (never below MIN_PX: a longer line
 * scrolls sideways instead), and its note.
 */
export const TexLine = memo(function TexLine({ line }: { line: Line }) {
  const html = useMemo(() => katex.renderToString(line.tex, { ...katexOptions, displayMode: true }), [line.tex]);
  const box = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = () => {
      el.style.fontSize = '';
      const katexEl = el.querySelector('.katex');
      const px = katexEl ? parseFloat(getComputedStyle(katexEl).fontSize) : NaN;
      const floor = px > 0 ? Math.min(1, Math.max(MIN_SCALE, Math.ceil((MIN_PX / px) * 1000) / 1000)) : MIN_SCALE;
      let scale = 1;
      // KaTeX sizes are nearly all in em, so the width scales with the font; a second pass mends rounding.
      for (let pass = 0; pass < 3 && el.scrollWidth > el.clientWidth && el.clientWidth > 0 && scale > floor; pass++) {
        scale = Math.max(floor, Math.floor(((scale * el.clientWidth) / el.scrollWidth) * 1000) / 1000 - 0.002);
        el.style.fontSize = `${scale}em`;
      }
      // A line that still scrolls must be reachable from the keyboard (to scroll it with the arrows).
      if (el.scrollWidth > el.clientWidth) el.tabIndex = 0;
      else el.removeAttribute('tabindex');
    };
    fit();
    // Only a change of width can change the fit: a height change (its own shrinking, a
    // neighbour's text during a drag) is skipped without reading the layout.
    let width = -1;
    const observer = new ResizeObserver(([entry]) => {
      if (entry.contentRect.width === width) return;
      width = entry.contentRect.width;
      fit();
    });
    observer.observe(el.parentElement ?? el);
    // KaTeX's fonts arrive after the first render and change every width.
    document.fonts.addEventListener('loadingdone', fit);
    return () => {
      observer.disconnect();
      document.fonts.removeEventListener('loadingdone', fit);
    };
  }, [html]);

  return (
    <div className="math-line" data-value={line.value === undefined ? undefined : String(line.value)}>
      <div ref={box} className="math-tex" dangerouslySetInnerHTML={{ __html: html }} />
      {line.note && <div className="math-note">{line.note}</div>}
    </div>
  );
});

import katex from 'katex';
import { memo, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { formatTexNumber, formatValue } from '../core/format-number.ts';
import { resolveQuantity } from '../core/lesson-quantity.ts';
import { MATH_REF, type LessonInline, type ParsedLessonText } from '../core/lesson-text.ts';
import { parseQuantityRef, quantityRefKey, quantityRefProblem, type QuantityRef } from '../core/quantity-ref.ts';
import { quantitySelection } from '../core/quantity-selection.ts';
import { sameSelection } from '../core/selection.ts';
import { lessonKatexOptions } from '../tex/katex-options.ts';
import { fullValueProps } from './Num.tsx';
import { keepFitted } from './tex-fit.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

/** A piece of a lesson's TeX, typeset by KaTeX with `trust` off (bad TeX shows as red source). */
export const LessonMath = memo(function LessonMath({ tex, display }: { tex: string; display: boolean }) {
  const html = useMemo(
    () => katex.renderToString(tex, { ...lessonKatexOptions, displayMode: display }),
    [tex, display],
  );
  return display ? (
    <DisplayMath html={html} />
  ) : (
    <span className="lesson-math" dangerouslySetInnerHTML={{ __html: html }} />
  );
});

/**
 * A display line, shrunk to the lesson column where it is wider, as the math panel's lines are
 * (tex-fit.ts: presentation mode's type on a laptop's screen ran numpy-341's code lines and the
 * little network's equation 9 up to 100 px past the column, where it had to be scrolled).
 */
function DisplayMath({ html }: { html: string }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    return el ? keepFitted(el) : undefined;
  }, [html]);
  return <div ref={box} className="lesson-math-display" dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * Math that holds `{{…}}` references (`$i_1 = {{x:0}}$`): each is typeset as its live value at
 * the user's precision; a reference that names nothing stays as its source.
 */
function MathWithRefs({ tex, display }: { tex: string; display: boolean }) {
  const store = useAppStoreApi();
  const live = useAppStore((s) => {
    const ctx = store.selectors.quantityContext(s);
    return tex.replace(MATH_REF, (_match, source: string) => {
      const read = parseQuantityRef(source.trim());
      if (!read.ok || quantityRefProblem(ctx.compiled.model, read.ref) !== null)
        return String.raw`\text{${source.replace(/[{}\\$#%&_^~]/g, '')}}`;
      return `{${formatTexNumber(resolveQuantity(ctx, read.ref), s.precision)}}`;
    });
  });
  return <LessonMath tex={live} display={display} />;
}

/**
 * A live `{{…}}` value: the quantity in the iteration shown, at the user's precision, following
 * every edit; hovering it lights its element on the diagram, clicking selects it, and it is
 * marked while its element is selected (the link both ways).
 */
function LiveValue({ refQ, source }: { refQ: QuantityRef; source: string }) {
  const store = useAppStoreApi();
  const { value, problem, precision, selected, depth } = useAppStore((s) => {
    const ctx = store.selectors.quantityContext(s);
    const problem = quantityRefProblem(ctx.compiled.model, refQ);
    const depth = ctx.compiled.model.depth;
    return {
      value: problem === null ? resolveQuantity(ctx, refQ) : NaN,
      problem,
      precision: s.precision,
      depth,
      selected: sameSelection(s.selection, quantitySelection(refQ, depth)),
    };
  });
  const sel = quantitySelection(refQ, depth);
  if (problem !== null)
    return (
      <span className="lesson-ref lesson-ref-missing" title={`{{${source}}}: ${problem}`}>
        —
      </span>
    );
  const text = formatValue(value, precision);
  return (
    <button
      type="button"
      className={selected ? 'lesson-ref selected' : 'lesson-ref'}
      data-testid="lesson-ref"
      data-ref={quantityRefKey(refQ)}
      data-value={String(value)}
      aria-pressed={selected}
      aria-label={`${source} = ${text}; select it on the diagram`}
      onClick={() => store.getState().select(sel)}
      onMouseEnter={() => store.getState().setHover(sel)}
      onMouseLeave={() => store.getState().setHover(null)}
      {...fullValueProps(value, text)}
    >
      {text}
    </button>
  );
}

function inline(node: LessonInline, k: number): ReactNode {
  switch (node.kind) {
    case 'text':
      return <span key={k}>{node.text}</span>;
    case 'strong':
      return <strong key={k}>{inlines(node.children)}</strong>;
    case 'em':
      return <em key={k}>{inlines(node.children)}</em>;
    case 'math':
      return node.tex.includes('{{') ? (
        <MathWithRefs key={k} tex={node.tex} display={node.display} />
      ) : (
        <LessonMath key={k} tex={node.tex} display={node.display} />
      );
    case 'ref':
      return <LiveValue key={k} refQ={node.ref} source={node.source} />;
  }
}

/** Inline math or a live value: a box the browser may break a line after, leaving "." alone at the start of the next. */
function isBox(node: LessonInline | undefined): boolean {
  return node !== undefined && ((node.kind === 'math' && !node.display) || node.kind === 'ref');
}

const LEADING_PUNCTUATION = /^[.,;:!?)\]’”"]+/;
const TRAILING_OPENER = /[([‘“"]$/;

/**
 * The nodes in order, where a box (inline math, a live value) is kept on one line with the
 * punctuation that touches it: "$x$." never leaves the "." at the start of a line, nor "($x$"
 * the "(" at the end of one.
 */
function inlines(nodes: readonly LessonInline[]): ReactNode[] {
  const out: ReactNode[] = [];
  let carry = ''; // punctuation already glued to the box before it
  let pendingOpener = ''; // an opening bracket glued to the box after it
  nodes.forEach((node, k) => {
    if (node.kind === 'text') {
      let text = carry === '' ? node.text : node.text.slice(carry.length);
      carry = '';
      if (text === '') return;
      const next = nodes[k + 1];
      let opener = '';
      if (isBox(next)) {
        const m = TRAILING_OPENER.exec(text);
        if (m !== null) {
          opener = m[0];
          text = text.slice(0, -opener.length);
        }
      }
      if (text !== '') out.push(<span key={k}>{text}</span>);
      if (opener !== '') pendingOpener = opener;
      return;
    }
    if (!isBox(node)) {
      out.push(inline(node, k));
      return;
    }
    const after = nodes[k + 1];
    const closer = after?.kind === 'text' ? (LEADING_PUNCTUATION.exec(after.text)?.[0] ?? '') : '';
    const opener = pendingOpener;
    pendingOpener = '';
    carry = closer;
    if (opener === '' && closer === '') {
      out.push(inline(node, k));
      return;
    }
    out.push(
      <span key={k} className="lesson-nowrap">
        {opener}
        {inline(node, k)}
        {closer}
      </span>,
    );
  });
  return out;
}

/** A step's text, rendered node by node from parseStepText's tree (never as HTML). */
export function LessonText({ parsed }: { parsed: ParsedLessonText }) {
  return (
    <div className="lesson-text" data-testid="lesson-text">
      {parsed.paragraphs.map((p, k) => (
        <p key={k}>{inlines(p.children)}</p>
      ))}
    </div>
  );
}

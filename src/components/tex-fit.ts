/**
 * Fitting typeset lines to their panel's width, all the lines at once. A line is shrunk where
 * it is wider than its box (never below MIN_PX, nor below MIN_SCALE of its type); a line still
 * too wide breaks after its top-level =, + and − signs (WRAP), never inside a product or a
 * parenthesis, as print sets a long equation, so nothing of it is hidden past the panel's edge;
 * only a single unbreakable piece wider than the panel shrinks on, then scrolls sideways. Each
 * fit reads the layout and writes a font size; done line by line, every read after another
 * line's write forced the whole page's style and layout again (a derivation of 20 lines cost
 * some 40 layouts of the page with its diagram: 150–250 ms on opening a lesson). Here the lines
 * asked for in one task are fitted together in a microtask (still before the frame is
 * painted), each phase for every line: the writes, then the reads, so a few layouts in all.
 */

/**
 * How small a line's type may get in fitting the panel before it scrolls instead: below about
 * 12 px (the formula's base size, its sub- and superscripts smaller still) it is hard to read,
 * on a laptop and from the back of a classroom alike.
 */
const MIN_PX = 12;
/**
 * Never shrunk below this share of the panel's type, however large the type: past it a line
 * breaks instead. At 0.62 a long line in presentation mode at 1366×768 was set at 12 px beside
 * 19 px text, too small to read from the back of a classroom; a line or two more is cheaper.
 */
const MIN_SCALE = 0.8;
/** How far a piece that cannot break (a code line, a bracket) still shrinks before it scrolls. */
const UNBREAKABLE_SCALE = 0.62;
/** The class that lets a line too wide at MIN_PX break between KaTeX's pieces (app.css). */
const WRAP = 'math-wrap';
/** Correction passes (KaTeX sizes are nearly all in em, so one scales the width; the others mend rounding). */
const PASSES = 3;

/** The lines on the page (refitted when KaTeX's fonts arrive). */
const mounted = new Set<HTMLElement>();
/** The lines waiting for the next fit. */
const pending = new Set<HTMLElement>();
/**
 * Each line's size at its last fit: only a change of width (the panel's) or of height (its type's
 * size, as presentation mode changes it with the panel's width unchanged) can change the fit.
 */
const fittedSize = new WeakMap<Element, { width: number; height: number }>();
let scheduled = false;
let observer: ResizeObserver | null = null;

interface Fit {
  readonly el: HTMLElement;
  /** the line's type in px, unfitted */
  readonly px: number;
  scale: number;
  client: number;
  scroll: number;
}

/** The least scale of a line of `px` type: never below MIN_PX, nor below `least` of its type. */
function floorOf(px: number, least: number): number {
  return px > 0 ? Math.min(1, Math.max(least, Math.ceil((MIN_PX / px) * 1000) / 1000)) : least;
}

/** Shrinks the lines wider than their box toward `least` of their type (correction passes, each a write phase then a read phase). */
function shrink(fits: readonly Fit[], least: number): void {
  for (let pass = 0; pass < PASSES; pass++) {
    const wide = fits.filter((f) => f.scroll > f.client && f.client > 0 && f.scale > floorOf(f.px, least));
    if (wide.length === 0) break;
    for (const f of wide) {
      f.scale = Math.max(floorOf(f.px, least), Math.floor(((f.scale * f.client) / f.scroll) * 1000) / 1000 - 0.002);
      f.el.style.fontSize = `${f.scale}em`;
    }
    for (const f of wide) {
      f.client = f.el.clientWidth;
      f.scroll = f.el.scrollWidth;
    }
  }
}

const tooWide = (f: Fit) => f.scroll > f.client && f.client > 0;

/** A product's operator (the text of KaTeX's .mbin). */
const PRODUCT_END = /[⋅×]$/;

/** How far a piece of the line opens parentheses (its own top-level ( less its )). */
function parensOpened(piece: Element): number {
  let n = 0;
  for (const el of Array.from(piece.children)) {
    if (el.classList.contains('mopen')) n++;
    else if (el.classList.contains('mclose')) n--;
  }
  return n;
}

/** The piece ends in a product's operator (its last atom before the space after it). */
function endsInProduct(piece: Element): boolean {
  let op = piece.lastElementChild;
  while (op !== null && op.classList.contains('mspace')) op = op.previousElementSibling;
  return op !== null && op.classList.contains('mbin') && PRODUCT_END.test(op.textContent ?? '');
}

/**
 * Joins each of the line's pieces that ends in · or ×, or inside parentheses, with the piece
 * after it: KaTeX lets a line break after every top-level operator, but a long equation in
 * print breaks between the terms of its sums, never inside a product ("1·5 + 0·" above
 * "3 + 0 = 2") or a parenthesis ("0.99·(1 −" above "0.99)"). Idempotent.
 */
function keepTermsWhole(line: HTMLElement): void {
  const html = line.querySelector('.katex-html');
  if (html === null) return;
  let depth = 0;
  for (let piece = html.firstElementChild; piece !== null;) {
    const next = piece.nextElementSibling;
    if (!piece.classList.contains('base') || next === null || !next.classList.contains('base')) {
      piece = next;
      continue;
    }
    depth += parensOpened(piece);
    if (depth > 0 || endsInProduct(piece)) {
      // the joined piece's parentheses are counted again with the next one's
      depth -= parensOpened(piece);
      piece.append(...Array.from(next.childNodes));
      next.remove();
    } else piece = next;
  }
}

/** Fits `els` together: every write of a phase, then every read. */
function fitAll(els: readonly HTMLElement[]): void {
  for (const el of els) {
    el.style.fontSize = '';
    el.classList.remove(WRAP);
  }
  const fits: Fit[] = els.map((el) => {
    const katexEl = el.querySelector('.katex');
    return { el, px: katexEl ? parseFloat(getComputedStyle(katexEl).fontSize) : NaN, scale: 1, client: 0, scroll: 0 };
  });
  for (const f of fits) {
    f.client = f.el.clientWidth;
    f.scroll = f.el.scrollWidth;
  }
  shrink(fits, MIN_SCALE);
  const still = fits.filter(tooWide);
  for (const f of still) {
    keepTermsWhole(f.el);
    f.el.classList.add(WRAP);
  }
  for (const f of still) f.scroll = f.el.scrollWidth;
  // a piece that cannot break and is still wider than the box (a long code line, a bracket)
  // shrinks on to UNBREAKABLE_SCALE before it scrolls
  shrink(still.filter(tooWide), UNBREAKABLE_SCALE);
  for (const f of fits) {
    // A line that still scrolls must be reachable from the keyboard (to scroll it with the arrows).
    if (f.scroll > f.client) f.el.tabIndex = 0;
    else f.el.removeAttribute('tabindex');
    fittedSize.set(f.el, { width: f.client, height: f.el.clientHeight });
  }
}

function flush(): void {
  scheduled = false;
  const els = [...pending].filter((el) => mounted.has(el) && el.isConnected);
  pending.clear();
  if (els.length > 0) fitAll(els);
}

function request(el: HTMLElement): void {
  pending.add(el);
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(flush);
}

const refitAll = () => mounted.forEach(request);

/** One observer for every line. Its first report of a line fitted since is skipped when the size is the one fitted to. */
function lineObserver(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    for (const { target, contentRect } of entries) {
      const size = fittedSize.get(target);
      // clientWidth/Height (at the fit) are the content box rounded to a pixel: the line has no padding
      if (
        size === undefined ||
        Math.abs(contentRect.width - size.width) >= 1 ||
        Math.abs(contentRect.height - size.height) >= 1
      )
        request(target as HTMLElement);
    }
  });
  return observer;
}

/**
 * Keeps `el` (a line's box, its KaTeX inside, no padding) fitted to its width from now on: at
 * once (before the next paint), when its width changes, and when KaTeX's fonts arrive. Returns
 * the release, for when the line goes or is typeset anew.
 */
export function keepFitted(el: HTMLElement): () => void {
  if (mounted.size === 0) document.fonts.addEventListener('loadingdone', refitAll);
  mounted.add(el);
  fittedSize.delete(el);
  request(el);
  lineObserver().observe(el);
  return () => {
    mounted.delete(el);
    pending.delete(el);
    observer?.unobserve(el);
    if (mounted.size === 0) document.fonts.removeEventListener('loadingdone', refitAll);
  };
}

// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TexLine } from '../../src/components/TexLine.tsx';
import { installJsdomShims } from '../helpers/jsdom-shims.ts';

/**
 * A stand-in for the browser's layout, enough to count what fitting costs: a write of a
 * font size marks the page dirty, and a read of a width or a computed style while it is
 * dirty is a forced style and layout pass (a "flush"). Each line's box is WIDTH wide; its
 * content is as wide as its text at full size times the font scale it was given.
 */
const WIDTH = 300;
const KATEX_PX = 16;
const PX_PER_CHAR = 4;
let dirty = true;
let flushes = 0;
const flush = () => {
  if (dirty) flushes++;
  dirty = false;
};
const scaleOf = (el: HTMLElement) => (el.style.fontSize === '' ? 1 : parseFloat(el.style.fontSize));
const naturalWidth = (el: HTMLElement) => (el.textContent ?? '').length * PX_PER_CHAR;

const restore: (() => void)[] = [];
function patch<T extends object>(target: T, key: string, descriptor: PropertyDescriptor) {
  const before = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
  restore.push(() => (before ? Object.defineProperty(target, key, before) : delete (target as never)[key]));
}

beforeAll(() => {
  installJsdomShims();
  const style = Object.getPrototypeOf(document.createElement('div').style) as object;
  const fontSize = Object.getOwnPropertyDescriptor(style, 'fontSize')!;
  patch(style, 'fontSize', {
    get: fontSize.get,
    set(this: CSSStyleDeclaration, v: string) {
      dirty = true;
      fontSize.set!.call(this, v);
    },
  });
  patch(HTMLElement.prototype, 'clientWidth', {
    get() {
      flush();
      return WIDTH;
    },
  });
  patch(HTMLElement.prototype, 'scrollWidth', {
    get(this: HTMLElement) {
      flush();
      return Math.max(WIDTH, Math.ceil(naturalWidth(this) * scaleOf(this)));
    },
  });
  const getComputedStyle = window.getComputedStyle.bind(window);
  patch(window, 'getComputedStyle', {
    value: (el: Element) => {
      flush();
      return el.classList.contains('katex')
        ? ({ fontSize: `${KATEX_PX}px` } as CSSStyleDeclaration)
        : getComputedStyle(el);
    },
  });
});
afterAll(() => restore.reverse().forEach((r) => r()));
beforeEach(() => {
  dirty = true;
  flushes = 0;
});
afterEach(cleanup);

/** Twelve lines, every other one too wide for the panel at full size, and one too wide even at the smallest size. */
const lines = Array.from({ length: 12 }, (_, k) => ({
  tex:
    k === 11
      ? `y = ${'a_{1} + '.repeat(60)}b`
      : k % 2
        ? `z_{${k}} = ${'w x + '.repeat(5 + (k % 4 === 1 ? 1 : 0))}b`
        : `a_{${k}} = ${k}`,
}));

const settle = () => act(async () => {});

function expectFitted(container: HTMLElement) {
  const floor = Math.ceil((12 / KATEX_PX) * 1000) / 1000;
  const boxes = Array.from(container.querySelectorAll<HTMLElement>('.math-tex'));
  expect(boxes).toHaveLength(lines.length);
  let shrunk = 0;
  let scrolled = 0;
  for (const box of boxes) {
    const natural = naturalWidth(box);
    const scale = scaleOf(box);
    if (natural <= WIDTH) {
      expect(box.style.fontSize, 'a line that fits keeps its size').toBe('');
      expect(box.classList.contains('math-wrap')).toBe(false);
      expect(box.hasAttribute('tabindex')).toBe(false);
    } else if (natural * floor <= WIDTH) {
      shrunk++;
      expect(scale).toBeLessThan(1);
      expect(scale).toBeGreaterThanOrEqual(floor);
      expect(natural * scale, 'a wide line is shrunk to the panel').toBeLessThanOrEqual(WIDTH);
      expect(box.hasAttribute('tabindex')).toBe(false);
    } else {
      scrolled++;
      expect(scale, 'never below the readable size').toBe(floor);
      expect(box.classList.contains('math-wrap'), 'too wide at the readable size: it breaks at its = and + signs').toBe(
        true,
      );
      expect(box.tabIndex, 'a line that still scrolls is reachable from the keyboard').toBe(0);
    }
  }
  // the fixture has both kinds of wide line (it is not testing nothing)
  expect(shrunk).toBeGreaterThan(2);
  expect(scrolled).toBe(1);
}

/** The fixture's lines, each a TexLine, in one container. */
function renderLines() {
  return render(
    <div>
      {lines.map((line, k) => (
        <TexLine key={k} line={line} />
      ))}
    </div>,
  );
}

describe('fitting the lines of a derivation to the panel', () => {
  it('fits every line of a newly shown derivation with a few layout passes in all, not a few per line', async () => {
    const { container } = renderLines();
    await settle();
    expectFitted(container);
    // reset, one read, up to three corrections each read back: at most 4 for any number of lines
    expect(flushes).toBeLessThanOrEqual(4);
  });

  it('fits them again when KaTeX fonts arrive, again with a few layout passes in all', async () => {
    const { container } = renderLines();
    await settle();
    flushes = 0;
    dirty = true;
    await act(async () => {
      document.fonts.dispatchEvent(new Event('loadingdone'));
    });
    expectFitted(container);
    expect(flushes).toBeGreaterThan(0);
    expect(flushes).toBeLessThanOrEqual(4);
  });
});

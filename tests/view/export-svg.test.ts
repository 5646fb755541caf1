// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { exportSvg, portableColor } from '../../src/view/export-svg.ts';
import { createNetworkView, type NetworkView } from '../../src/view/network-view.ts';
import { buildNetworkViewModel } from '../../src/view/network-view-model.ts';

describe('portableColor', () => {
  it('writes color(srgb …) as rgb() or rgba()', () => {
    expect(portableColor('color(srgb 0.5 0.25 1)')).toBe('rgb(128, 64, 255)');
    expect(portableColor('color(srgb 0 0 0 / 0.5)')).toBe('rgba(0, 0, 0, 0.5)');
    expect(portableColor('color(srgb 1 1 1 / 100%)')).toBe('rgb(255, 255, 255)');
    expect(portableColor('color(srgb 1.2 -0.1 0.5)')).toBe('rgb(255, 0, 128)');
  });
  it('leaves other values alone', () => {
    expect(portableColor('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
    expect(portableColor('none')).toBe('none');
    expect(portableColor('6px, 3px')).toBe('6px, 3px');
  });
});

let view: NetworkView | null = null;

afterEach(() => {
  view?.destroy();
  view = null;
  document.head.replaceChildren();
  document.body.replaceChildren();
});

function drawMazur(): SVGSVGElement {
  const style = document.createElement('style');
  style.textContent = '.bp-line { stroke: rgb(1, 2, 3); stroke-width: 2px; } .bp-header { fill: rgb(9, 8, 7); }';
  document.head.appendChild(style);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '800');
  svg.setAttribute('height', '500');
  document.body.appendChild(svg);
  const scenario = loadPreset('mazur')!;
  const compiled = compileScenario(scenario);
  view = createNetworkView(svg, { onSelect: () => {} });
  view.update(
    buildNetworkViewModel({
      scenario,
      compiled,
      iteration: runIteration(compiled),
      plan: buildStepPlan(compiled.model, compiled.trainable),
      position: 0,
      sample: 0,
      selection: null,
    }),
  );
  return svg;
}

describe('exportSvg', () => {
  it('is well-formed XML whatever the title and the labels hold (control characters, U+FFFE, lone surrogates)', () => {
    const svg = drawMazur();
    const label = svg.querySelector('text')!;
    label.textContent = 'h\u0001\u000b\uFFFE\uD800 <b>&amp;';
    label.setAttribute('aria-label', 'x\u0002y\u001b[31m');
    const out = exportSvg(svg, 'Intro\u0001\u0008\u000c\uFFFF & <x>');
    const doc = new DOMParser().parseFromString(out.text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('title')!.textContent).toBe('Intro & <x>');
    const bad = Array.from(out.text).filter(
      (ch) => (ch < ' ' && !'\t\n\r'.includes(ch)) || ch === '\uFFFE' || ch === '\uFFFF',
    );
    expect(bad).toEqual([]);
    expect(doc.documentElement.textContent).toContain('h <b>&amp;');
  });

  it('is a standalone SVG document: xmlns, size, viewBox, background, every element, styles inline', () => {
    const svg = drawMazur();
    const before = svg.outerHTML;
    const out = exportSvg(svg, 'Mazur & co');
    expect(svg.outerHTML, 'the live svg is not changed').toBe(before);
    expect(out.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = new DOMParser().parseFromString(out.text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe(svg.getAttribute('viewBox'));
    expect(root.getAttribute('width')).toBe(String(out.width));
    expect(root.querySelector('title')?.textContent).toBe('Mazur & co');
    expect(root.querySelectorAll('[data-edge]')).toHaveLength(8);
    expect(root.querySelectorAll('[data-bias]')).toHaveLength(4);
    expect(root.querySelectorAll('[data-node]')).toHaveLength(6);
    expect(root.querySelectorAll('[tabindex]')).toHaveLength(0);
    // The stylesheet's values are on the elements themselves.
    const line = root.querySelector('.bp-line')!;
    expect(line.getAttribute('style')).toMatch(/stroke: rgb\(1, 2, 3\)/);
    expect(root.querySelector('.bp-header')!.getAttribute('style')).toMatch(/fill: rgb\(9, 8, 7\)/);
    // A background rectangle covers the viewBox.
    const bg = root.querySelector(':scope > rect')!;
    expect(
      [bg.getAttribute('x'), bg.getAttribute('y'), bg.getAttribute('width'), bg.getAttribute('height')].join(' '),
    ).toBe(svg.getAttribute('viewBox'));
    expect(out.text).not.toMatch(/var\(--/);
  });
});

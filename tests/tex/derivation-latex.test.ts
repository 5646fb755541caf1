import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import type { Selection } from '../../src/core/selection.ts';
import { loadPreset, PRESET_IDS } from '../../src/presets/index.ts';
import { derivationLatex, unwrapHtmlData } from '../../src/tex/derivation-latex.ts';
import { buildDerivation } from '../../src/tex/derivation.ts';
import { testOptions } from '../../src/tex/katex-options.ts';
import { everySelection } from '../helpers/every-selection.ts';

/** Net brace depth over the text, escaped braces and backslashes skipped; -1 as soon as it goes negative. */
function braceBalance(tex: string): number {
  let depth = 0;
  for (let k = 0; k < tex.length; k++) {
    if (tex[k] === '\\') k++;
    else if (tex[k] === '{') depth++;
    else if (tex[k] === '}' && --depth < 0) return -1;
  }
  return depth;
}

function selections(s: Scenario): Selection[] {
  return everySelection(compileScenario(s).model);
}

function derive(s: Scenario, selection: Selection, links = true) {
  const compiled = compileScenario(s);
  return buildDerivation({ scenario: s, compiled, iteration: runIteration(compiled), selection, sample: 0, links });
}

describe('unwrapHtmlData', () => {
  it('replaces each \\htmlData{…}{x} by x, nested ones too', () => {
    expect(
      unwrapHtmlData(String.raw`\frac{\partial \htmlData{key=loss}{L}}{\partial \htmlData{key=edge:1:0:0}{w_{5}}}`),
    ).toBe(String.raw`\frac{\partial L}{\partial w_{5}}`);
    expect(unwrapHtmlData(String.raw`\htmlData{key=a}{x + \htmlData{key=b}{y_{\htmlData{key=c}{1}}}} = 2`)).toBe(
      'x + y_{1} = 2',
    );
    expect(unwrapHtmlData(String.raw`\htmlData {key=a} {x}`)).toBe('x');
  });

  it('keeps escaped braces inside the content', () => {
    expect(unwrapHtmlData(String.raw`\htmlData{key=node:1:2}{\{h\}_{\}}}`)).toBe(String.raw`\{h\}_{\}}`);
  });

  it('leaves other commands alone, \\htmlDataX included', () => {
    expect(unwrapHtmlData(String.raw`\text{htmlData} \htmlDatax{a}{b}`)).toBe(
      String.raw`\text{htmlData} \htmlDatax{a}{b}`,
    );
  });

  it('never leaves the command in the text, even when its groups do not close', () => {
    expect(unwrapHtmlData(String.raw`a \htmlData{key=x`)).toBe('a {key=x');
    expect(unwrapHtmlData(String.raw`a \htmlData{key=x}{b`)).toBe('a {b');
    expect(unwrapHtmlData(String.raw`a \htmlData b`)).toBe('a b');
  });
});

describe('a derivation as a LaTeX document', () => {
  it("holds the derivation's TeX without \\htmlData, with balanced braces, for every selection of every preset", () => {
    for (const id of PRESET_IDS) {
      const s = loadPreset(id)!;
      for (const sel of selections(s)) {
        const d = derive(s, sel);
        const doc = derivationLatex(d);
        const where = `${id} ${JSON.stringify(sel)}`;
        expect(doc, where).not.toMatch(/\\html/);
        expect(braceBalance(doc), where).toBe(0);
        expect(doc.match(/\\begin\{/g)?.length, where).toBe(doc.match(/\\end\{/g)?.length);
        expect(doc.match(/\\\[/g)?.length ?? 0, where).toBe(doc.match(/\\\]/g)?.length ?? 0);
        // Exactly the TeX the builders write without links, line by line.
        for (const section of derive(s, sel, false).sections) {
          for (const line of section.lines) expect(doc, where).toContain(`\\[\n${line.tex}\n\\]`);
        }
      }
    }
  });

  it('is a standalone document whose equations KaTeX reads without error', () => {
    const s = loadPreset('mazur')!;
    const doc = derivationLatex(derive(s, { kind: 'edge', l: 1, j: 0, i: 0 }), 'Backprop Lab, Mazur');
    expect(doc.startsWith('% Backprop Lab, Mazur: Weight w₅: h₁ → o₁\n')).toBe(true);
    expect(doc).toContain(String.raw`\documentclass{article}`);
    expect(doc).toContain(String.raw`\usepackage{amsmath,amssymb}`);
    expect(doc).toContain(
      String.raw`\section*{Weight w\textsubscript{5}: h\textsubscript{1} $\to$ o\textsubscript{1}}`,
    );
    expect(doc).toContain(String.raw`\frac{\partial`);
    expect(doc).toContain('0.358916');
    expect(doc.trimEnd().endsWith(String.raw`\end{document}`)).toBe(true);
    for (const [, tex] of doc.matchAll(/\\\[\n([\s\S]*?)\n\\\]/g))
      expect(() => katex.renderToString(tex, { ...testOptions, displayMode: true })).not.toThrow();
  });

  it('writes the lines a lesson withholds as the math panel does: the note, not the equations', () => {
    const s = loadPreset('mazur')!;
    const d = derive(s, { kind: 'edge', l: 1, j: 0, i: 0 });
    // the first section shown, every other one withheld from step 12 on
    const shown = d.sections.map((section, n) =>
      n === 0
        ? { heading: section.heading, lines: section.lines.map((line) => ({ line })) }
        : { heading: section.heading, lines: [{ withheld: section.lines.length, step: 12 }] },
    );
    const doc = derivationLatex(d, 'Backprop Lab, Mazur', shown);
    expect(doc.split(String.raw`\[`).length - 1).toBe(d.sections[0].lines.length);
    for (const section of d.sections.slice(1)) {
      expect(doc).toContain(String.raw`\subsection*{`);
      for (const line of section.lines) expect(doc).not.toContain(unwrapHtmlData(line.tex));
    }
    const lines = (n: number) => (n === 1 ? 'one line' : `${n} lines`);
    expect(doc).toContain(
      String.raw`\emph{Blank until step 12, as on the diagram. (${lines(d.sections[1].lines.length)})}\par`,
    );
    // w₅⁺ = 0.358916 is in the update section, withheld
    expect(doc).not.toContain('0.358916');
    expect(braceBalance(doc)).toBe(0);
  });

  it('escapes labels with TeX specials in headings and notes', () => {
    const r = parseScenario({
      format: 'backprop-scenario/1',
      layers: [
        { size: 2, labels: ['x&1', '50%'] },
        { size: 1, activation: 'sigmoid', bias: true, labels: ['{h}'] },
      ],
      weights: [[[1, -1]]],
      loss: 'bce',
      data: [{ x: [1, 2], y: [1] }],
      optimizer: { type: 'sgd', learningRate: 0.1 },
    });
    if (!r.ok) throw new Error('invalid');
    const doc = derivationLatex(derive(r.value, { kind: 'edge', l: 0, j: 0, i: 0 }));
    expect(braceBalance(doc)).toBe(0);
    expect(doc).toContain(String.raw`x\&1 $\to$ \{h\}`);
  });
});

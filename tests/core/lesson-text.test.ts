import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessonTextRefs, parseStepText, type LessonInline } from '../../src/core/lesson-text.ts';

const text = (t: string): LessonInline => ({ kind: 'text', text: t });

function inlines(source: string): LessonInline[] {
  const parsed = parseStepText(source);
  expect(parsed.paragraphs.length).toBe(1);
  return parsed.paragraphs[0].children;
}

describe('parseStepText', () => {
  it('splits paragraphs at blank lines, whatever the line endings, and keeps single line breaks inside one', () => {
    const parsed = parseStepText('one\ntwo\n\nthree\r\n  \r\nfour\r\rfive\n\n\n\n');
    expect(parsed.paragraphs.map((p) => p.children)).toEqual([
      [text('one\ntwo')],
      [text('three')],
      [text('four')],
      [text('five')],
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parseStepText('').paragraphs).toEqual([]);
    expect(parseStepText('\n\n  \n').paragraphs).toEqual([]);
  });

  it('reads bold, italic, and italic inside bold', () => {
    expect(inlines('a **b** c *d* e')).toEqual([
      text('a '),
      { kind: 'strong', children: [text('b')] },
      text(' c '),
      { kind: 'em', children: [text('d')] },
      text(' e'),
    ]);
    expect(inlines('**x *y* z**')).toEqual([
      { kind: 'strong', children: [text('x '), { kind: 'em', children: [text('y')] }, text(' z')] },
    ]);
  });

  it('reads inline and display math, and \\$ as a dollar sign', () => {
    expect(inlines('cost \\$5 and $\\tfrac12(y - o)^2$ then $$E = \\sum_k E_k$$')).toEqual([
      text('cost $5 and '),
      { kind: 'math', tex: '\\tfrac12(y - o)^2', display: false },
      text(' then '),
      { kind: 'math', tex: 'E = \\sum_k E_k', display: true },
    ]);
    expect(inlines('$a \\$ b$')).toEqual([{ kind: 'math', tex: 'a \\$ b', display: false }]);
  });

  it('reads {{REF}} as a quantity reference, inside emphasis too', () => {
    expect(inlines('o₁ = {{a:node:2:0}}, **E = {{ loss }}**')).toEqual([
      text('o₁ = '),
      { kind: 'ref', ref: { kind: 'a', sel: { kind: 'node', l: 2, j: 0 } }, source: 'a:node:2:0' },
      text(', '),
      { kind: 'strong', children: [text('E = '), { kind: 'ref', ref: { kind: 'loss' }, source: 'loss' }] },
    ]);
    expect(lessonTextRefs(parseStepText('{{x:0}} and *{{loss-term:1}}*\n\n{{gradient:bias:0:1}}'))).toEqual([
      { kind: 'x', index: 0 },
      { kind: 'loss-term', index: 1 },
      { kind: 'gradient', sel: { kind: 'bias', l: 0, j: 1 } },
    ]);
  });

  it('keeps HTML as the text it is', () => {
    expect(inlines('<script>alert(1)</script> <b onclick="x">&amp;</b>')).toEqual([
      text('<script>alert(1)</script> <b onclick="x">&amp;</b>'),
    ]);
    expect(inlines('**<img src=x onerror=alert(1)>**')).toEqual([
      { kind: 'strong', children: [text('<img src=x onerror=alert(1)>')] },
    ]);
  });

  it('leaves unbalanced emphasis as plain text, and a marker with a space inside it', () => {
    expect(inlines('2 * 3 = 6')).toEqual([text('2 * 3 = 6')]);
    expect(inlines('**open and never closed')).toEqual([text('**open and never closed')]);
    expect(inlines('*a **b* c**')).toEqual([{ kind: 'em', children: [text('a **b')] }, text(' c**')]);
    expect(inlines('****')).toEqual([text('****')]);
    expect(parseStepText('**a\n\nb**').paragraphs.map((p) => p.children)).toEqual([[text('**a')], [text('b**')]]);
  });

  it('names the problems an author should fix, showing them as plain text', () => {
    const unclosed = parseStepText('costs $5');
    expect(unclosed.paragraphs[0].children).toEqual([text('costs $5')]);
    expect(unclosed.problems).toEqual([
      { offset: 6, message: '"$" opens math that is never closed (write \\$ for a dollar sign)' },
    ]);
    const noEnd = parseStepText('see {{a:node:2:0');
    expect(noEnd.paragraphs[0].children).toEqual([text('see {{a:node:2:0')]);
    expect(noEnd.problems).toEqual([{ offset: 4, message: '"{{" is never closed by "}}"' }]);
    const bad = parseStepText('x\n\n  {{<script>}}');
    expect(bad.paragraphs[1].children).toEqual([text('{{<script>}}')]);
    expect(bad.problems[0].offset).toBe(5);
    expect(bad.problems[0].message).toMatch(/^\{\{<script>\}\}: unknown quantity "<script>"/);
    expect(parseStepText('$$ $$').problems[0].message).toMatch(/holds no math/);
    expect(parseStepText('$$x').problems[0].message).toMatch(/"\$\$" opens math that is never closed/);
  });

  it('never throws, and keeps every character of text that has no markup', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const parsed = parseStepText(s);
        for (const p of parsed.paragraphs) expect(p.children.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '*',
            '**',
            '$',
            '$$',
            '\\$',
            '{{',
            '}}',
            'a',
            ' ',
            '\n',
            '\n\n',
            '{{loss}}',
            '<script>',
            'x:0',
          ),
          { maxLength: 30 },
        ),
        (parts) => {
          expect(() => parseStepText(parts.join(''))).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 100 }).filter((s) => !/[*$\\{]/.test(s) && s.trim() !== '' && !/\n\s*\n/.test(s)),
        (s) => {
          expect(inlines(s)).toEqual([text(s.trim())]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { parseQuantityRef, type QuantityRef } from './quantity-ref.ts';

/**
 * A lesson text as a small tree a component renders node by node, never as HTML: text,
 * **bold**, *italic*, `$…$` inline and `$$…$$` display math (TeX, for KaTeX), and `{{REF}}`
 * live quantities.
 */
export type LessonInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: LessonInline[] }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'ref'; ref: QuantityRef; source: string };

export interface LessonParagraph {
  kind: 'paragraph';
  children: LessonInline[];
}

/** Something in the text that is not what the author meant, at a character offset of the text; the tree shows it as plain text. */
export interface LessonTextProblem {
  offset: number;
  message: string;
}

export interface ParsedLessonText {
  paragraphs: LessonParagraph[];
  problems: LessonTextProblem[];
}

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'star'; marker: '*' | '**'; canOpen: boolean; canClose: boolean }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'ref'; ref: QuantityRef; source: string };

const BLANK_LINE = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*/g;

/**
 * The paragraphs of a lesson step's text (separated by a blank line) and their inline parts. Total:
 * any string gives a tree; what cannot be read (a `$` that opens no math, `{{` without `}}`,
 * a reference that names no quantity) stays as plain text and is listed in `problems`.
 * Unmatched `*` and `**` are plain text, as is a marker with a space on its inner side.
 */
export function parseStepText(text: string): ParsedLessonText {
  const problems: LessonTextProblem[] = [];
  const paragraphs: LessonParagraph[] = [];
  let start = 0;
  const pieces: { body: string; offset: number }[] = [];
  for (const match of text.matchAll(BLANK_LINE)) {
    pieces.push({ body: text.slice(start, match.index), offset: start });
    start = match.index + match[0].length;
  }
  pieces.push({ body: text.slice(start), offset: start });
  for (const { body, offset } of pieces) {
    const lead = body.length - body.trimStart().length;
    const trimmed = body.trim();
    if (trimmed === '') continue;
    paragraphs.push({ kind: 'paragraph', children: buildInlines(tokenize(trimmed, offset + lead, problems)) });
  }
  return { paragraphs, problems };
}

/** A `{{…}}` inside math (`$i_1 = {{x:0}}$`), which the math typesets as the quantity's live value. */
export const MATH_REF = /\{\{([^{}]*)\}\}/g;

/**
 * Every quantity reference of a parsed text, in reading order; with `inMath`, also the readable
 * ones inside math (the checks of a lesson against its network read the text's own only).
 */
export function lessonTextRefs(parsed: ParsedLessonText, inMath = false): QuantityRef[] {
  const refs: QuantityRef[] = [];
  const walk = (nodes: readonly LessonInline[]) => {
    for (const node of nodes) {
      if (node.kind === 'ref') refs.push(node.ref);
      else if (node.kind === 'strong' || node.kind === 'em') walk(node.children);
      else if (node.kind === 'math' && inMath)
        for (const [, source] of node.tex.matchAll(MATH_REF)) {
          const read = parseQuantityRef(source.trim());
          if (read.ok) refs.push(read.ref);
        }
    }
  };
  for (const p of parsed.paragraphs) walk(p.children);
  return refs;
}

/** The index of the next `close` at or after `from` that no backslash escapes, or −1. */
function findClosing(s: string, close: string, from: number): number {
  for (let k = s.indexOf(close, from); k >= 0; k = s.indexOf(close, k + 1)) {
    if (s[k - 1] !== '\\') return k;
  }
  return -1;
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/.test(c);
}

function tokenize(s: string, base: number, problems: LessonTextProblem[]): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };
  let k = 0;
  while (k < s.length) {
    const c = s[k];
    if (c === '\\' && s[k + 1] === '$') {
      text += '$';
      k += 2;
    } else if (c === '$') {
      const display = s[k + 1] === '$';
      const delimiter = display ? '$$' : '$';
      const end = findClosing(s, delimiter, k + delimiter.length);
      const tex = end < 0 ? '' : s.slice(k + delimiter.length, end);
      if (end < 0 || tex.trim() === '') {
        problems.push({
          offset: base + k,
          message:
            end < 0
              ? `"${delimiter}" opens math that is never closed (write \\$ for a dollar sign)`
              : `"${delimiter}${delimiter}" holds no math (write \\$ for a dollar sign)`,
        });
        text += end < 0 ? delimiter : s.slice(k, end + delimiter.length);
        k = end < 0 ? k + delimiter.length : end + delimiter.length;
      } else {
        flush();
        tokens.push({ kind: 'math', tex, display });
        k = end + delimiter.length;
      }
    } else if (c === '{' && s[k + 1] === '{') {
      const end = s.indexOf('}}', k + 2);
      if (end < 0) {
        problems.push({ offset: base + k, message: '"{{" is never closed by "}}"' });
        text += '{{';
        k += 2;
        continue;
      }
      const source = s.slice(k + 2, end).trim();
      const read = parseQuantityRef(source);
      if (read.ok) {
        flush();
        tokens.push({ kind: 'ref', ref: read.ref, source });
      } else {
        problems.push({ offset: base + k, message: `{{${source}}}: ${read.message}` });
        text += s.slice(k, end + 2);
      }
      k = end + 2;
    } else if (c === '*') {
      const marker = s[k + 1] === '*' ? '**' : '*';
      flush();
      tokens.push({ kind: 'star', marker, canOpen: !isSpace(s[k + marker.length]), canClose: !isSpace(s[k - 1]) });
      k += marker.length;
    } else {
      text += c;
      k++;
    }
  }
  flush();
  return tokens;
}

interface Frame {
  marker: '*' | '**' | null;
  children: LessonInline[];
}

/** Pairs the emphasis markers (innermost first); a marker left unpaired is plain text. */
function buildInlines(tokens: readonly Token[]): LessonInline[] {
  const stack: Frame[] = [{ marker: null, children: [] }];
  const top = () => stack[stack.length - 1];
  const unwind = (frame: Frame) => {
    top().children.push({ kind: 'text', text: frame.marker ?? '' }, ...frame.children);
  };
  for (const token of tokens) {
    if (token.kind !== 'star') {
      top().children.push(token);
      continue;
    }
    const open = token.canClose ? findFrame(stack, token.marker) : -1;
    if (open > 0) {
      while (stack.length - 1 > open) unwind(stack.pop() as Frame);
      const frame = stack.pop() as Frame;
      if (frame.children.length === 0) top().children.push({ kind: 'text', text: token.marker + token.marker });
      else top().children.push({ kind: token.marker === '**' ? 'strong' : 'em', children: mergeText(frame.children) });
    } else if (token.canOpen) stack.push({ marker: token.marker, children: [] });
    else top().children.push({ kind: 'text', text: token.marker });
  }
  while (stack.length > 1) unwind(stack.pop() as Frame);
  return mergeText(stack[0].children);
}

function findFrame(stack: readonly Frame[], marker: '*' | '**'): number {
  for (let k = stack.length - 1; k > 0; k--) if (stack[k].marker === marker) return k;
  return -1;
}

function mergeText(nodes: readonly LessonInline[]): LessonInline[] {
  const out: LessonInline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.kind === 'text' && node.text === '') continue;
    if (node.kind === 'text' && last !== undefined && last.kind === 'text')
      out[out.length - 1] = { kind: 'text', text: last.text + node.text };
    else out.push(node);
  }
  return out;
}

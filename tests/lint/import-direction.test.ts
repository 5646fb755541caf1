import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('the import direction of the house style', () => {
  it.each([
    ['src/core/x.ts', "import { createAppStore } from '../store/create-app-store.ts';"],
    ['src/core/x.ts', "import { select } from 'd3-selection';"],
    ['src/core/x.ts', "import katex from 'katex';"],
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/view/x.ts', "import { createAppStore } from '../store/create-app-store.ts';"],
    ['src/view/x.ts', "import { useState } from 'react';"],
    ['src/tex/x.ts', "import katex from 'katex';"],
    ['src/store/x.ts', "import { createNetworkView } from '../view/network-view.ts';"],
    ['src/store/x.ts', "import { useState } from 'react';"],
    ['src/store/x.ts', "import { jsx } from 'react/jsx-runtime';"],
    ['src/store/x.ts', "import { derivationLatex } from '../tex/derivation-latex.ts';"],
    ['src/store/x.ts', "import katex from 'katex';"],
    ['src/store/x.ts', "import 'katex/dist/katex.min.css';"],
    ['src/view/x.ts', "import katex from 'katex';"],
    ['src/view/x.ts', "import renderMathInElement from 'katex/contrib/auto-render';"],
    ['src/view/x.ts', "import { derivationLatex } from '../tex/derivation-latex.ts';"],
    ['src/cli/x.ts', "import { createAppStore } from '../store/create-app-store.ts';"],
  ])('%s may not: %s', async (path, line) => {
    expect(await violations(path, `${line}\nexport const used = 1;\n`)).toContain('no-restricted-imports');
  });

  it.each([
    ['src/tex/x.ts', "import { nodeName } from '../core/notation.ts';"],
    ['src/view/x.ts', "import { select } from 'd3-selection';"],
    ['src/components/x.ts', "import { createNetworkView } from '../view/network-view.ts';"],
    ['src/store/x.ts', "import { compileScenario } from '../core/compile.ts';"],
    ['src/store/x.ts', "import { create } from 'zustand';"],
    ['src/components/x.tsx', "import { useState } from 'react';"],
    ['src/components/x.tsx', "import katex from 'katex';"],
  ])('%s may: %s', async (path, line) => {
    expect(await violations(path, `${line}\nexport const used = 1;\n`)).not.toContain('no-restricted-imports');
  });
});

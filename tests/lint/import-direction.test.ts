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
    ['src/cli/x.ts', "import { createAppStore } from '../store/create-app-store.ts';"],
  ])('%s may not: %s', async (path, line) => {
    expect(await violations(path, `${line}\nexport const used = 1;\n`)).toContain('no-restricted-imports');
  });

  it.each([
    ['src/tex/x.ts', "import { nodeName } from '../core/notation.ts';"],
    ['src/view/x.ts', "import { select } from 'd3-selection';"],
    ['src/components/x.ts', "import { createNetworkView } from '../view/network-view.ts';"],
    ['src/store/x.ts', "import { compileScenario } from '../core/compile.ts';"],
  ])('%s may: %s', async (path, line) => {
    expect(await violations(path, `${line}\nexport const used = 1;\n`)).not.toContain('no-restricted-imports');
  });
});

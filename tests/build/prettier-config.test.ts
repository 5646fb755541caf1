import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../scripts/lint.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const ignorePath = `${root}.prettierignore`;

describe('the formatter', () => {
  it('is Prettier at a pinned version, with a format script and a check script', () => {
    expect(pkg.devDependencies.prettier).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts.format).toBe('prettier --write .');
    expect(pkg.scripts['format:check']).toBe('prettier --check .');
  });

  it('is checked by npm run lint, beside ESLint, over the whole tree', () => {
    expect(pkg.scripts.lint).toBe('node scripts/lint.mjs');
    const [prettierStep] = STEPS.filter(([name]) => name === 'prettier');
    expect(prettierStep?.[1].slice(0, 2)).toEqual(['--check', '.']);
    const [eslintStep] = STEPS.filter(([name]) => name === 'eslint');
    expect(eslintStep?.[1][0]).toBe('.');
  });

  it('formats the source in the house’s way: single quotes, trailing commas, lines of 120', async () => {
    const filepath = `${root}src/core/x.ts`;
    const options = await prettier.resolveConfig(filepath);
    expect(options).toMatchObject({ printWidth: 120, singleQuote: true, trailingComma: 'all' });
    const long = `export const f = (alpha: number, beta: number) => compute("${'a'.repeat(60)}", alpha, beta, gamma, delta, epsilon);\n`;
    const formatted = await prettier.format(long, { ...options, filepath });
    expect(formatted).toBe(
      `export const f = (alpha: number, beta: number) =>\n  compute('${'a'.repeat(60)}', alpha, beta, gamma, delta, epsilon);\n`,
    );
  });

  it('leaves alone what is installed, built, golden data or hand-wrapped prose', async () => {
    for (const path of [
      'node_modules/x/index.js',
      'dist/index.html',
      'package-lock.json',
      'tests/fixtures/oracle/a.json',
      'README.md',
      // JSON is data written by programs (lessons, presets, schemas, fixtures): kept as written
      'public/backprop-scenario-1.schema.json',
      'src/lessons/mazur.json',
    ]) {
      expect((await prettier.getFileInfo(`${root}${path}`, { ignorePath })).ignored, path).toBe(true);
    }
    for (const path of ['src/cli/trace.ts', 'src/components/App.tsx', 'eslint.config.js']) {
      expect((await prettier.getFileInfo(`${root}${path}`, { ignorePath })).ignored, path).toBe(false);
    }
  });
});

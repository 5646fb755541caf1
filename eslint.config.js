import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The house's import direction: core <- tex, core <- store <- components,
// core <- view <- components, core <- cli. Each folder lists what it may not import.
const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((group) => ({
        group: [group],
        message: 'breaks the import direction of the house style',
      })),
    },
  ],
});
const outside = (name) => [`../${name}/*`, `../../${name}/*`, `../${name}`, `../../${name}`];
const react = ['react', 'react/*', 'react-dom', 'react-dom/*'];
const katex = ['katex', 'katex/*'];
const libs = [...react, 'zustand', 'zustand/*', 'zundo', 'd3-*', ...katex];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/components/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/core/**'],
    rules: restrict([
      ...['presets', 'store', 'view', 'tex', 'components', 'cli'].flatMap(outside),
      ...libs,
      'node:*',
      'fs',
      'path',
    ]),
  },
  {
    files: ['src/tex/**'],
    rules: restrict([...['presets', 'store', 'view', 'components', 'cli'].flatMap(outside), ...libs]),
  },
  {
    files: ['src/presets/**'],
    rules: restrict([...['store', 'view', 'tex', 'components', 'cli'].flatMap(outside), ...libs]),
  },
  {
    files: ['src/lessons/**'],
    rules: restrict([...['store', 'view', 'tex', 'components', 'cli'].flatMap(outside), ...libs]),
  },
  {
    files: ['src/view/**'],
    rules: restrict([
      ...['store', 'tex', 'components', 'cli'].flatMap(outside),
      ...react,
      'zustand',
      'zustand/*',
      'zundo',
      ...katex,
    ]),
  },
  {
    files: ['src/store/**'],
    rules: restrict([...['view', 'tex', 'components', 'cli'].flatMap(outside), ...react, 'd3-*', ...katex]),
  },
  {
    files: ['src/cli/**'],
    rules: restrict([...['store', 'view', 'tex', 'components'].flatMap(outside), ...libs]),
  },
);

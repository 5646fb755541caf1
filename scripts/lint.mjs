#!/usr/bin/env node
// `npm run lint`: ESLint and Prettier's check, side by side (each is one process on one core;
// one after the other they took about 40 s on the 2-core machine, each about 20 s), with
// content-keyed caches under node_modules/.cache so a second run reads only changed files.
// Each tool's output is printed whole when it ends; exits with the first non-zero status.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache');

/** The tools and their arguments: each checks the whole tree (`.`), as the two commands did one after the other. */
export const STEPS = [
  ['eslint', ['.', '--cache', '--cache-strategy', 'content', '--cache-location', join(cache, 'eslint') + '/']],
  ['prettier', ['--check', '.', '--cache', '--cache-location', join(cache, 'prettier', '.prettier-cache')]],
];

function run([name, args]) {
  const local = join(root, 'node_modules', '.bin', name);
  const [cmd, pre] = existsSync(local) ? [local, []] : ['npx', [name]];
  return new Promise((done) => {
    const child = spawn(cmd, [...pre, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => done({ name, code: 1, out: `${out}${e.message}\n` }));
    child.on('close', (code) => done({ name, code: code ?? 1, out }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = await Promise.all(STEPS.map(run));
  let exitCode = 0;
  for (const { name, code, out } of results) {
    process.stdout.write(out);
    if (code !== 0) console.error(`${name} failed (exit ${code})`);
    if (exitCode === 0) exitCode = code;
  }
  process.exit(exitCode);
}

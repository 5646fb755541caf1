/**
 * `npm run bench [-- --json] [-- --only id,id] [-- --cpu-prof …]`: bundles bench/main.ts
 * with esbuild and runs the bundle in a fresh plain `node`, passing the flags on
 * (`--cpu-prof*` flags go to node itself).
 *
 * Why not run main.ts under tsx directly: tsx transforms every CommonJS module loaded after
 * start-up (tfjs is one) with esbuild's synchronous API, which moves ArrayBuffers between
 * threads. The first detached ArrayBuffer invalidates V8's ArrayBufferDetaching protector,
 * and from then on every optimized typed-array access also checks for detachment: the
 * core's matmul loops ran ~25% slower and tfjs ~10% slower after merely importing tfjs.
 * A bundle in a plain node has no such hooks. It also lets esbuild resolve tfjs's gradient
 * registry, which ships only as extensionless ES modules that Node cannot load, and keeps a
 * single copy of tfjs-core (ES module build for both tfjs-core and the CPU backend).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const nodeArgs = args.filter((a) => a.startsWith('--cpu-prof'));
const scriptArgs = args.filter((a) => !a.startsWith('--cpu-prof'));

const dir = await mkdtemp(path.join(os.tmpdir(), 'backprop-bench-'));
const outfile = path.join(dir, 'bench.mjs');
try {
  await build({
    entryPoints: [path.join(here, 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'error',
    // tfjs's node platform code calls require() for node built-ins.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
  process.exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, outfile, ...scriptArgs], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
} finally {
  await rm(dir, { recursive: true, force: true });
}

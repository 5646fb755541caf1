/**
 * `npm run bench [-- --json] [-- --only id,id] [-- --cpu-prof …] [-- --no-browser | --browser-only]
 * [-- --profile=… --diagnose=… --trace-dir <dir>]`: bundles bench/main.ts with esbuild and
 * runs the bundle in a fresh plain `node`, passing the flags on (`--cpu-prof*` flags go to
 * node itself, for the core phase only); then the browser phase (see below).
 *
 * Why not run main.ts under tsx directly: tsx transforms every CommonJS module loaded after
 * start-up (tfjs is one) with esbuild's synchronous API, which moves ArrayBuffers between
 * threads. The first detached ArrayBuffer invalidates V8's ArrayBufferDetaching protector,
 * and from then on every optimized typed-array access also checks for detachment: the
 * core's matmul loops ran ~25% slower and tfjs ~10% slower after merely importing tfjs.
 * A bundle in a plain node has no such hooks. It also lets esbuild resolve tfjs's gradient
 * registry, which ships only as extensionless ES modules that Node cannot load, and keeps a
 * single copy of tfjs-core (ES module build for both tfjs-core and the CPU backend).
 *
 * The browser phase (bench/browser-main.ts: edit-to-frame in headless Chromium) runs after
 * it the same way. With --json, both phases' JSON is printed as one object (the browser
 * phase's under `editToFrame`).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const nodeArgs = args.filter((a) => a.startsWith('--cpu-prof'));
const scriptArgs = args.filter((a) => !a.startsWith('--cpu-prof'));
const asJson = scriptArgs.includes('--json');

// Phases: the core/tfjs bench (bench/main.ts), then the browser bench (bench/browser-main.ts:
// edit-to-frame and the app against its core in headless Chromium). `--only` ids starting with "edit-" or "app-" belong to the browser
// phase, the others to the core one; `--no-browser` and `--browser-only` pick one phase.
const onlyIdx = scriptArgs.findIndex((a) => a === '--only' || a.startsWith('--only='));
const onlyIds =
  onlyIdx < 0
    ? null
    : (scriptArgs[onlyIdx].includes('=')
        ? scriptArgs[onlyIdx].slice(scriptArgs[onlyIdx].indexOf('=') + 1)
        : (scriptArgs[onlyIdx + 1] ?? '')
      )
        .split(',')
        .filter(Boolean);
const browserId = (id: string) => id.startsWith('edit-') || id.startsWith('app-');
const runCore = !scriptArgs.includes('--browser-only') && (onlyIds === null || onlyIds.some((id) => !browserId(id)));
const runBrowser = !scriptArgs.includes('--no-browser') && (onlyIds === null || onlyIds.some(browserId));

const dir = await mkdtemp(path.join(os.tmpdir(), 'backprop-bench-'));

async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(here, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'error',
    // playwright-core is loaded from the project at run time (see edit-to-frame.ts), never bundled.
    external: ['playwright-core'],
    // tfjs's node platform code calls require() for node built-ins.
    banner: {
      js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
    },
  });
}

/** Runs a bundle in a fresh node; with `capture`, returns its stdout instead of passing it through. */
function runNode(
  file: string,
  extraNodeArgs: string[],
  fileArgs: string[],
  capture: boolean,
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...extraNodeArgs, file, ...fileArgs], {
      stdio: ['inherit', capture ? 'pipe' : 'inherit', 'inherit'],
    });
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stdout }));
  });
}

try {
  const started = performance.now();
  let exitCode = 0;
  let coreJson: Record<string, unknown> | null = null;
  let browserJson: Record<string, unknown> | null = null;
  if (runCore) {
    const outfile = path.join(dir, 'bench.mjs');
    await bundle('main.ts', outfile);
    const r = await runNode(outfile, nodeArgs, scriptArgs, asJson);
    exitCode ||= r.code;
    if (asJson && r.stdout.trim()) coreJson = JSON.parse(r.stdout) as Record<string, unknown>;
  }
  if (runBrowser) {
    if (runCore && !asJson) console.log('');
    const outfile = path.join(dir, 'bench-browser.mjs');
    await bundle('browser-main.ts', outfile);
    const r = await runNode(outfile, [], [...scriptArgs, '--root', root], asJson);
    exitCode ||= r.code;
    if (asJson && r.stdout.trim()) browserJson = JSON.parse(r.stdout) as Record<string, unknown>;
  }
  if (asJson) {
    console.log(
      JSON.stringify(
        { ...(coreJson ?? {}), editToFrame: browserJson, benchSeconds: (performance.now() - started) / 1000 },
        null,
        2,
      ),
    );
  } else if (runCore && runBrowser) {
    console.log(`\nbench total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  process.exitCode = exitCode;
} finally {
  await rm(dir, { recursive: true, force: true });
}

/**
 * The browser phase of `npm run bench` (bench/run.ts bundles this file and runs it in a plain
 * node after the core/tfjs phase): the edit-to-frame time in headless Chromium. Flags:
 * --json, --only id,id (edit-150, edit-1000), --profile=auto|always|never (profile another
 * drag when a goal is missed), --diagnose=auto|always|never (time it again with the math
 * panel closed), --trace-dir <dir> (keep the raw traces and CPU profiles), --app-dir <dir>
 * (bench an existing build made with --sourcemap), --root <dir> (the project; default: cwd),
 * --app-reps N (repetitions of each app-speed case, default 3; 9 for the training throughputs).
 */
import { accessSync, constants } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  CHROMIUM_PATH,
  EDITS,
  editCases,
  runEditToFrame,
  VIEWPORT,
  WARMUP_EDITS,
  type EditResult,
  type EditToFrameReport,
} from './edit-to-frame.ts';
import { TIMELINE_NAMES } from './browser-profile.ts';
import { ms, passMiss, table } from './report.ts';
import { runAppSpeed, type AppSpeedReport } from './app-speed.ts';
import { median } from './measure.ts';

const args = process.argv.slice(2);

function flag(name: string): string | null {
  const k = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (k < 0) return null;
  const a = args[k];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[k + 1] ?? '');
}

function mode(name: string): 'auto' | 'always' | 'never' {
  const v = flag(name);
  return v === 'always' || v === 'never' ? v : 'auto';
}

const asJson = args.includes('--json');

/** --app-reps N: repetitions of each app-speed case (default 3, the training throughputs 9; 1 to check the harness quickly). */
function appReps(): number | undefined {
  const v = Number(flag('--app-reps'));
  return Number.isInteger(v) && v >= 1 && v <= 20 ? v : undefined;
}
const onlyArg = flag('--only');
const only = onlyArg === null ? null : onlyArg.split(',').filter((id) => id.startsWith('edit-'));
const onlyApp = onlyArg === null ? null : onlyArg.split(',').filter((id) => id.startsWith('app-'));
const log = (s = ''): void => {
  if (!asJson) console.log(s);
};

function goalText(r: EditResult): string {
  if (r.goalMedianMs === null) return 'diagnostic';
  return `median < ${r.goalMedianMs}${r.goalP95Ms === null ? '' : `, p95 < ${r.goalP95Ms}`} ms ${passMiss(r.pass === true)}`;
}

function printReport(report: EditToFrameReport, seconds: number): void {
  const cpu = os.cpus()[0]?.model ?? 'cpu';
  log(
    `Edit-to-frame — measuring instrument: headless ${report.browser} without a GPU (--headless --disable-gpu: software`,
  );
  log(
    `  compositing and raster, no physical display), ${VIEWPORT.width}×${VIEWPORT.height}, on ${cpu} ×${report.cores}` +
      ` (CPU ${(100 * report.cpuBusyBefore).toFixed(0)}% busy in the second before; load average ${report.loadAverage.toFixed(1)})`,
  );
  log(
    `  per network, after a ${WARMUP_EDITS}-edit warm-up drag: one drag of ${EDITS} edits, one edit per frame, on the selected weight's label at the end of the`,
  );
  log(
    "  iteration; each edit is a pointermove dispatched in a requestAnimationFrame callback (where Chromium delivers a drag's moves),",
  );
  log(
    "  timed from the dispatch to the first task after that frame's style, layout, paint and commit (scheduler.postTask, user-blocking);",
  );
  log(
    "  rasterization and display, off the main thread, are not included. Each edit is checked: the edge's data-weight, its label and",
  );
  log('  the loss had changed by then.');
  if (report.cpuBusyBefore > 0.25) {
    log(
      `  NOTE: the CPU was ${(100 * report.cpuBusyBefore).toFixed(0)}% busy before the runs: other processes compete with Chromium; expect noise.`,
    );
  }
  log();
  log(
    table(
      [
        'network',
        'edges',
        'biases',
        'labels',
        'edits',
        'median ms',
        'p95 ms',
        'min–max ms',
        'frame interval ms',
        'checks',
        'goal',
      ],
      report.results.map((r) => [
        r.label,
        String(r.edges),
        String(r.biases),
        String(r.labelsShown),
        String(r.edits),
        ms(r.medianMs),
        ms(r.p95Ms),
        `${ms(r.minMs)}–${ms(r.maxMs)}`,
        ms(r.frameIntervalMs),
        r.checksFailed === 0 ? 'ok' : `${r.checksFailed} failed`,
        goalText(r),
      ]),
    ),
  );
  log(
    '  labels: the diagram texts on screen (nodes, shown edge and bias labels, loss); frame interval: the median time between the',
  );
  log(
    "  drag's frames (16.7 ms = 60 fps), which includes the work between frames, such as the math panel's deferred typesetting.",
  );
  log();
  const goals = report.results.filter((r) => r.pass !== null);
  if (goals.length) log('Goals:');
  for (const r of goals) {
    const p95 = r.goalP95Ms === null ? `, p95 ${ms(r.p95Ms)} ms` : `, p95 ${ms(r.p95Ms)} ms (goal < ${r.goalP95Ms} ms)`;
    log(
      `  ${passMiss(r.pass === true)}  edit-to-frame, ${r.label}: median ${ms(r.medianMs)} ms (goal < ${r.goalMedianMs} ms)${p95}` +
        (r.checksFailed ? `; ${r.checksFailed} edits not shown by the end of their frame` : ''),
    );
  }
  const profiled = report.results.filter((r) => r.profile);
  if (profiled.length) {
    log();
    log(
      `Where the time goes: another drag of ${EDITS} edits per run under the DevTools Tracing and Profiler domains (they add some overhead).`,
    );
    log('Main-thread self time inside the timed windows, ms per edit (from the timeline trace):');
    const names: string[] = [];
    for (const r of profiled) {
      for (const row of r.profile?.trace.selfMs ?? [])
        if (!names.includes(row.name) && row.ms / EDITS >= 0.1) names.push(row.name);
    }
    const per = (r: EditResult, name: string): number =>
      (r.profile?.trace.selfMs.find((x) => x.name === name)?.ms ?? 0) / Math.max(1, r.profile?.trace.windows ?? 1);
    names.sort((a, b) => Math.max(...profiled.map((r) => per(r, b))) - Math.max(...profiled.map((r) => per(r, a))));
    log(
      table(
        ['event', ...profiled.map((r) => r.id)],
        [
          ...names
            .slice(0, 12)
            .map((name) => [
              `${name}${TIMELINE_NAMES[name] ? ` (${TIMELINE_NAMES[name]})` : ''}`,
              ...profiled.map((r) => ms(per(r, name))),
            ]),
          [
            'window (t1 − t0), mean',
            ...profiled.map((r) => ms((r.profile?.trace.windowMs ?? 0) / Math.max(1, r.profile?.trace.windows ?? 1))),
          ],
        ],
      ),
    );
    for (const r of profiled) {
      log();
      log(
        `Heaviest functions, ${r.id}: self time over the whole profiled drag, between frames too (CPU profile, source-mapped):`,
      );
      log(
        table(
          ['function (source)', 'self ms', 'share'],
          (r.profile?.functions ?? [])
            .slice(0, 12)
            .map((f) => [
              f.fn === '(program)' ? '(program): native work outside JavaScript (style, layout, paint…)' : f.fn,
              ms(f.selfMs),
              `${(100 * f.share).toFixed(1)}%`,
            ]),
        ),
      );
    }
  }
  log();
  log(`edit-to-frame: ${seconds.toFixed(1)} s`);
}

const range = (xs: readonly number[]) => (xs.length > 1 ? ` (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})` : '');

function printAppSpeed(r: AppSpeedReport, seconds: number): void {
  log(
    `The app against its core — headless ${r.browser}, ${VIEWPORT.width}×${VIEWPORT.height}; medians of the repetitions (range in brackets).`,
  );
  log(
    '  Longest task: the longest main-thread task (PerformanceObserver "longtask", tasks over 50 ms; 0 when there was none).',
  );
  log();
  if (r.heatmap.length) {
    log(
      "Data view: heatmaps (64×64, one forward pass of the grid) and the diagram's neuron pictures (every hidden and output node, from the same pass) redrawn per second while training, over 2 s of Train 10k.",
    );
    log(
      table(
        ['network', 'heatmaps/s', 'pictures/s', 'goal'],
        r.heatmap.map((h) => [
          h.label,
          `${median(h.framesPerSec).toFixed(1)}${range(h.framesPerSec.map((v) => Math.round(v)))}`,
          `${median(h.picturesPerSec).toFixed(1)}${range(h.picturesPerSec.map((v) => Math.round(v)))}`,
          `≥ 30 ${passMiss(Math.min(median(h.framesPerSec), median(h.picturesPerSec)) >= 30)}`,
        ]),
      ),
    );
    log();
  }
  if (r.throughput.length) {
    log(
      'Training throughput: from the click on Train to the chart showing the last step; the core: the same steps in this Node process, timed just before each repetition;',
    );
    log("  app/core: the median of the repetitions' ratios to the core timed beside them.");
    log(
      table(
        ['network', 'core steps/s', 'app steps/s', 'app/core', 'goal', 'longest task ms'],
        r.throughput.map((t) => [
          t.label,
          Math.round(t.coreStepsPerSec).toLocaleString('en-US'),
          `${Math.round(median(t.appStepsPerSec)).toLocaleString('en-US')}${range(t.appStepsPerSec.map(Math.round))}`,
          `${t.ratio.toFixed(2)}×${t.ratios.length > 1 ? ` (${Math.min(...t.ratios).toFixed(2)}–${Math.max(...t.ratios).toFixed(2)})` : ''}`,
          // Train 10k of numpy-341 is over in about one frame of the core: its ratio measures latency
          t.id === 'app-train-numpy-341' ? 'latency-bound' : `≥ 0.8× ${passMiss(t.ratio >= 0.8)}`,
          `${ms(median(t.longestTaskMs))}${range(t.longestTaskMs)}`,
        ]),
      ),
    );
    log();
  }
  if (r.stop.length) {
    log('Stop latency: from the click on Stop (1.5 s into Train 10k) to the training controls back.');
    log(
      table(
        ['network', 'latency ms', 'goal', 'longest task ms while training'],
        r.stop.map((t) => [
          t.label,
          `${ms(median(t.latencyMs))}${range(t.latencyMs)}`,
          `< 100 ms ${passMiss(median(t.latencyMs) < 100)}`,
          `${ms(median(t.longestTaskMs))}${range(t.longestTaskMs)}`,
        ]),
      ),
    );
    log();
  }
  if (r.open.length) {
    log(
      'Opening the largest documents: a link from navigation, a file from its choice, to the page showing the diagram and the train buttons.',
    );
    log(
      table(
        ['document', 'usable after ms', 'goal', 'longest task ms', 'goal '],
        r.open.map((t) => [
          t.label,
          `${ms(median(t.usableMs))}${range(t.usableMs)}`,
          `< 2000 ms ${passMiss(median(t.usableMs) < 2000)}`,
          `${ms(median(t.longestTaskMs))}${range(t.longestTaskMs)}`,
          `< 200 ms ${passMiss(median(t.longestTaskMs) < 200)}`,
        ]),
      ),
    );
    log();
  }
  if (r.lessons.length) {
    log(
      'Opening a lesson or a preset from the preset menu: to the lesson panel shown, to the final label placement drawn, and the longest main-thread task until a second after.',
    );
    log(
      table(
        ['choice', 'panel after ms', 'labels placed after ms', 'longest task ms', 'goal'],
        r.lessons.map((t) => [
          t.label,
          t.panelMs.every((v) => Number.isNaN(v)) ? '–' : `${ms(median(t.panelMs))}${range(t.panelMs)}`,
          `${ms(median(t.labelsMs))}${range(t.labelsMs)}`,
          `${ms(median(t.longestTaskMs))}${range(t.longestTaskMs)}`,
          `< 100 ms ${passMiss(Math.max(...t.longestTaskMs) < 100)}`,
        ]),
      ),
    );
    log();
  }
  log(`app speed: ${seconds.toFixed(1)} s`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const wanted = editCases().filter((c) => only === null || only.includes(c.id));
  if (wanted.length === 0 && onlyApp !== null && onlyApp.length === 0) return;
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    const msg = `edit-to-frame: SKIPPED — no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH; never \`npx playwright install\`)`;
    if (asJson) console.log(JSON.stringify({ skipped: msg }));
    else console.log(msg);
    process.exitCode = 1;
    return;
  }
  const progressOn = !asJson && process.stderr.isTTY;
  const report =
    wanted.length === 0
      ? null
      : await runEditToFrame({
          root: flag('--root') ?? process.cwd(),
          only,
          profile: mode('--profile'),
          diagnose: mode('--diagnose'),
          traceDir: flag('--trace-dir'),
          appDir: flag('--app-dir'),
          progress: progressOn ? (s) => process.stderr.write(`\r\x1b[K  ${s}`) : undefined,
        });
  if (progressOn) process.stderr.write('\r\x1b[K');
  const seconds = (performance.now() - started) / 1000;
  if (report && !asJson) printReport(report, seconds);
  const appStarted = performance.now();
  const app =
    onlyApp !== null && onlyApp.length === 0
      ? null
      : await runAppSpeed({
          root: flag('--root') ?? process.cwd(),
          appDir: flag('--app-dir'),
          only: onlyApp,
          reps: appReps(),
          progress: progressOn ? (s) => process.stderr.write(`\r\x1b[K  ${s}`) : undefined,
        });
  if (progressOn) process.stderr.write('\r\x1b[K');
  if (app && !asJson) {
    log();
    printAppSpeed(app, (performance.now() - appStarted) / 1000);
  }
  if (asJson)
    console.log(
      JSON.stringify({ ...(report ?? {}), appSpeed: app, totalSeconds: (performance.now() - started) / 1000 }, null, 2),
    );
}

await main();

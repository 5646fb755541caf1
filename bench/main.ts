/**
 * The bench itself (bench/run.ts bundles this file and runs it in a plain node): training
 * throughput of the core against TensorFlow.js (pure CPU backend) on the same networks,
 * plus the numpy-341 10k-step time. Every number is a median over repeated timed batches
 * after a warm-up. Flags: --json (print JSON instead of the tables), --only id,id.
 */
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { compileScenario } from '../src/core/compile.ts';
import { createTrainer, train, trainStep } from '../src/core/train.ts';
import { measure, median, type Timing } from './measure.ts';
import { benchCases, NUMPY341_LOSS_AFTER_10K, numpy341, type BenchCase } from './networks.ts';
import { int, num, passMiss, ratio, table } from './report.ts';
import { createTfjsTrainer, loadTfjs, tfjsInfo } from './tfjs-trainer.ts';
import { LANDSCAPE_GOAL_MS, landscapeBench } from './landscape.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : (args[args.indexOf(onlyArg) + 1] ?? '')).split(',')
  : null;

const TARGET_MS = 200;
const REPS = 9;
const SLOW_REPS = 5;
const WARMUP_MS = 400;
const CHECK_STEPS = 3;
const NUMPY_STEPS = 10_000;
const NUMPY_REPS = 11;
const NUMPY_GOAL_MS = 50;

const log = (s = ''): void => {
  if (!asJson) console.log(s);
};

interface CaseResult {
  id: string;
  label: string;
  weights: number;
  batch: number;
  flopsPerStep: number;
  core: Timing & { gflops: number };
  tfjs: Timing & { gflops: number; tensorsBefore: number; tensorsAfter: number };
  ratio: number;
  goalRatio: number | null;
  pass: boolean | null;
  /** largest |L_core − L_tfjs| / |L_core| over the first CHECK_STEPS steps from the same start */
  lossAgreement: number;
}

function timeCore(c: BenchCase): Timing {
  const tr = createTrainer(compileScenario(c.scenario));
  return measure(
    (steps) => {
      for (let k = 0; k < steps; k++) trainStep(tr);
    },
    { targetMs: TARGET_MS, reps: REPS, warmupMs: WARMUP_MS },
  );
}

function timeTfjs(c: BenchCase): Timing & { tensorsBefore: number; tensorsAfter: number } {
  const t = createTfjsTrainer(c.scenario);
  t.run(1);
  // A step of the big stacks takes longer than a timed batch should: fewer reps there.
  const t0 = performance.now();
  t.run(1);
  const slow = performance.now() - t0 > TARGET_MS / 2;
  const tensorsBefore = t.tensors();
  const timing = measure((steps) => t.run(steps), {
    targetMs: TARGET_MS,
    reps: slow ? SLOW_REPS : REPS,
    warmupMs: slow ? 0 : WARMUP_MS,
  });
  const tensorsAfter = t.tensors();
  t.dispose();
  return { ...timing, tensorsBefore, tensorsAfter };
}

/** The first CHECK_STEPS batch losses of both trainers from the same start: the same network, the same data. */
function lossAgreement(c: BenchCase): number {
  const tr = createTrainer(compileScenario(c.scenario));
  const t = createTfjsTrainer(c.scenario);
  let worst = 0;
  for (let k = 0; k < CHECK_STEPS; k++) {
    const lc = trainStep(tr);
    const lt = t.stepWithLoss();
    worst = Math.max(worst, Math.abs(lc - lt) / Math.max(Math.abs(lc), 1e-300));
  }
  t.dispose();
  return worst;
}

function runCase(c: BenchCase): CaseResult {
  const agreement = lossAgreement(c);
  const core = timeCore(c);
  const tfjs = timeTfjs(c);
  const r = core.stepsPerSec / tfjs.stepsPerSec;
  return {
    id: c.id,
    label: c.label,
    weights: c.weights,
    batch: c.batch,
    flopsPerStep: c.flopsPerStep,
    core: { ...core, gflops: (core.stepsPerSec * c.flopsPerStep) / 1e9 },
    tfjs: { ...tfjs, gflops: (tfjs.stepsPerSec * c.flopsPerStep) / 1e9 },
    ratio: r,
    goalRatio: c.goalRatio ?? null,
    pass: c.goalRatio === undefined ? null : r >= c.goalRatio,
    lossAgreement: agreement,
  };
}

/** `train(trainer, 10 000)` on numpy-341 from a fresh trainer each time; median ms. */
function numpy10k(): { medianMs: number; ms: number[]; finalLoss: number; referenceLoss: number; pass: boolean } {
  const compiled = compileScenario(numpy341().scenario);
  const history = new Float64Array(NUMPY_STEPS + 1);
  for (let k = 0; k < 3; k++) train(createTrainer(compiled), NUMPY_STEPS, history);
  const ms: number[] = [];
  for (let r = 0; r < NUMPY_REPS; r++) {
    const tr = createTrainer(compiled);
    const t0 = performance.now();
    train(tr, NUMPY_STEPS, history);
    ms.push(performance.now() - t0);
  }
  const medianMs = median(ms);
  return {
    medianMs,
    ms,
    finalLoss: history[NUMPY_STEPS],
    referenceLoss: NUMPY341_LOSS_AFTER_10K,
    pass: medianMs < NUMPY_GOAL_MS,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  await loadTfjs();
  const info = tfjsInfo();
  const cases = benchCases().filter((c) => only === null || only.includes(c.id));
  log(`Backprop Lab bench — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}`);
  log(
    `core: float64 (Float64Array), a loop of trainStep | tfjs-core ${info.version}, backend '${info.backend}' (pure JS), float32 (tfjs has no float64),`,
  );
  log(
    '  tf.train.sgd(lr).minimize(loss) in tf.tidy | same initial weights, data, loss, full batch, plain SGD; one esbuild bundle in a plain node',
  );
  log('FLOPs per training step = 6·W·B  (2·W·B forward matmuls + 4·W·B backward: input-grad and weight-grad matmuls;');
  log('  W = weights, B = batch; activations, loss, biases and the update are not counted)');
  log(
    `timing: warm-up ≥ ${WARMUP_MS} ms, then ${REPS} timed batches of ~${TARGET_MS} ms (${SLOW_REPS} when one tfjs step takes > ${TARGET_MS / 2} ms); medians`,
  );
  log();

  const results: CaseResult[] = [];
  const progress = !asJson && process.stderr.isTTY;
  for (const c of cases) {
    if (progress) process.stderr.write(`\r\x1b[K  running ${c.id}…`);
    results.push(runCase(c));
  }
  if (progress) process.stderr.write('\r\x1b[K');
  const numpy = only === null || only.includes('numpy-10k') || only.includes('numpy-341') ? numpy10k() : null;
  const landscape = only === null || only.includes('landscape') ? landscapeBench() : null;

  if (asJson) {
    console.log(
      JSON.stringify(
        {
          node: process.version,
          cpu: os.cpus()[0]?.model,
          cores: os.cpus().length,
          tfjs: info,
          flopsFormula: '6*W*B (2WB forward + 4WB backward matmuls)',
          cases: results,
          numpy341_10k: numpy,
          landscape,
          totalSeconds: (performance.now() - started) / 1000,
        },
        null,
        2,
      ),
    );
    return;
  }

  log(
    table(
      [
        'network',
        'W',
        'B',
        'FLOP/step',
        'core steps/s',
        'core GFLOP/s',
        'tfjs steps/s',
        'tfjs GFLOP/s',
        'core/tfjs',
        'goal',
      ],
      results.map((r) => [
        r.label,
        int(r.weights),
        String(r.batch),
        num(r.flopsPerStep),
        num(r.core.stepsPerSec),
        r.core.gflops.toFixed(3),
        num(r.tfjs.stepsPerSec),
        r.tfjs.gflops.toFixed(3),
        ratio(r.ratio),
        r.goalRatio === null ? '' : `≥${r.goalRatio}× ${passMiss(r.pass === true)}`,
      ]),
    ),
  );
  log();
  log(
    table(
      [
        'network',
        'core steps/batch',
        'core min–max steps/s',
        'tfjs steps/batch',
        'tfjs min–max steps/s',
        'tfjs tensors before→after',
        `loss rel. diff (${CHECK_STEPS} steps)`,
      ],
      results.map((r) => [
        r.id,
        String(r.core.stepsPerRep),
        `${num(r.core.minStepsPerSec)}–${num(r.core.maxStepsPerSec)}`,
        String(r.tfjs.stepsPerRep),
        `${num(r.tfjs.minStepsPerSec)}–${num(r.tfjs.maxStepsPerSec)}`,
        `${r.tfjs.tensorsBefore}→${r.tfjs.tensorsAfter}`,
        r.lossAgreement.toExponential(1),
      ]),
    ),
  );
  log();
  if (numpy || landscape || results.some((r) => r.goalRatio !== null)) log('Goals:');
  for (const r of results) {
    if (r.goalRatio === null) continue;
    log(`  ${passMiss(r.pass === true)}  ${r.label}: core/tfjs ${ratio(r.ratio)} (goal ≥ ${r.goalRatio}×)`);
  }
  if (numpy) {
    log(
      `  ${passMiss(numpy.pass)}  numpy-341 train(trainer, ${int(NUMPY_STEPS)}): ${numpy.medianMs.toFixed(1)} ms median of ${NUMPY_REPS}` +
        ` (min ${Math.min(...numpy.ms).toFixed(1)}, max ${Math.max(...numpy.ms).toFixed(1)}; goal < ${NUMPY_GOAL_MS} ms)`,
    );
    const rel = Math.abs(numpy.finalLoss - numpy.referenceLoss) / numpy.referenceLoss;
    log(
      `        loss after ${int(NUMPY_STEPS)} steps ${numpy.finalLoss.toPrecision(10)} (reference ${numpy.referenceLoss.toPrecision(10)}, rel. diff ${rel.toExponential(1)})`,
    );
  }
  if (landscape) {
    log(
      `  ${passMiss(landscape.pass)}  landscape 64×64 lossGrid, ${landscape.parameters} parameters, 6 samples: ${landscape.medianMs.toFixed(1)} ms median (goal < ${LANDSCAPE_GOAL_MS} ms)`,
    );
  }
  log();
  log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();

import { useEffect, useRef, useState } from 'react';
import { formatCodecError } from '../core/codec/codec-result.ts';
import {
  DATASET_GENERATORS,
  generateDataset,
  type ClassEncoding,
  type GeneratorName,
} from '../core/datasets/generate-dataset.ts';
import { withLayerSize, withSamples } from '../core/scenario-edits.ts';
import type { Scenario } from '../core/scenario.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

/** The class targets a network's output layer is made for: one-hot over several outputs, ±1 for tanh, else 0/1. */
function encodingFor(s: Scenario): ClassEncoding {
  const out = s.layers[s.layers.length - 1];
  if (out.size > 1) return 'one-hot';
  return 'activation' in out && out.activation.type === 'tanh' ? 'sign' : 'binary';
}

/** A generator's name. */
const NAMES: Record<GeneratorName, string> = {
  circle: 'Circle',
  xor: 'XOR',
  gaussians: 'Two Gaussians',
  spiral: 'Spiral',
  plane: 'Plane',
  sine: 'Sine',
};

type Generator = (typeof DATASET_GENERATORS)[number];

/** Its name in the menu, whose groups say classes or regression: short, so Generate fits beside it. */
function menuName(g: Generator): string {
  return g.inputs === 1 ? `${NAMES[g.name]} (1 input)` : NAMES[g.name];
}

/** Its name with its kind, as an undo entry says it ("Generate Sine (regression, 1 input)"). */
function fullName(g: Generator): string {
  if (g.kind !== 'regression') return NAMES[g.name];
  return `${NAMES[g.name]} (regression${g.inputs === 1 ? ', 1 input' : ''})`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function inputsText(n: number): string {
  return `${n} node${n === 1 ? '' : 's'}`;
}

/** A number typed in a field: NaN when it is not one, so the generator's check names the field. */
function num(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

/**
 * The dataset generators: type, count, noise, seed and test fraction, deterministic
 * (mulberry32); Generate replaces data and testData as one undoable edit.
 */
export function DataGenerator() {
  const store = useAppStoreApi();
  const { nIn, nOut } = useAppStore((s) => ({
    nIn: s.scenario.layers[0].size,
    nOut: s.scenario.layers[s.scenario.layers.length - 1].size,
  }));
  const [generator, setGenerator] = useState<GeneratorName>('circle');
  const [count, setCount] = useState('200');
  const [noise, setNoise] = useState('0');
  const [seed, setSeed] = useState('1');
  const [testFraction, setTestFraction] = useState('0.5');
  const chosen = DATASET_GENERATORS.find((d) => d.name === generator)!;
  const [open, setOpen] = useState(false);
  const rows = useRef<HTMLDivElement>(null);
  // Opened, or another set chosen: its controls and Generate are scrolled into the panel's view,
  // under the plot that stays at the panel's top (at 1366×768 they were below its fold)
  useEffect(() => {
    if (open) rows.current?.scrollIntoView?.({ block: 'nearest' });
  }, [open, generator]);

  const generate = () => {
    const s = store.getState();
    const g = DATASET_GENERATORS.find((d) => d.name === generator)!;
    const what = `Generate ${fullName(chosen)}`;
    const encoding = encodingFor(s.scenario);
    const problems: string[] = [];
    if (g.kind === 'regression' && nOut !== 1)
      problems.push(`a regression set has 1 target; the network has ${nOut} outputs`);
    if (g.kind === 'classification' && nOut > 2)
      problems.push(`two classes need 1 or 2 outputs; the network has ${nOut}`);
    const result = generateDataset({
      generator,
      count: num(count),
      noise: num(noise),
      seed: num(seed),
      testFraction: num(testFraction),
      ...(g.kind === 'classification' ? { targets: encoding } : {}),
    });
    if (!result.ok) problems.push(...result.errors.map(formatCodecError));
    if (problems.length > 0 || !result.ok) {
      s.setNotice({ kind: 'error', text: `${what}: not possible; nothing was changed.`, details: problems });
      return;
    }
    const { data, testData } = result.value;
    // a set of another input count reshapes the input layer in the same edit (the hint said so)
    const reshaped = g.inputs !== s.scenario.layers[0].size;
    const change = (sc: Scenario) => withSamples(reshaped ? withLayerSize(sc, 0, g.inputs) : sc, { data, testData });
    if (s.changeScenario(change, what)) {
      const suggested = result.value.suggested;
      s.setNotice({
        kind: 'info',
        text:
          `${data.length} training and ${testData.length} test points from ${NAMES[generator]} (noise ${noise}, seed ${seed}). ` +
          (reshaped ? `The network's input layer now has ${inputsText(g.inputs)}. ` : '') +
          `Their targets are made for ${article(suggested.outputActivation)} ${suggested.outputActivation} output with ${suggested.loss} loss. Undo brings the old data${reshaped ? ' and inputs' : ''} back.`,
      });
    }
  };

  return (
    <details
      className="data-generator"
      data-testid="data-generator"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Generate data</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          generate();
        }}
      >
        <div ref={rows} className="data-gen-rows">
          <div className="data-gen-row">
            <label>
              set{' '}
              <select
                value={generator}
                onChange={(e) => setGenerator(e.target.value as GeneratorName)}
                data-testid="gen-type"
              >
                {(['classification', 'regression'] as const).map((kind) => (
                  <optgroup key={kind} label={kind === 'classification' ? 'Classes' : 'Regression'}>
                    {DATASET_GENERATORS.filter((g) => g.kind === kind).map((g) => (
                      <option key={g.name} value={g.name}>
                        {menuName(g)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
            <label>
              points <input size={4} value={count} onChange={(e) => setCount(e.target.value)} data-testid="gen-count" />
            </label>
            <button type="submit" data-testid="gen-run">
              Generate
            </button>
          </div>
          <div className="data-gen-row">
            <label>
              noise <input size={4} value={noise} onChange={(e) => setNoise(e.target.value)} data-testid="gen-noise" />
            </label>
            <label>
              seed <input size={5} value={seed} onChange={(e) => setSeed(e.target.value)} data-testid="gen-seed" />
            </label>
            <label>
              test fraction{' '}
              <input
                size={4}
                value={testFraction}
                onChange={(e) => setTestFraction(e.target.value)}
                data-testid="gen-test"
              />
            </label>
          </div>
        </div>
        {chosen.inputs !== nIn && (
          <p className="data-gen-hint" role="note" data-testid="gen-hint">
            {NAMES[generator]} has {chosen.inputs} input{chosen.inputs > 1 ? 's' : ''}; this network has {nIn}. Generate
            also makes its input layer {inputsText(chosen.inputs)}
            {chosen.inputs < nIn
              ? ` (the weights from the first ${chosen.inputs === 1 ? 'input' : `${chosen.inputs} inputs`} are kept)`
              : ' (the new inputs’ weights start at 0)'}
            , in the same undoable edit.
          </p>
        )}
      </form>
    </details>
  );
}

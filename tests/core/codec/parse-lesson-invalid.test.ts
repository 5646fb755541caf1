import { describe, expect, it } from 'vitest';
import { parseLesson, parseLessonJson } from '../../../src/core/codec/parse-lesson.ts';
import { serializeScenario } from '../../../src/core/codec/serialize-scenario.ts';
import { loadPreset, PRESET_CATALOG } from '../../../src/presets/index.ts';

type Doc = Record<string, unknown>;

const mazur = loadPreset('mazur');
if (mazur === null) throw new Error('the mazur preset is missing');

/** A valid lesson over Mazur's 2-2-2 network (no `hide`, one step), changed by `edit`. */
function lesson(edit: (doc: Doc) => void = () => {}): Doc {
  const doc: Doc = {
    format: 'backprop-lesson/1',
    title: 'Mazur',
    scenario: 'preset:mazur',
    steps: [
      {
        title: 'The error of o₁',
        text: 'o₁ is {{a:node:2:0}}.',
        view: { pos: 9, sel: 'node:2:0', panel: 'math' },
        compare: [{ label: 'Mazur prints', value: 0.274811083, of: 'loss-term:0' }],
      },
      { text: 'Multiply.', view: { pos: 12, sel: 'edge:1:0:0' }, ask: { of: 'gradient:edge:1:0:0', digits: 4 } },
    ],
  };
  edit(doc);
  return doc;
}

function step(doc: Doc, k: number): Doc {
  return (doc.steps as Doc[])[k];
}

const cases: [string, (doc: Doc) => void, string, RegExp][] = [
  ['format missing', (d) => delete d.format, 'format', /required field is missing/],
  ['format of a scenario', (d) => (d.format = 'backprop-scenario/1'), 'format', /expected "backprop-lesson\/1"/],
  ['title missing', (d) => delete d.title, 'title', /required/],
  ['title too long', (d) => (d.title = 'x'.repeat(501)), 'title', /501 characters exceed the limit of 500/],
  ['title not text', (d) => (d.title = 3), 'title', /expected a string, got 3/],
  [
    'description too long',
    (d) => (d.description = 'x'.repeat(10_001)),
    'description',
    /10,001 characters exceed the limit of 10,000/,
  ],
  ['unknown top-level field', (d) => (d.author = 'me'), 'author', /unknown field/],
  ['scenario missing', (d) => delete d.scenario, 'scenario', /required/],
  [
    'unknown preset',
    (d) => (d.scenario = 'preset:nope'),
    'scenario',
    /unknown preset "nope" \(expected preset:walkthrough/,
  ],
  [
    'scenario string without preset:',
    (d) => (d.scenario = 'mazur'),
    'scenario',
    /expected a whole scenario object or "preset:ID"/,
  ],
  ['scenario not an object', (d) => (d.scenario = 7), 'scenario', /expected a whole scenario object/],
  [
    'invalid whole scenario',
    (d) => (d.scenario = { ...serializeScenario(mazur), loss: 'hinge' }),
    'scenario.loss',
    /unknown loss "hinge"/,
  ],
  [
    'scenario with an unknown field',
    (d) => (d.scenario = { ...serializeScenario(mazur), colour: 'red' }),
    'scenario.colour',
    /unknown field/,
  ],
  [
    'hide an unknown control',
    (d) => (d.hide = ['architecture', 'everything']),
    'hide[1]',
    /unknown control "everything"/,
  ],
  ['hide twice', (d) => (d.hide = ['presets', 'presets']), 'hide[1]', /named twice/],
  ['hide not a list', (d) => (d.hide = 'presets'), 'hide', /expected an array/],
  ['steps missing', (d) => delete d.steps, 'steps', /required/],
  ['no steps', (d) => (d.steps = []), 'steps', /at least 1 step/],
  [
    '201 steps',
    (d) => (d.steps = Array.from({ length: 201 }, () => ({ text: 'x' }))),
    'steps',
    /201 steps exceed the limit of 200/,
  ],
  ['a step not an object', (d) => ((d.steps as unknown[])[1] = 'text'), 'steps[1]', /expected a step object/],
  ['step text missing', (d) => delete step(d, 1).text, 'steps[1].text', /required/],
  [
    'step text too long',
    (d) => (step(d, 0).text = 'x'.repeat(20_001)),
    'steps[0].text',
    /20,001 characters exceed the limit of 20,000/,
  ],
  [
    'step title too long',
    (d) => (step(d, 0).title = 'x'.repeat(201)),
    'steps[0].title',
    /201 characters exceed the limit of 200/,
  ],
  ['unknown step field', (d) => (step(d, 1).hint = 'x'), 'steps[1].hint', /unknown field/],
  [
    'unknown view field',
    (d) => (step(d, 0).view = { position: 3 }),
    'steps[0].view.position',
    /unknown field \(allowed: pos, sample, sel, panel, z, follow, worksheet\)/,
  ],
  ['pos negative', (d) => (step(d, 0).view = { pos: -1 }), 'steps[0].view.pos', /expected an integer ≥ 0/],
  [
    'pos a string as in a link',
    (d) => (step(d, 0).view = { pos: '9' }),
    'steps[0].view.pos',
    /expected an integer ≥ 0, got "9"/,
  ],
  [
    'pos past the iteration',
    (d) => (step(d, 1).view = { pos: 999 }),
    'steps[1].view.pos',
    /999 is past the end of the iteration \(it has \d+ steps/,
  ],
  [
    'sample past the batch',
    (d) => (step(d, 1).view = { sample: 1 }),
    'steps[1].view.sample',
    /the first batch has no sample 1 \(it has 1 sample/,
  ],
  ['sel malformed', (d) => (step(d, 0).view = { sel: 'node:2' }), 'steps[0].view.sel', /expected a selection/],
  [
    'sel weight from a node that is not there',
    (d) => (step(d, 1).view = { sel: 'edge:0:0:5' }),
    'steps[1].view.sel',
    /^the network has no weight from node 5 of layer 0 \(layer 0 has 2 nodes\)$/,
  ],
  [
    'sel node not there',
    (d) => (step(d, 0).view = { sel: 'node:3:0' }),
    'steps[0].view.sel',
    /the network has no layer 3/,
  ],
  [
    'sel bias of the input layer',
    (d) => (step(d, 0).view = { sel: 'bias:2:0' }),
    'steps[0].view.sel',
    /no biases into layer 3/,
  ],
  [
    'panel settings (no lesson panel)',
    (d) => (step(d, 0).view = { panel: 'settings' }),
    'steps[0].view.panel',
    /unknown panel "settings" \(expected math, matrix, landscape, compare\)/,
  ],
  [
    'panel data (the app has the tab; the lesson format has no such panel)',
    (d) => (step(d, 0).view = { panel: 'data' }),
    'steps[0].view.panel',
    /unknown panel "data" \(expected math, matrix, landscape, compare\)/,
  ],
  ['z as 1 as in a link', (d) => (step(d, 0).view = { z: 1 }), 'steps[0].view.z', /expected true or false, got 1/],
  [
    'worksheet not a boolean',
    (d) => (step(d, 0).view = { worksheet: 'yes' }),
    'steps[0].view.worksheet',
    /expected true or false/,
  ],
  ['ask without of', (d) => (step(d, 1).ask = { digits: 3 }), 'steps[1].ask.of', /required/],
  [
    'ask digits 0',
    (d) => (step(d, 1).ask = { of: 'loss', digits: 0 }),
    'steps[1].ask.digits',
    /expected an integer in \[1, 17\]/,
  ],
  [
    'ask digits fractional',
    (d) => (step(d, 1).ask = { of: 'loss', digits: 2.5 }),
    'steps[1].ask.digits',
    /expected an integer in \[1, 17\]/,
  ],
  [
    'ask of an unknown kind',
    (d) => (step(d, 1).ask = { of: 'delta:node:2:0' }),
    'steps[1].ask.of',
    /unknown quantity "delta"/,
  ],
  [
    'ask of a node gradient',
    (d) => (step(d, 1).ask = { of: 'gradient:node:2:0' }),
    'steps[1].ask.of',
    /"gradient" is of a weight or a bias/,
  ],
  [
    'ask of a weight not in the network',
    (d) => (step(d, 1).ask = { of: 'gradient:edge:1:2:0' }),
    'steps[1].ask.of',
    /no weight to node 2 of layer 2/,
  ],
  ['ask of z of an input', (d) => (step(d, 1).ask = { of: 'z:node:0:0' }), 'steps[1].ask.of', /an input node has no z/],
  [
    'compare value not finite',
    (d) => (step(d, 0).compare = [{ label: 'x', value: 'NaN', of: 'loss' }]),
    'steps[0].compare[0].value',
    /expected a finite number/,
  ],
  [
    'compare without label',
    (d) => (step(d, 0).compare = [{ value: 1, of: 'loss' }]),
    'steps[0].compare[0].label',
    /required/,
  ],
  [
    'compare with an unknown field',
    (d) => (step(d, 0).compare = [{ label: 'x', value: 1, of: 'loss', digits: 3 }]),
    'steps[0].compare[0].digits',
    /unknown field/,
  ],
  [
    '21 comparisons',
    (d) => (step(d, 0).compare = Array.from({ length: 21 }, () => ({ label: 'x', value: 1, of: 'loss' }))),
    'steps[0].compare',
    /21 comparisons exceed the limit of 20/,
  ],
  [
    'loss term of an output not there',
    (d) => (step(d, 0).compare = [{ label: 'x', value: 1, of: 'loss-term:2' }]),
    'steps[0].compare[0].of',
    /no output 2 \(it has 2: 0 to 1\)/,
  ],
  [
    'input not there',
    (d) => (step(d, 0).compare = [{ label: 'x', value: 1, of: 'x:2' }]),
    'steps[0].compare[0].of',
    /no input 2/,
  ],
  [
    'loss with a selection',
    (d) => (step(d, 0).compare = [{ label: 'x', value: 1, of: 'loss:loss' }]),
    'steps[0].compare[0].of',
    /"loss" takes no selection: write loss/,
  ],
  [
    'text reference not in the network',
    (d) => (step(d, 0).text = 'See {{a:node:2:7}}.'),
    'steps[0].text',
    /\{\{a:node:2:7\}\}: the network has no node 7 in layer 2/,
  ],
  [
    'text reference malformed',
    (d) => (step(d, 0).text = 'See {{a:node}}.'),
    'steps[0].text',
    /character 5: \{\{a:node\}\}:/,
  ],
  [
    'text with an unclosed {{',
    (d) => (step(d, 0).text = 'See {{a:node:2:0 here'),
    'steps[0].text',
    /"\{\{" is never closed/,
  ],
  [
    'text with a dollar that is no math',
    (d) => (step(d, 0).text = 'It costs $5.'),
    'steps[0].text',
    /never closed \(write \\\$ for a dollar sign\)/,
  ],
  [
    'step scenario invalid',
    (d) => (step(d, 1).scenario = { ...serializeScenario(mazur), optimizer: { type: 'sgd' } }),
    'steps[1].scenario.optimizer.learningRate',
    /required/,
  ],
  [
    'step scenario a preset string',
    (d) => (step(d, 1).scenario = 'preset:mazur'),
    'steps[1].scenario',
    /expected a whole scenario object/,
  ],
  [
    'a step scenario leaves an earlier selection dangling',
    (d) => {
      const small = {
        ...serializeScenario(mazur),
        layers: [{ size: 1 }, { size: 1, activation: 'sigmoid', bias: false }],
        weights: [[[1]]],
        biases: [null],
        data: [{ x: [1], y: [0] }],
        weightLabels: undefined,
        biasLabels: undefined,
        trainable: undefined,
      };
      (d.steps as Doc[]).push({
        text: 'smaller',
        scenario: JSON.parse(JSON.stringify(small)) as unknown,
        view: { pos: 0 },
      });
    },
    'steps[2].scenario',
    /the selection edge:1:0:0 an earlier step set: the network has no weights into layer 2/,
  ],
  [
    'a reference checked against the step scenario, not the first',
    (d) => {
      const small = {
        ...serializeScenario(mazur),
        layers: [{ size: 1 }, { size: 1, activation: 'sigmoid', bias: false }],
        weights: [[[1]]],
        biases: [null],
        data: [{ x: [1], y: [0] }],
        weightLabels: undefined,
        biasLabels: undefined,
        trainable: undefined,
      };
      (d.steps as Doc[]).push({
        text: 'smaller {{x:1}}',
        scenario: JSON.parse(JSON.stringify(small)) as unknown,
        view: { pos: 0, sel: 'none' },
      });
    },
    'steps[2].text',
    /\{\{x:1\}\}: the network has no input 1/,
  ],
  [
    'a step scenario with a shorter iteration leaves an earlier position past its end',
    (d) => {
      const small = {
        ...serializeScenario(mazur),
        layers: [{ size: 1 }, { size: 1, activation: 'sigmoid', bias: false }],
        weights: [[[1]]],
        biases: [null],
        data: [{ x: [1], y: [0] }],
        weightLabels: undefined,
        biasLabels: undefined,
        trainable: undefined,
      };
      (d.steps as Doc[]).push({
        text: 'smaller',
        scenario: JSON.parse(JSON.stringify(small)) as unknown,
        view: { sel: 'none' },
      });
    },
    'steps[2].scenario',
    /the position 12 an earlier step set is past the end of this scenario's iteration \(it has 6 steps, positions 0 to 6\); give this step a view.pos/,
  ],
  [
    'a step scenario with fewer samples leaves an earlier sample outside its batch',
    (d) => {
      const numpy = loadPreset('numpy-341');
      if (numpy === null) throw new Error('no numpy-341 preset');
      (d.steps as Doc[]).splice(
        1,
        1,
        {
          text: 'four samples',
          scenario: serializeScenario(numpy) as unknown,
          view: { pos: 0, sample: 3, sel: 'none' },
        },
        { text: 'back to one', scenario: serializeScenario(mazur) as unknown, view: { pos: 0 } },
      );
    },
    'steps[2].scenario',
    /the sample 3 an earlier step set is not in this scenario's first batch \(it has 1 sample, 0\); give this step a view.sample/,
  ],
];

describe('invalid lessons are rejected whole, with the path of what is wrong', () => {
  it('the base lesson is valid', () => {
    const result = parseLesson(lesson(), PRESET_CATALOG);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it(`has at least 30 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, edit, path, message] of cases) {
    it(name, () => {
      const result = parseLesson(lesson(edit), PRESET_CATALOG);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const hit = result.errors.find((e) => e.path === path);
      expect(hit, JSON.stringify(result.errors)).toBeDefined();
      expect(hit?.message).toMatch(message);
    });
  }

  it('names the preset ids when none is known', () => {
    const result = parseLesson(lesson());
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        { path: 'scenario', message: 'unknown preset "mazur" (no presets are known here)' },
      ]);
  });

  it('rejects a document over 2,000,000 characters, as text and as a value', () => {
    const big = lesson((d) => (d.description = 'x'.repeat(2_000_000)));
    const text = JSON.stringify(big);
    for (const result of [parseLessonJson(text, PRESET_CATALOG), parseLesson(big, PRESET_CATALOG)]) {
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.errors[0]).toEqual({
          path: '(root)',
          message: `the lesson document has ${text.length.toLocaleString('en-US')} characters, over the limit of 2,000,000`,
        });
    }
  });

  it('accepts 200 steps', () => {
    const result = parseLesson(
      lesson((d) => (d.steps = Array.from({ length: 200 }, () => ({ text: 'x' })))),
      PRESET_CATALOG,
    );
    expect(result.ok).toBe(true);
  });

  it('rejects text that is not JSON and values that are no lesson', () => {
    const notJson = parseLessonJson('{"format": ', PRESET_CATALOG);
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.errors[0].message).toMatch(/^not valid JSON/);
    for (const value of [null, 3, 'lesson', [], true]) {
      const result = parseLesson(value, PRESET_CATALOG);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.errors[0]).toMatchObject({
          path: '(root)',
          message: expect.stringMatching(/^expected a lesson object/) as unknown,
        });
    }
  });

  it('a catalog that throws is one error, never a throw', () => {
    const result = parseLesson(lesson(), {
      ids: ['mazur'],
      load: () => {
        throw new Error('broken');
      },
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'scenario', message: 'the preset could not be loaded: broken' }],
    });
  });
});

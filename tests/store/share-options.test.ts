import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/codec/parse-scenario.ts';
import { scenarioToJson } from '../../src/core/codec/serialize-scenario.ts';
import { MAX_ERRORS } from '../../src/core/codec/error-list.ts';
import { loadPreset } from '../../src/presets/index.ts';
import { initialSession } from '../../src/store/initial-session.ts';
import { hideParam, readHideParam } from '../../src/store/lesson-link.ts';
import { linkOpensSettings, withLinkOptions } from '../../src/store/link-session.ts';
import { readScenarioHash, scenarioHash } from '../../src/store/share-link.ts';
import {
  readShareOptions,
  SHARE_LINK_LIMIT,
  shareLinkFits,
  shareLinkHash,
  type ShareOptions,
} from '../../src/store/share-options.ts';
import { initialInputs } from '../../src/store/create-app-store.ts';

const mazur = loadPreset('mazur')!;
const base = scenarioHash(mazur);

describe('share link options: writing', () => {
  it("with no options is exactly the spec's link: #scenario= + compressToEncodedURIComponent(JSON)", () => {
    const hash = shareLinkHash(mazur);
    expect(hash).toBe(`#scenario=${LZString.compressToEncodedURIComponent(scenarioToJson(mazur, 0))}`);
    expect(hash).toBe(base);
  });

  it('writes every option after the scenario, in a fixed order', () => {
    const options: ShareOptions = {
      hidden: ['training', 'settings'],
      followStep: false,
      showZ: true,
      panel: 'settings',
      selection: { kind: 'edge', l: 1, j: 0, i: 0 },
      sample: 0,
      position: 12,
    };
    expect(shareLinkHash(mazur, options)).toBe(
      `${base}&pos=12&sample=0&sel=edge:1:0:0&panel=settings&z=1&follow=0&hide=settings,training`,
    );
  });

  it('leaves out an empty lesson flag set', () => {
    expect(shareLinkHash(mazur, { hidden: [] })).toBe(base);
  });
});

describe('share link options: reading', () => {
  const cases: [string, ShareOptions][] = [
    ['nothing', {}],
    ['a position', { position: 0 }],
    [
      'everything',
      {
        position: 37,
        sample: 1,
        selection: { kind: 'bias', l: 0, j: 1 },
        panel: 'math',
        showZ: false,
        followStep: true,
        hidden: ['architecture', 'settings', 'training'],
      },
    ],
    ['a node and the settings panel', { selection: { kind: 'node', l: 2, j: 1 }, panel: 'settings', showZ: true }],
    ['the loss', { selection: { kind: 'loss' }, hidden: ['training'] }],
    ['no selection', { position: 3, selection: null }],
    ['a worksheet lesson', { worksheet: true, hidden: ['settings'] }],
    ['a locked worksheet lesson on one scenario', { worksheet: true, hidden: ['settings', 'worksheet', 'presets'] }],
    ...(['matrix', 'landscape', 'compare', 'data'] as const).map((panel): [string, ShareOptions] => [
      `the ${panel} tab`,
      { panel },
    ]),
  ];
  for (const [name, options] of cases) {
    it(`round-trips ${name}`, () => {
      const hash = shareLinkHash(mazur, options);
      const read = readShareOptions(hash);
      expect(read.ignored).toEqual([]);
      expect(read.isShareLink).toBe(true);
      expect(read.options).toEqual(options);
      // The scenario part still opens exactly the scenario, for the app and for other tools.
      const scenario = readScenarioHash(hash);
      expect(scenario?.ok && scenarioToJson(scenario.value)).toBe(scenarioToJson(mazur));
    });
  }

  it('reads nothing from a hash that is no share link', () => {
    expect(readShareOptions('')).toEqual({ isShareLink: false, options: {}, ignored: [] });
    expect(readShareOptions('#pos=3&hide=settings')).toEqual({ isShareLink: false, options: {}, ignored: [] });
  });

  it('accepts percent-encoded values (an address bar may encode the colons)', () => {
    expect(readShareOptions(`${base}&sel=edge%3A1%3A0%3A1`).options.selection).toEqual({
      kind: 'edge',
      l: 1,
      j: 0,
      i: 1,
    });
  });

  const malformed: [string, RegExp][] = [
    ['pos=abc', /"pos=abc": not a step position/],
    ['pos=-1', /"pos=-1": not a step position/],
    ['pos=1.5', /"pos=1.5": not a step position/],
    ['pos=99999999999', /"pos=99999999999": not a step position/],
    ['pos', /"pos": has no value \(was the link cut short\?\)/],
    ['sample=x', /"sample=x": not a sample index/],
    ['sel=edge:1:0', /"sel=edge:1:0": not a selection \(expected node:l:j, edge:l:j:i, bias:l:j, loss or none\)/],
    ['sel=wire:1:0', /"sel=wire:1:0": not a selection/],
    ['sel=node:-1:0', /"sel=node:-1:0": not a selection/],
    ['panel=chart', /"panel=chart": unknown panel \(expected math, matrix, landscape, compare, data, settings\)/],
    ['z=yes', /"z=yes": expected 1 or 0/],
    ['follow=', /"follow=": expected 1 or 0/],
    ['zoom=2', /"zoom=2": unknown parameter \(expected pos, sample, sel, panel, z, follow, worksheet, hide\)/],
    ['worksheet=yes', /"worksheet=yes": expected 1 or 0/],
    ['%E0%A4%A=1', /unknown parameter/],
  ];
  for (const [param, message] of malformed) {
    it(`ignores "${param}" and says so, keeping the rest`, () => {
      const read = readShareOptions(`${base}&${param}&hide=training`);
      expect(read.ignored).toHaveLength(1);
      expect(read.ignored[0]).toMatch(message);
      expect(read.options).toEqual({ hidden: ['training'] });
    });
  }

  it('keeps the known controls of a hide list and names the unknown ones', () => {
    const read = readShareOptions(`${base}&hide=settings,bogus,,training,settings`);
    expect(read.options.hidden).toEqual(['settings', 'training']);
    expect(read.ignored).toEqual([
      expect.stringMatching(
        /^"hide=settings,bogus,,training,settings": unknown control "bogus" \(expected architecture, settings, training, worksheet, presets\); settings, training hidden$/,
      ),
    ]);
  });

  it('uses the first of a repeated parameter and names the others', () => {
    const read = readShareOptions(`${base}&pos=3&pos=4&scenario=abc`);
    expect(read.options).toEqual({ position: 3 });
    expect(read.ignored).toEqual([
      '"pos=4": pos is given more than once; the first one is used',
      '"scenario=abc": a second scenario; the first one is opened',
    ]);
  });

  it('never throws on a link cut short anywhere', () => {
    const full = shareLinkHash(mazur, {
      position: 12,
      sample: 1,
      selection: { kind: 'edge', l: 1, j: 0, i: 0 },
      panel: 'settings',
      showZ: true,
      followStep: false,
      hidden: ['settings', 'training'],
    });
    for (let n = 0; n <= full.length; n++) {
      const cut = full.slice(0, n);
      expect(() => readShareOptions(cut)).not.toThrow();
      expect(() => initialSession(cut)).not.toThrow();
    }
    // Cut inside the options: what is whole is kept, the broken tail is named.
    const read = readShareOptions(full.slice(0, full.indexOf('&hide=') + 9));
    expect(read.options.position).toBe(12);
    expect(read.options.hidden).toEqual([]);
    expect(read.ignored).toEqual([expect.stringMatching(/unknown control "set"/)]);
  });

  it('quotes a long bad parameter only in part', () => {
    const read = readShareOptions(`${base}&${'x'.repeat(500)}=1`);
    expect(read.ignored[0].length).toBeLessThan(150);
  });
});

describe('lesson flags', () => {
  it('writes the hide list in a fixed order without duplicates', () => {
    expect(hideParam(['training', 'architecture', 'training'])).toBe('architecture,training');
    expect(hideParam([])).toBe('');
  });
  it('reads it totally', () => {
    expect(readHideParam('')).toEqual({ hidden: [], unknown: [] });
    expect(readHideParam('training,architecture')).toEqual({ hidden: ['architecture', 'training'], unknown: [] });
    expect(readHideParam('Settings,x')).toEqual({ hidden: [], unknown: ['Settings', 'x'] });
  });
});

describe('opening a link with options', () => {
  it('applies position, sample, selection, view settings and lesson flags', () => {
    const s = initialSession(
      shareLinkHash(mazur, {
        position: 12,
        sample: 0,
        selection: { kind: 'edge', l: 1, j: 0, i: 0 },
        showZ: true,
        followStep: false,
        hidden: ['settings', 'training'],
      }),
    );
    expect(s.notice).toBeNull();
    expect(s.position).toBe(12);
    expect(s.selection).toEqual({ kind: 'edge', l: 1, j: 0, i: 0 });
    expect(s.showZ).toBe(true);
    expect(s.followStep).toBe(false);
    expect(s.hidden).toEqual(['settings', 'training']);
    expect(scenarioToJson(s.scenario)).toBe(scenarioToJson(mazur));
  });

  it('a link with only #scenario= opens as before', () => {
    const s = initialSession(base);
    expect(s).toEqual(initialInputs(s.scenario, null));
  });

  it('a position without a selection selects what that step computed, as stepping there does', () => {
    expect(initialSession(shareLinkHash(mazur, { position: 1 })).selection).toEqual({ kind: 'node', l: 1, j: 0 });
    expect(initialSession(shareLinkHash(mazur, { position: 1, followStep: false })).selection).toBeNull();
    // sel=none says that nothing was selected.
    expect(initialSession(shareLinkHash(mazur, { position: 1, selection: null })).selection).toBeNull();
  });

  it('ignores what the scenario does not have, and names it in an info notice', () => {
    const s = initialSession(
      shareLinkHash(mazur, {
        position: 999,
        sample: 5,
        selection: { kind: 'edge', l: 3, j: 0, i: 0 },
        hidden: ['training'],
      }) + '&zoom=2',
    );
    expect(s.position).toBe(0);
    expect(s.sample).toBe(0);
    expect(s.selection).toBeNull();
    expect(s.hidden).toEqual(['training']);
    expect(s.notice?.kind).toBe('info');
    expect(s.notice?.text).toMatch(/some of its settings were ignored/);
    expect(s.notice?.details).toEqual([
      '"zoom=2": unknown parameter (expected pos, sample, sel, panel, z, follow, worksheet, hide)',
      '"pos=999": past the end of this iteration (it has 33 steps)',
      '"sample=5": there is 1 sample in the batch (0 to 0)',
      '"sel": the network has no weight from node 0 of layer 3 to node 0 of layer 4',
    ]);
  });

  it('a bias of a layer without biases is no selection', () => {
    const walk = loadPreset('walkthrough')!;
    const s = initialSession(shareLinkHash(walk, { selection: { kind: 'bias', l: 0, j: 0 } }));
    expect(s.selection).toBeNull();
    expect(s.notice?.details?.[0]).toMatch(/no bias of node 0 of layer 1/);
  });

  it('a broken scenario opens the default preset; the lesson flags still apply, the placement does not', () => {
    const hash = `#scenario=garbage&pos=3&sel=loss&hide=settings&bogus`;
    const s = initialSession(hash);
    expect(s.notice?.kind).toBe('error');
    expect(s.notice?.details?.at(-1)).toMatch(/"bogus": unknown parameter/);
    expect(s.hidden).toEqual(['settings']);
    expect(s.position).toBe(0);
    expect(s.selection).toBeNull();
  });

  it('withLinkOptions leaves a session alone for a hash that is no share link', () => {
    const inputs = initialInputs(mazur, 'mazur');
    expect(withLinkOptions(inputs, '#hide=settings', true)).toBe(inputs);
  });

  it('opens worksheet mode when a link asks for it, whatever scenario opened', () => {
    const inputs = initialInputs(mazur, 'mazur');
    expect(withLinkOptions(inputs, shareLinkHash(mazur, { worksheet: true }), false).worksheet).toBe(true);
    expect(withLinkOptions(inputs, shareLinkHash(mazur, {}), true).worksheet).toBe(false);
  });

  it('shows the side tab a link names, whatever scenario opened', () => {
    const inputs = initialInputs(mazur, 'mazur');
    expect(withLinkOptions(inputs, shareLinkHash(mazur, { panel: 'compare' }), true).sideTab).toBe('compare');
    expect(withLinkOptions(inputs, shareLinkHash(mazur, { panel: 'landscape' }), false).sideTab).toBe('landscape');
    expect(withLinkOptions(inputs, shareLinkHash(mazur, { panel: 'settings' }), true).sideTab).toBe('math');
  });

  it('opens the settings panel only when asked and not hidden', () => {
    expect(linkOpensSettings(shareLinkHash(mazur, { panel: 'settings' }))).toBe(true);
    expect(linkOpensSettings(shareLinkHash(mazur, { panel: 'math' }))).toBe(false);
    expect(linkOpensSettings(shareLinkHash(mazur, { panel: 'settings', hidden: ['settings'] }))).toBe(false);
    expect(linkOpensSettings('#panel=settings')).toBe(false);
  });
});

describe('a link with a flood of parameters', () => {
  it('names at most MAX_ERRORS of the ignored ones, then says how many more, as the codec caps its errors', () => {
    const junk = Array.from({ length: 100_000 }, (_, k) => `x${k}=1`).join('&');
    const read = readShareOptions(`${scenarioHash(loadPreset('mazur')!)}&pos=2&${junk}`);
    expect(read.options.position).toBe(2);
    expect(read.ignored).toHaveLength(MAX_ERRORS + 1);
    expect(read.ignored[0]).toMatch(/^"x0=1": unknown parameter/);
    expect(read.ignored[MAX_ERRORS]).toBe(
      `and 99,900 more parameters ignored: only the first ${MAX_ERRORS} are listed`,
    );
  });
});

describe('a share link too long to pass around', () => {
  it('fits up to SHARE_LINK_LIMIT characters (8,000, what RFC 9110 asks every URI reader to take)', () => {
    expect(SHARE_LINK_LIMIT).toBe(8000);
    expect(shareLinkFits('x'.repeat(8000))).toBe(true);
    expect(shareLinkFits('x'.repeat(8001))).toBe(false);
  });

  it('the presets fit; a network of a few thousand random weights does not', () => {
    for (const id of ['mazur', 'walkthrough', 'numpy-341'])
      expect(shareLinkFits(`https://example.org/backprop/${shareLinkHash(loadPreset(id)!)}`), id).toBe(true);
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const wide = parseScenario({
      format: 'backprop-scenario/1',
      layers: [
        { size: 64 },
        { size: 64, activation: 'tanh', bias: false },
        { size: 1, activation: 'sigmoid', bias: false },
      ],
      weights: [
        Array.from({ length: 64 }, () => Array.from({ length: 64 }, random)),
        [Array.from({ length: 64 }, random)],
      ],
      loss: 'bce',
      data: [{ x: Array.from({ length: 64 }, () => 0), y: [1] }],
      optimizer: { type: 'sgd', learningRate: 0.1 },
    });
    if (!wide.ok) throw new Error('invalid');
    expect(shareLinkFits(shareLinkHash(wide.value))).toBe(false);
  });
});

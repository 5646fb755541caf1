import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { scenarioToJson } from '../../src/core/codec/serialize-scenario.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { traceToJson } from '../../src/core/trace.ts';
import { traceCsv } from '../../src/core/trace-csv.ts';
import {
  choosePreset,
  clickEdge,
  edge,
  expectAllClose,
  nestedWeights,
  openApp,
  readCaption,
  readDiagram,
  typeInto,
} from './helpers/app.ts';
import { edited, parse, preset, readShareHash, shareHash, trace } from './helpers/core.ts';
import { test, expect } from './helpers/fixtures.ts';

/**
 * Share links with options and lesson flags, importing a scenario (file picker, drop,
 * paste) and every export, each read back: a shared link reproduces the numbers, an
 * exported scenario re-imports to the same numbers, the trace equals the trace command's.
 *
 * Numbers the browser computes are compared with Node's to 1e-12: Chromium's V8 and Node's
 * can differ in the last bit of exp and log. Numbers that are only carried (weights, a file
 * re-imported, a link reopened in the browser) are compared exactly.
 */

const TOL = 1e-12;

/** Equal structure and texts, numbers within TOL (relative above 1), naming the first difference. */
function expectDeepClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    const a = actual as number;
    expect(Math.abs(a - expected) <= TOL * Math.max(1, Math.abs(expected)), `${path}: ${a} vs ${expected}`).toBe(true);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, `${path} length`).toBe(expected.length);
    expected.forEach((e, k) => expectDeepClose((actual as unknown[])[k], e, `${path}[${k}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object), `${path} keys`).toEqual(Object.keys(expected));
    for (const [k, e] of Object.entries(expected))
      expectDeepClose((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

/** CSV rows as cells, numbers as numbers (the exported names hold no commas). */
function csvCells(text: string): (string | number)[][] {
  return text
    .trimEnd()
    .split('\r\n')
    .map((row) => row.split(',').map((c) => (c !== '' && !Number.isNaN(Number(c)) ? Number(c) : c)));
}

function sizesOf(s: Scenario): number[] {
  return s.layers.map((l) => l.size);
}

/** data-weight and data-grad of every edge, as the core computes them for `s`. */
async function expectScenarioShown(page: Page, s: Scenario): Promise<void> {
  const t = trace(s);
  await expect
    .poll(async () => nestedWeights(await readDiagram(page), sizesOf(s), 'weight'), { message: 'data-weight' })
    .toEqual(s.weights);
  expectAllClose(nestedWeights(await readDiagram(page), sizesOf(s), 'grad'), t.gradients.weights, TOL, 'data-grad');
}

async function gradsOf(page: Page): Promise<[string | null, string | null, string | null][]> {
  return page
    .locator('[data-edge]')
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-edge'), e.getAttribute('data-weight'), e.getAttribute('data-grad')]),
    );
}

async function openShare(page: Page): Promise<void> {
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-popover')).toBeVisible();
}

/** The link the share popover shows now. */
async function shareLink(page: Page): Promise<string> {
  return page.getByTestId('share-link').inputValue();
}

/** Clicks an item of the File menu and returns the download it starts. */
async function exportFile(page: Page, id: string): Promise<Download> {
  await page.getByTestId('file-menu-button').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId(`export-${id}`).click();
  return downloading;
}

async function downloaded(d: Download): Promise<Buffer> {
  const path = await d.path();
  return readFileSync(path);
}

function jsonFile(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

test.describe('share', () => {
  test('the link copies, and reopens the same numbers at the same step with the same selection', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await choosePreset(page, 'mazur');
    await typeInto(page, 'x-0-1', '0.25');
    await page.getByTestId('scrubber').fill('20');
    await clickEdge(page, '1:0:1');
    await page.getByText('show z').click();
    const caption = await readCaption(page);
    const title = await page.getByTestId('derivation-title').textContent();

    await openShare(page);
    await expect(page.getByTestId('share-status')).toHaveText(/copied to the clipboard/);
    // Without options, the link is the spec's: #scenario= and nothing else.
    const bare = await shareLink(page);
    expect(new URL(bare).hash).toMatch(/^#scenario=[A-Za-z0-9+$-]+$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bare);

    await page.getByTestId('share-position').check();
    await page.getByTestId('share-selection').check();
    await page.getByTestId('share-layout').check();
    const link = await shareLink(page);
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()), { message: 'a changed option copies again' })
      .toBe(link);
    const hash = new URL(link).hash;
    expect(hash).toMatch(/^#scenario=[^&]+&pos=20&sample=0&sel=edge:1:0:1&panel=math&z=1&follow=1$/);
    // Other tools read the scenario part as the spec says.
    const scenario = parse(readShareHash(hash.split('&')[0]));
    expect(scenario.data[0].x).toEqual([0.05, 0.25]);

    const grads = await gradsOf(page);
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.locator('[data-node="0:0"]')).toHaveCount(1);
    await expect(other.getByTestId('notice')).toHaveCount(0);
    expect(await gradsOf(other)).toEqual(grads);
    await expectScenarioShown(other, scenario);
    expect(await readCaption(other)).toEqual(caption);
    await expect(edge(other, '1:0:1')).toHaveAttribute('aria-pressed', 'true');
    await expect(other.getByTestId('derivation-title')).toHaveText(title!);
    await expect(other.getByLabel('show z')).toBeChecked();
    await other.close();
  });

  test('a link with the panels opens on the side tab that was showing (here: Compare)', async ({ page, context }) => {
    await openApp(page);
    await page.getByTestId('tab-compare').click();
    await openShare(page);
    await page.getByTestId('share-layout').check();
    await expect(page.getByTestId('share-popover')).toContainText('compare open');
    const link = await shareLink(page);
    expect(new URL(link).hash).toMatch(/&panel=compare&/);
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByTestId('compare-panel')).toBeVisible();
    await expect(other.getByTestId('tab-compare')).toHaveAttribute('aria-selected', 'true');
    await other.close();
  });

  test('where the clipboard is not available, the link is selected and the popover says so', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await openApp(page);
    await openShare(page);
    await expect(page.getByTestId('share-status')).toHaveText(/not allowed.*selected.*Ctrl\+C/);
    const link = page.getByTestId('share-link');
    await expect(link).toBeFocused();
    const selected = await link.evaluate((el: HTMLInputElement) => [
      el.selectionStart,
      el.selectionEnd,
      el.value.length,
    ]);
    expect(selected).toEqual([0, selected[2], selected[2]]);
    await page.screenshot({ path: 'test-results/screenshots/share-popover-no-clipboard.png' });
    // Escape closes it.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('share-popover')).toHaveCount(0);
    await expect(page.getByTestId('share-button')).toBeFocused();
  });

  test('a worksheet link opens in worksheet mode, and a reload keeps it', async ({ page, context }) => {
    await openApp(page);
    await openShare(page);
    await page.getByTestId('share-worksheet').check();
    await page.getByTestId('share-hide-settings').check();
    const link = await shareLink(page);
    expect(new URL(link).hash).toMatch(/&worksheet=1&hide=settings$/);
    await expect(page.getByTestId('worksheet-panel')).toHaveCount(0);

    const student = await context.newPage();
    await student.goto(link);
    await expect(student.getByTestId('worksheet-panel')).toBeVisible();
    await expect(student.getByTestId('worksheet-toggle')).toHaveAttribute('aria-pressed', 'true');
    await expect(student.getByTestId('settings-toggle')).toHaveCount(0);
    await expect(student.getByTestId('worksheet-prompt')).not.toBeEmpty();
    await student.reload();
    await expect(student.getByTestId('worksheet-panel')).toBeVisible();
    await student.close();
  });

  test("a teacher's lesson link hides the settings and the training buttons", async ({ page, context }) => {
    await openApp(page);
    await openShare(page);
    await page.getByTestId('share-hide-settings').check();
    await page.getByTestId('share-hide-training').check();
    const link = await shareLink(page);
    expect(new URL(link).hash).toMatch(/&hide=settings,training$/);

    const student = await context.newPage();
    await student.goto(link);
    await expect(student.locator('[data-node="0:0"]')).toHaveCount(1);
    await expect(student.getByTestId('settings-toggle')).toHaveCount(0);
    await expect(student.getByTestId('settings')).toHaveCount(0);
    await expect(student.getByRole('group', { name: 'Train' })).toHaveCount(0);
    await expect(student.getByTestId('train-1')).toHaveCount(0);
    const badge = student.getByTestId('lesson-badge');
    await expect(badge).toBeVisible();
    await expect(badge).toHaveText(/^Lesson: some controls are hidden/);
    await expect(badge).toHaveAttribute('title', /settings, training buttons/);
    await expect(student.getByRole('note')).toContainText('Lesson');
    // Stepping still works.
    await student.getByTestId('step-forward').click();
    await expect(student.getByTestId('step-caption')).toHaveText(/^1\//);
    await student.close();
  });

  test('a student keeps the lesson through an edit and a reload', async ({ page }) => {
    await openApp(page, `${shareHash(preset('mazur'))}&hide=settings,training`);
    await expect(page.getByTestId('settings-toggle')).toHaveCount(0);
    await clickEdge(page, '1:0:0');
    await typeInto(page, 'edit-weight', '0.7');
    await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.7');
    // the address follows the edit and keeps the lesson's flags
    await expect
      .poll(() => page.evaluate(() => window.location.hash), { timeout: 5_000 })
      .toMatch(/&hide=settings,training$/);
    await expect
      .poll(async () => readShareHash((await page.evaluate(() => window.location.hash)).split('&')[0]))
      .toMatchObject({
        weights: [
          [
            [0.15, 0.2],
            [0.25, 0.3],
          ],
          [
            [0.7, 0.45],
            [0.5, 0.55],
          ],
        ],
      });
    await page.reload();
    await expect(page.locator('[data-node="0:0"]')).toHaveCount(1);
    await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.7');
    await expect(page.getByTestId('settings-toggle')).toHaveCount(0);
    await expect(page.getByTestId('train-1')).toHaveCount(0);
    await expect(page.getByTestId('lesson-badge')).toBeVisible();
  });

  test('a lesson link can fix the architecture and open the settings; the other controls stay', async ({
    page,
    context,
  }) => {
    await openApp(page, `${shareHash(preset('mazur'))}&panel=settings&hide=architecture`);
    await expect(page.getByTestId('settings')).toBeVisible();
    await expect(page.getByTestId('lesson-badge')).toBeVisible();
    await expect(page.getByTestId('layer-size-1')).toHaveText('2');
    await expect(page.getByRole('button', { name: /One node (more|fewer) in layer/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '+ layer before' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'remove', exact: true })).toHaveCount(0);
    // Loss and optimizer settings, and training, are still there.
    await expect(page.getByTestId('setting-loss')).toBeEnabled();
    await expect(page.getByTestId('train-1')).toBeVisible();

    // Without the flag (a fresh page: a hash change opens only the scenario), the editor is back.
    const teacher = await context.newPage();
    await openApp(teacher, `${shareHash(preset('mazur'))}&panel=settings`);
    await expect(teacher.getByTestId('settings')).toBeVisible();
    await expect(teacher.getByTestId('lesson-badge')).toHaveCount(0);
    await expect(teacher.getByRole('button', { name: 'One node more in layer 1' })).toBeVisible();
    await teacher.close();
  });

  test('unknown or malformed options are ignored and named; the rest applies', async ({ page }) => {
    await openApp(page, `${shareHash(preset('mazur'))}&pos=12&sel=edge:9:9:9&hide=settings,bogus&zoom=2`);
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('some of its settings were ignored');
    await expect(notice).toContainText('"zoom=2": unknown parameter');
    await expect(notice).toContainText('unknown control "bogus"');
    await expect(notice).toContainText('"sel": the network has no weight');
    await expect(page.getByTestId('step-caption')).toHaveText(/^12\//);
    await expect(page.getByTestId('settings-toggle')).toHaveCount(0);
    await expectScenarioShown(page, preset('mazur'));
  });
});

test.describe('import', () => {
  test('a valid file from the file picker opens exactly its scenario', async ({ page }) => {
    await openApp(page);
    const s = preset('tanh-221');
    await page.getByTestId('import-file').setInputFiles(jsonFile('my tanh.json', scenarioToJson(s)));
    await expect(page.getByTestId('notice')).toContainText('Imported "my tanh.json"');
    await expectScenarioShown(page, s);
  });

  test('the File menu opens the file picker', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('file-menu-button').click();
    const choosing = page.waitForEvent('filechooser');
    await page.getByTestId('import-button').click();
    const chooser = await choosing;
    await chooser.setFiles(jsonFile('mazur.json', scenarioToJson(preset('mazur'))));
    await expectScenarioShown(page, preset('mazur'));
  });

  const bad: [string, () => { name: string; mimeType: string; buffer: Buffer }, RegExp, RegExp[]][] = [
    [
      'not JSON',
      () => jsonFile('half.json', scenarioToJson(preset('mazur')).slice(0, 200)),
      /The file "half.json" could not be imported; nothing was changed/,
      [/^\(root\): not valid JSON/],
    ],
    [
      'wrong fields',
      () => {
        const doc = JSON.parse(scenarioToJson(preset('mazur'))) as Record<string, unknown> & {
          layers: Record<string, unknown>[];
          weights: number[][][];
        };
        doc.loss = 'hinge';
        doc.layers[1].activation = 'relux';
        doc.weights[0][1] = [1];
        doc.colour = 'red';
        return jsonFile('wrong.json', JSON.stringify(doc));
      },
      /The file "wrong.json" could not be imported; nothing was changed/,
      [
        /^colour: unknown field/,
        /^layers\[1\]\.activation: unknown activation "relux"/,
        /^weights\[0\]\[1\]: expected 2 numbers/,
        /^loss: /,
      ],
    ],
    ['empty', () => jsonFile('empty.json', ''), /The file "empty.json" is empty; nothing was changed/, []],
    [
      'a picture',
      () => ({
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      }),
      /could not be imported/,
      [/not valid JSON/],
    ],
  ];
  for (const [name, file, text, details] of bad) {
    test(`an invalid file (${name}) is refused with its errors by path, and nothing changes`, async ({ page }) => {
      await openApp(page);
      await choosePreset(page, 'mazur');
      const before = await gradsOf(page);
      await page.getByTestId('import-file').setInputFiles(file());
      const notice = page.getByTestId('notice');
      await expect(notice).toHaveAttribute('role', 'alert');
      await expect(notice).toContainText(text);
      const lines = await notice.locator('li').allTextContents();
      for (const d of details)
        expect(
          lines.some((l) => d.test(l)),
          `${d} in ${JSON.stringify(lines)}`,
        ).toBe(true);
      expect(await gradsOf(page)).toEqual(before);
      await expect(page.getByTestId('preset-menu')).toHaveValue('mazur');
    });
  }

  test('a dropped file opens, with an overlay while dragging; a huge one is refused before reading', async ({
    page,
  }) => {
    await openApp(page);
    const s = preset('numpy-341');
    const dt = await page.evaluateHandle((text) => {
      const t = new DataTransfer();
      t.items.add(new File([text], 'numpy.json', { type: 'application/json' }));
      return t;
    }, scenarioToJson(s));
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    await expect(page.getByTestId('drop-overlay')).toBeVisible();
    await expect(page.getByTestId('drop-overlay')).toContainText('Drop a scenario file');
    await page.dispatchEvent('body', 'dragleave', { dataTransfer: dt });
    await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
    await expect(page.getByTestId('notice')).toContainText('Imported "numpy.json"');
    await expectScenarioShown(page, s);

    const before = await gradsOf(page);
    const huge = await page.evaluateHandle(() => {
      const t = new DataTransfer();
      t.items.add(new File([new Uint8Array(21 * 1024 * 1024)], 'huge.json', { type: 'application/json' }));
      return t;
    });
    await page.dispatchEvent('body', 'drop', { dataTransfer: huge });
    await expect(page.getByTestId('notice')).toContainText(
      'The file "huge.json" is too large to import (21.0 MB; at most 20.0 MB); nothing was changed.',
    );
    expect(await gradsOf(page)).toEqual(before);
  });

  test('pasted scenario JSON opens outside text fields; pasted into a field it does not', async ({ page }) => {
    await openApp(page);
    const paste = (text: string) =>
      page.evaluate((t) => {
        const data = new DataTransfer();
        data.setData('text/plain', t);
        (document.activeElement ?? document.body).dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, text);
    const s = preset('little-network');

    await openShare(page);
    await page.getByTestId('share-link').focus();
    await paste(scenarioToJson(s));
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await page.keyboard.press('Escape');

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await paste('this is not a scenario');
    await expect(page.getByTestId('notice')).toContainText(
      'The pasted text could not be imported; nothing was changed.',
    );
    await expect(page.getByTestId('notice').locator('li')).toContainText(/not valid JSON/);
    await paste(scenarioToJson(s));
    await expect(page.getByTestId('notice')).toContainText('Imported the pasted scenario');
    await expectScenarioShown(page, s);

    // A select takes no pasted text: with the preset menu focused, a paste imports too.
    await page.getByTestId('preset-menu').focus();
    await paste(scenarioToJson(preset('mazur')));
    await expectScenarioShown(page, preset('mazur'));
  });
});

test.describe('export', () => {
  test('each export is a file that opens again with the same numbers', async ({ page }) => {
    await openApp(page);
    await choosePreset(page, 'mazur');
    await clickEdge(page, '1:0:0');
    await typeInto(page, 'edit-weight', '0.7');
    await expect(edge(page, '1:0:0')).toHaveAttribute('data-weight', '0.7');
    const expected = edited(preset('mazur'), (d) => {
      d.weights[1][0][0] = 0.7;
    });
    const grads = await gradsOf(page);

    // The scenario: exact numbers, and it re-imports to the same diagram.
    const scenarioFile = await exportFile(page, 'scenario');
    expect(scenarioFile.suggestedFilename()).toBe('backprop-mazur.json');
    const text = (await downloaded(scenarioFile)).toString('utf8');
    expect(text).toBe(`${scenarioToJson(expected)}\n`);

    // The trace: exactly what the trace command prints for that scenario.
    const traceFile = await exportFile(page, 'trace');
    expect(traceFile.suggestedFilename()).toBe('backprop-mazur-trace.json');
    const traceText = (await downloaded(traceFile)).toString('utf8');
    expect(traceText.endsWith('}\n')).toBe(true);
    expectDeepClose(JSON.parse(traceText), JSON.parse(traceToJson(trace(parse(JSON.parse(text))))));

    // The CSV: a row per sample × node, per loss, per weight and bias.
    const csvFile = await exportFile(page, 'csv');
    expect(csvFile.suggestedFilename()).toBe('backprop-mazur-trace.csv');
    const csv = (await downloaded(csvFile)).toString('utf8');
    const rows = csv.trimEnd().split('\r\n');
    expect(rows).toHaveLength(1 + 1 * (6 + 1) + 1 + 8 + 4);
    expect(rows[0]).toBe('kind,sample,layer,node,from_node,name,z,a,dL_dz,dL_da,value,gradient,value_after,trainable');
    expectDeepClose(csvCells(csv), csvCells(traceCsv(expected)));
    const w5 = csvCells(csv).find((r) => r[0] === 'weight' && r[5] === 'w₅')!;
    expectDeepClose(w5.slice(10), [
      0.7,
      trace(expected).gradients.weights[1][0][0],
      trace(expected).after.weights[1][0][0],
      1,
    ]);

    // The SVG: well-formed, standalone, the same edges and the current viewBox.
    const svgFile = await exportFile(page, 'svg');
    expect(svgFile.suggestedFilename()).toBe('backprop-mazur-diagram.svg');
    const svgText = (await downloaded(svgFile)).toString('utf8');
    const viewBox = await page.locator('[data-testid="diagram"] svg').getAttribute('viewBox');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        ns: root.namespaceURI,
        xmlns: root.getAttribute('xmlns'),
        tag: root.localName,
        viewBox: root.getAttribute('viewBox'),
        edges: doc.querySelectorAll('[data-edge]').length,
        styled: doc.querySelectorAll('[style*="stroke"]').length,
        stylesheets: doc.querySelectorAll('style, link').length,
      };
    }, svgText);
    expect(parsed).toMatchObject({
      error: null,
      ns: 'http://www.w3.org/2000/svg',
      xmlns: 'http://www.w3.org/2000/svg',
      tag: 'svg',
      viewBox,
      edges: 8,
      stylesheets: 0,
    });
    expect(parsed.styled).toBeGreaterThan(8);
    expect(svgText).not.toMatch(/var\(--/);

    // The PNG: twice the diagram's size on screen (IHDR width and height, big-endian).
    const pngFile = await exportFile(page, 'png');
    expect(pngFile.suggestedFilename()).toBe('backprop-mazur-diagram.png');
    const png = await downloaded(pngFile);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const box = (await page.locator('[data-testid="diagram"] svg').boundingBox())!;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      Math.round(box.width * 2),
      Math.round(box.height * 2),
    ]);

    // The derivation of the selected weight, as LaTeX.
    const texFile = await exportFile(page, 'tex');
    expect(texFile.suggestedFilename()).toBe('backprop-mazur-derivation.tex');
    const tex = (await downloaded(texFile)).toString('utf8');
    expect(tex).toContain(String.raw`\documentclass{article}`);
    expect(tex).toContain(String.raw`\frac{\partial`);
    expect(tex).not.toContain(String.raw`\htmlData`);

    // Another scenario, then the exported file again: the same numbers as before.
    await choosePreset(page, 'walkthrough');
    await page.getByTestId('import-file').setInputFiles({
      name: scenarioFile.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect(page.getByTestId('notice')).toContainText('Imported "backprop-mazur.json"');
    await expectScenarioShown(page, expected);
    expect(await gradsOf(page)).toEqual(grads);
  });

  test('the derivation export waits for a selection', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('file-menu-button').click();
    await expect(page.getByTestId('file-menu')).toBeVisible();
    await expect(page.getByTestId('export-tex')).toBeDisabled();
    await expect(page.getByTestId('export-scenario')).toBeEnabled();
    await page.screenshot({ path: 'test-results/screenshots/file-menu.png' });
    // A click outside closes the menu.
    await page.getByTestId('diagram').click({ position: { x: 5, y: 5 } });
    await expect(page.getByTestId('file-menu')).toHaveCount(0);
  });
});

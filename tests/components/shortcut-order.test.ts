// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/compile.ts';
import { runIteration } from '../../src/core/iteration.ts';
import { selectionKey } from '../../src/core/selection.ts';
import { buildStepPlan } from '../../src/core/step-plan.ts';
import { networkOrder } from '../../src/components/shortcuts.ts';
import { PRESET_IDS, loadPreset } from '../../src/presets/index.ts';
import { createNetworkView, type NetworkView } from '../../src/view/network-view.ts';
import { buildNetworkViewModel } from '../../src/view/network-view-model.ts';

let view: NetworkView | null = null;

afterEach(() => {
  view?.destroy();
  view = null;
  document.body.replaceChildren();
});

describe('] and [ follow the Tab order of the diagram', () => {
  for (const id of PRESET_IDS) {
    it(`${id}: networkOrder is the document order of the diagram's focusable elements`, () => {
      const scenario = loadPreset(id)!;
      const compiled = compileScenario(scenario);
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('width', '800');
      svg.setAttribute('height', '500');
      document.body.appendChild(svg);
      view = createNetworkView(svg, { onSelect: () => undefined });
      view.update(
        buildNetworkViewModel({
          scenario,
          compiled,
          iteration: runIteration(compiled),
          plan: buildStepPlan(compiled.model, compiled.trainable),
          position: 0,
          sample: 0,
          selection: null,
        }),
      );
      const dom = Array.from(svg.querySelectorAll('[data-sel][tabindex="0"]')).map((el) => el.getAttribute('data-sel'));
      expect(networkOrder(compiled.model.sizes, compiled.model.hasBias).map(selectionKey)).toEqual(dom);
    });
  }
});

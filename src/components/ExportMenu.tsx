import { precisionDigits } from '../core/format-number.ts';
import { scenarioToJson } from '../core/codec/serialize-scenario.ts';
import { traceScenario, traceToJson } from '../core/trace.ts';
import type { Notation } from '../core/notation.ts';
import { withNotation } from '../core/notation-labels.ts';
import { iterationCsv } from '../core/trace-csv.ts';
import type { AppStore } from '../store/app-actions.ts';
import { downloadBlob, exportStem } from './download.ts';
import { lessonShownSections } from './lesson-withheld.ts';
import { useNotation } from './notation-context.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

interface Export {
  readonly id: string;
  readonly label: string;
  readonly ext: string;
  readonly hint: string;
  readonly needsSelection?: boolean;
  make(store: AppStore, notation: Notation): Promise<Blob>;
}

const JSON_TYPE = 'application/json';

function diagramSvg(): SVGSVGElement {
  const svg = document.querySelector<SVGSVGElement>('[data-testid="diagram"] svg');
  if (!svg) throw new Error('the diagram is not on the page');
  return svg;
}

/**
 * What can be exported. The trace is the trace command's document for the scenario as it
 * now is (its first iteration from fresh optimizer state, so the file alone reproduces it);
 * the CSV is the iteration on screen, with the optimizer state of the training so far. For
 * SGD over the whole data set the two agree; after training with momentum, Adam or
 * mini-batches the screen's step can differ from a fresh one, and the CSV follows the screen.
 */
const EXPORTS: readonly Export[] = [
  {
    id: 'scenario',
    label: 'Scenario',
    ext: '.json',
    hint: 'The scenario file, every number exact; Import opens it again.',
    make: async (store) => new Blob([`${scenarioToJson(store.getState().scenario)}\n`], { type: JSON_TYPE }),
  },
  {
    id: 'trace',
    label: 'Trace of the iteration',
    ext: '-trace.json',
    hint: 'What the trace command prints for this scenario: every value and gradient of its first iteration, from fresh optimizer state.',
    make: async (store) =>
      new Blob([`${traceToJson(traceScenario(store.getState().scenario))}\n`], { type: JSON_TYPE }),
  },
  {
    id: 'csv',
    label: 'Values and gradients',
    ext: '-trace.csv',
    hint: 'The iteration on screen as a table: z, a, ∂L/∂z, ∂L/∂a of every node of every sample; each weight and bias with its gradient and value after the step.',
    make: async (store) => {
      const s = store.getState();
      return new Blob([iterationCsv(s.scenario, store.selectors.compiled(s), store.selectors.iteration(s))], {
        type: 'text/csv',
      });
    },
  },
  {
    id: 'svg',
    label: 'Diagram',
    ext: '-diagram.svg',
    hint: 'The diagram as shown, as a standalone SVG file.',
    make: async (store) => {
      const { exportSvg } = await import('../view/export-svg.ts');
      return new Blob([exportSvg(diagramSvg(), store.getState().scenario.title).text], { type: 'image/svg+xml' });
    },
  },
  {
    id: 'png',
    label: 'Diagram picture',
    ext: '-diagram.png',
    hint: 'The diagram as shown, at twice its size on screen.',
    make: async (store) => {
      const { exportSvg, svgToPng } = await import('../view/export-svg.ts');
      return svgToPng(exportSvg(diagramSvg(), store.getState().scenario.title), 2);
    },
  },
  {
    id: 'tex',
    label: 'Derivation',
    ext: '-derivation.tex',
    needsSelection: true,
    hint: 'The derivation of the selection, with the numbers, as LaTeX source.',
    make: async (store, notation) => {
      const [{ buildDerivation }, { derivationLatex }] = await Promise.all([
        import('../tex/derivation.ts'),
        import('../tex/derivation-latex.ts'),
      ]);
      const s = store.getState();
      if (s.selection === null) throw new Error('nothing is selected');
      const derivation = buildDerivation({
        scenario: withNotation(s.scenario, notation),
        compiled: store.selectors.compiled(s),
        iteration: store.selectors.iteration(s),
        selection: s.selection,
        sample: s.sample,
        state: s.optimizerState ?? undefined,
        gradCheck: store.selectors.numeric(s) ?? undefined,
        digits: precisionDigits(s.precision),
      });
      // In a lesson, what the math panel withholds at this step is withheld here too.
      const shown = lessonShownSections(store.selectors, derivation.sections, {
        state: s,
        selection: s.selection,
        sample: s.sample,
        position: s.position,
        step: s.lesson === null ? null : (s.lesson.steps[s.lessonStep] ?? null),
        answered: s.lessonAnswered.includes(s.lessonStep),
      });
      return new Blob([derivationLatex(derivation, `Backprop Lab, ${s.scenario.title ?? 'your scenario'}`, shown)], {
        type: 'application/x-tex',
      });
    },
  },
];

/** The export items of the File menu; each downloads one file named after the preset or the title. */
export function ExportMenu({ onDone }: { onDone(): void }) {
  const store = useAppStoreApi();
  const { notation } = useNotation();
  const hasSelection = useAppStore((s) => s.selection !== null);

  const run = async (item: Export) => {
    onDone();
    const s = store.getState();
    try {
      downloadBlob(await item.make(store, notation), `${exportStem(s.presetId, s.scenario.title)}${item.ext}`);
    } catch (error) {
      store.getState().setNotice({
        kind: 'error',
        text: `The ${item.label.toLowerCase()} could not be exported.`,
        details: [error instanceof Error ? error.message : String(error)],
      });
    }
  };

  return (
    <ul className="menu-list" aria-label="Export">
      {EXPORTS.map((item) => {
        const disabled = item.needsSelection === true && !hasSelection;
        return (
          <li key={item.id}>
            <button
              type="button"
              className="menu-item"
              disabled={disabled}
              data-testid={`export-${item.id}`}
              onClick={() => void run(item)}
              title={disabled ? 'Select a node, weight, bias or the loss on the diagram first.' : item.hint}
            >
              <span>{item.label}</span>
              <span className="menu-item-ext">{item.ext.replace(/^-[a-z]+/, '')}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

import { batchRange, compileScenario } from '../core/compile.ts';
import { selectionExists, type Selection } from '../core/selection.ts';
import { buildStepPlan, currentEvent, eventSelection } from '../core/step-plan.ts';
import type { AppInputs, Notice } from './app-state.ts';
import { readShareOptions, type ShareOptions } from './share-options.ts';

function withNotes(notice: Notice | null, notes: readonly string[]): Notice | null {
  if (notes.length === 0) return notice;
  if (notice !== null) return { ...notice, details: [...(notice.details ?? []), ...notes] };
  return { kind: 'info', text: 'The link opened, but some of its settings were ignored.', details: notes };
}

/**
 * A fresh session with a share link's options applied (share-options.ts). The lesson flags
 * and the view settings (z, following the steps, the side tab) apply whatever opened; position, sample and selection only to the
 * link's own scenario (`scenarioOpened`), checked against it. Whatever is ignored is named
 * in the notice. A position without a selection selects what that step computed, as
 * stepping there would (when following the steps).
 */
export function withLinkOptions(inputs: AppInputs, hash: string, scenarioOpened: boolean): AppInputs {
  const read = readShareOptions(hash);
  if (!read.isShareLink) return inputs;
  const { options } = read;
  const notes = [...read.ignored];
  const next: { -readonly [K in keyof AppInputs]: AppInputs[K] } = { ...inputs };
  if (options.hidden !== undefined) next.hidden = options.hidden;
  if (options.showZ !== undefined) next.showZ = options.showZ;
  if (options.followStep !== undefined) next.followStep = options.followStep;
  if (options.worksheet !== undefined) next.worksheet = options.worksheet;
  if (options.panel !== undefined && options.panel !== 'settings') next.sideTab = options.panel;
  if (scenarioOpened) Object.assign(next, placement(inputs, options, notes));
  next.notice = withNotes(inputs.notice, notes);
  return next;
}

/** Position, sample and selection of the options that fit the scenario; the rest is noted. */
function placement(
  inputs: AppInputs,
  options: ShareOptions,
  notes: string[],
): Partial<Pick<AppInputs, 'position' | 'sample' | 'selection'>> {
  const out: { position?: number; sample?: number; selection?: Selection | null } = {};
  if (options.position === undefined && options.sample === undefined && options.selection === undefined) return out;
  const compiled = compileScenario(inputs.scenario);
  const plan = buildStepPlan(compiled.model, compiled.trainable);
  const events = plan.events.length;
  if (options.position !== undefined) {
    if (options.position <= events) out.position = options.position;
    else notes.push(`"pos=${options.position}": past the end of this iteration (it has ${events} steps)`);
  }
  if (options.sample !== undefined) {
    // A fresh session is at the first batch.
    const count = batchRange(compiled.data.count, compiled.batchSize, 0).count;
    if (options.sample < count) out.sample = options.sample;
    else
      notes.push(
        `"sample=${options.sample}": there ${count === 1 ? 'is 1 sample' : `are ${count} samples`} in the batch (0 to ${count - 1})`,
      );
  }
  if (options.selection !== undefined) {
    if (options.selection === null || selectionExists(compiled.model, options.selection))
      out.selection = options.selection;
    else notes.push(`"sel": the network has no ${describe(options.selection)}`);
  } else if (out.position !== undefined && (options.followStep ?? inputs.followStep)) {
    const event = currentEvent(plan, out.position);
    if (event !== null) out.selection = eventSelection(event);
  }
  return out;
}

function describe(sel: Selection): string {
  switch (sel.kind) {
    case 'node':
      return `node ${sel.j} in layer ${sel.l}`;
    case 'edge':
      return `weight from node ${sel.i} of layer ${sel.l} to node ${sel.j} of layer ${sel.l + 1}`;
    case 'bias':
      return `bias of node ${sel.j} of layer ${sel.l + 1}`;
    default:
      return 'loss';
  }
}

/** True when a link's hash asks for the settings panel and the lesson does not hide it (App's initial layout). */
export function linkOpensSettings(hash: string): boolean {
  const { options } = readShareOptions(hash);
  return options.panel === 'settings' && !(options.hidden ?? []).includes('settings');
}

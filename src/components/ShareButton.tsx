import { useRef, useState } from 'react';
import { biasName, nameToText, nodeName, weightName, type Notation } from '../core/notation.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Selection } from '../core/selection.ts';
import { LESSON_CONTROLS, type LessonControl } from '../store/app-state.ts';
import { LESSON_LABELS } from '../store/lesson-link.ts';
import { scenarioToJson } from '../core/codec/serialize-scenario.ts';
import { formatLimit } from '../core/codec/read-json.ts';
import { lessonHash } from '../store/lesson-hash.ts';
import { SHARE_LINK_LIMIT, shareLinkFits, shareLinkHash, type ShareOptions } from '../store/share-options.ts';
import { downloadBlob, exportStem } from './download.ts';
import { SIDE_TAB_TITLES } from './side-tab-titles.ts';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';
import { useNotation } from './notation-context.tsx';
import { usePopover } from './use-popover.ts';
import { copyText } from './copy-text.ts';

type CopyState = 'copied' | 'manual' | 'idle' | 'too-long';

function selectionName(s: Scenario, sel: Selection | null, notation: Notation): string {
  if (sel === null) return 'nothing selected';
  switch (sel.kind) {
    case 'node':
      return nameToText(nodeName(s, sel.l, sel.j, notation));
    case 'edge':
      return nameToText(weightName(s, sel.l, sel.j, sel.i, notation));
    case 'bias':
      return nameToText(biasName(s, sel.l, sel.j, notation));
    default:
      return 'the loss';
  }
}

interface Parts {
  position: boolean;
  selection: boolean;
  layout: boolean;
  /** open in worksheet mode: students fill in each value */
  worksheet: boolean;
}

/**
 * Share: copies a link that opens exactly this scenario (the spec's `#scenario=` link), and
 * on request the step position, the selection, the panel layout and a lesson's hidden
 * controls. Where the clipboard is not available the link is selected for Ctrl+C. A link
 * longer than SHARE_LINK_LIMIT is not copied unasked: the popover says why and offers the file.
 */
export function ShareButton({ settingsOpen }: { settingsOpen: boolean }) {
  const store = useAppStoreApi();
  // The settled scenario: a drag or a training run does not re-render the button on each frame.
  const st = useAppStore((s) => ({
    scenario: s.settled.scenario,
    position: s.position,
    sample: s.sample,
    selection: s.selection,
    showZ: s.showZ,
    followStep: s.followStep,
    hidden: s.hidden,
    sideTab: s.sideTab,
    lesson: s.lesson,
    lessonStep: s.lessonStep,
  }));
  const { notation } = useNotation();
  const { open, setOpen, buttonRef, panelRef } = usePopover();
  const [parts, setParts] = useState<Parts>({ position: false, selection: false, layout: false, worksheet: false });
  const [hide, setHide] = useState<readonly LessonControl[] | null>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const linkRef = useRef<HTMLInputElement>(null);
  // only the open popover says the step count
  const total = open ? store.selectors.plan(store.getState()).events.length : 0;
  const hidden = hide ?? st.hidden;

  const linkFor = (p: Parts, h: readonly LessonControl[]): string => {
    // A lesson being followed: the link opens the lesson at this step (lesson spec, "Opening a lesson").
    if (st.lesson !== null) return `${window.location.href.split('#')[0]}${lessonHash(st.lesson, st.lessonStep)}`;
    const options: ShareOptions = {
      ...(p.position ? { position: st.position } : {}),
      ...(p.selection ? { sample: st.sample, selection: st.selection } : {}),
      ...(p.layout
        ? { panel: settingsOpen ? 'settings' : st.sideTab, showZ: st.showZ, followStep: st.followStep }
        : {}),
      ...(p.worksheet ? { worksheet: true } : {}),
      hidden: h,
    };
    return `${window.location.href.split('#')[0]}${shareLinkHash(st.scenario, options)}`;
  };
  // Compressing the scenario costs about half a millisecond: only while the popover shows the link, not on every edit.
  const link = open ? linkFor(parts, hidden) : '';

  /** Copies a link that fits; a longer one is not copied unasked, the file is offered instead. */
  const offerLink = async (text: string) => {
    if (shareLinkFits(text)) await copyLink(text);
    else setCopy('too-long');
  };
  const copyLink = async (text: string) => {
    const ok = await copyText(text);
    setCopy(ok ? 'copied' : 'manual');
    if (!ok) {
      linkRef.current?.focus();
      linkRef.current?.select();
    }
  };
  const change = (p: Parts, h: readonly LessonControl[]) => {
    setParts(p);
    setHide(h);
    void offerLink(linkFor(p, h));
  };

  return (
    <div className="popover-anchor chrome">
      <button
        ref={buttonRef}
        type="button"
        className={open ? 'toggle active' : 'toggle'}
        aria-expanded={open}
        aria-controls="share-popover"
        data-testid="share-button"
        title="Copy a link that opens exactly this scenario"
        onClick={() => {
          if (open) {
            setOpen(false);
            return;
          }
          setOpen(true);
          setCopy('idle');
          void offerLink(linkFor(parts, hidden));
        }}
      >
        Share
      </button>
      {open && (
        <div
          ref={panelRef}
          id="share-popover"
          className="popover share-popover"
          role="group"
          aria-label="Share a link"
          data-testid="share-popover"
        >
          <p className="popover-status" role="status" data-testid="share-status">
            {copy === 'copied' && 'Link copied to the clipboard.'}
            {copy === 'manual' &&
              'Copying is not allowed here: the link below is selected, press Ctrl+C (⌘C on a Mac) to copy it.'}
          </p>
          {!shareLinkFits(link) && (
            <div className="share-too-long" role="alert" data-testid="share-too-long">
              <p>
                This link is {formatLimit(link.length)} characters long: past {formatLimit(SHARE_LINK_LIMIT)}, chat
                tools, e-mail and some browsers cut links short, and a link cut short does not open. Share the scenario
                as a file instead; File › Open (or dropping it on the page) opens it.
              </p>
              <button
                type="button"
                data-testid="share-file"
                onClick={() =>
                  downloadBlob(
                    new Blob([`${scenarioToJson(st.scenario)}\n`], { type: 'application/json' }),
                    `${exportStem(store.getState().presetId, st.scenario.title)}.json`,
                  )
                }
              >
                Download the scenario file
              </button>
            </div>
          )}
          <div className="share-link-row">
            <label className="visually-hidden" htmlFor="share-link">
              Link
            </label>
            <input
              ref={linkRef}
              id="share-link"
              className="share-link"
              readOnly
              value={link}
              data-testid="share-link"
              onFocus={(e) => e.target.select()}
            />
            <button type="button" onClick={() => void copyLink(link)} data-testid="share-copy">
              {shareLinkFits(link) ? 'Copy' : 'Copy anyway'}
            </button>
          </div>
          <fieldset>
            <legend>The link also opens</legend>
            <label>
              <input
                type="checkbox"
                checked={parts.position}
                onChange={(e) => change({ ...parts, position: e.target.checked }, hidden)}
                data-testid="share-position"
              />
              the step position ({st.position} of {total})
            </label>
            <label>
              <input
                type="checkbox"
                checked={parts.selection}
                onChange={(e) => change({ ...parts, selection: e.target.checked }, hidden)}
                data-testid="share-selection"
              />
              the selection ({selectionName(st.scenario, st.selection, notation)}) and sample {st.sample + 1}
            </label>
            <label>
              <input
                type="checkbox"
                checked={parts.layout}
                onChange={(e) => change({ ...parts, layout: e.target.checked }, hidden)}
                data-testid="share-layout"
              />
              the panels ({settingsOpen ? 'settings' : SIDE_TAB_TITLES[st.sideTab].toLowerCase()} open, z{' '}
              {st.showZ ? 'shown' : 'hidden'}, {st.followStep ? '' : 'not '}following the steps)
            </label>
          </fieldset>
          <fieldset>
            <legend>Lesson</legend>
            <label>
              <input
                type="checkbox"
                checked={parts.worksheet}
                onChange={(e) => change({ ...parts, worksheet: e.target.checked }, hidden)}
                data-testid="share-worksheet"
              />
              open as a worksheet (students fill in each value)
            </label>
            <span className="muted">Hide from students:</span>
            {LESSON_CONTROLS.map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  checked={hidden.includes(c)}
                  data-testid={`share-hide-${c}`}
                  onChange={(e) => change(parts, e.target.checked ? [...hidden, c] : hidden.filter((h) => h !== c))}
                />
                {LESSON_LABELS[c]}
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </div>
  );
}

import { lazy, Suspense, useEffect, useState } from 'react';
import { ArithmeticWarning } from './ArithmeticWarning.tsx';
import { DataTable } from './DataTable.tsx';
import { LossChart } from './LossChart.tsx';
import { NetworkDiagram } from './NetworkDiagram.tsx';
import { NoticeBanner } from './NoticeBanner.tsx';
import { OpeningProgress } from './OpeningProgress.tsx';
import { PresetMenu } from './PresetMenu.tsx';
import { SidePanel } from './SidePanel.tsx';
import { StepControls } from './StepControls.tsx';
import { TrainControls } from './TrainControls.tsx';
import { useHashSync } from './use-hash-sync.ts';
import { SessionControls } from './SessionControls.tsx';
import { UndoControls } from './UndoControls.tsx';
import { usePersistSession } from './use-persist-session.ts';
import { useUndoKeys } from './use-undo-keys.ts';
import { SkipLink } from './SkipLink.tsx';
import { useAppStore } from './use-app-store.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { useTheme } from './use-theme.ts';
import { ViewMenu } from './ViewMenu.tsx';
import { PrintSheet } from './PrintSheet.tsx';
import { linkOpensSettings } from '../store/link-session.ts';
import { FileMenu } from './FileMenu.tsx';
import { ImportControls } from './ImportControls.tsx';
import { LessonBadge } from './LessonBadge.tsx';
import { ShareButton } from './ShareButton.tsx';
import { useLessonEditorFlag } from './use-lesson-editor-flags.ts';
import { lessonPanelComponent, preloadLessonPanelWhenIdle } from './lesson-panel-chunk.ts';

// The lesson panel typesets with KaTeX, which loads after the first paint (see SidePanel.tsx):
// it is fetched when the page is idle or a lesson is open, not with the page (lesson-panel-chunk.ts).
// The lesson editor loads when it is opened (File → Lesson editor).
const WorksheetPanel = lazy(() => import('./WorksheetPanel.tsx').then((m) => ({ default: m.WorksheetPanel })));
// the settings and the keyboard help load when opened (the initial bundle has a budget)
const SettingsPanel = lazy(() => import('./SettingsPanel.tsx').then((m) => ({ default: m.SettingsPanel })));
const ShortcutHelp = lazy(() => import('./ShortcutHelp.tsx').then((m) => ({ default: m.ShortcutHelp })));
const LessonEditor = lazy(() => import('./LessonEditor.tsx').then((m) => ({ default: m.LessonEditor })));

/** One screen: toolbar, the diagram with the math panel beside it, the samples and the loss chart below. */
export function App() {
  // A share link can open the settings panel (panel=settings), unless its lesson hides them.
  const [settingsOpen, setSettingsOpen] = useState(() => linkOpensSettings(window.location.hash));
  const settingsHidden = useAppStore((s) => s.hidden.includes('settings'));
  const { worksheetLocked, presetsHidden } = useAppStore((s) => ({
    worksheetLocked: s.hidden.includes('worksheet'),
    presetsHidden: s.hidden.includes('presets'),
  }));
  useHashSync();
  usePersistSession();
  useUndoKeys();
  const [helpOpen, setHelpOpen] = useState(false);
  const lessonOpen = useAppStore((s) => s.lesson !== null);
  const editorOpen = useLessonEditorFlag('open');
  // An unanswered ask: the side panel (whose math would give the answer away) waits, blurred and out of reach.
  const askPending = useAppStore(
    (s) => s.lesson?.steps[s.lessonStep]?.ask !== undefined && !s.lessonAnswered.includes(s.lessonStep),
  );
  const { presentation, worksheet, setWorksheet } = useAppStore((s) => ({
    presentation: s.presentation,
    worksheet: s.worksheet,
    setWorksheet: s.setWorksheet,
  }));
  useTheme();
  useEffect(preloadLessonPanelWhenIdle, []);
  useShortcuts({ onHelp: () => setHelpOpen(true), onEdit: () => setSettingsOpen(false), dialogOpen: helpOpen });
  return (
    <div className="app" data-testid="app" data-worksheet={worksheet ? 'on' : undefined}>
      <SkipLink />
      <header className="toolbar">
        <h1 className="brand">Backprop Lab</h1>
        {!presetsHidden && <PresetMenu />}
        <UndoControls />
        <SessionControls />
        <LessonBadge />
        <TrainControls />
        {!settingsHidden && (
          <button
            type="button"
            className={settingsOpen ? 'toggle active chrome' : 'toggle chrome'}
            aria-pressed={settingsOpen}
            onClick={() => setSettingsOpen(!settingsOpen)}
            data-testid="settings-toggle"
          >
            Settings
          </button>
        )}
        <ShareButton settingsOpen={settingsOpen && !settingsHidden} />
        <FileMenu />
        <ViewMenu
          onHelp={() => setHelpOpen(true)}
          worksheet={worksheet}
          onWorksheet={worksheetLocked ? undefined : () => setWorksheet(!worksheet)}
        />
      </header>
      <StepControls />
      <div className="notice-slot">
        {worksheet && (
          <Suspense fallback={null}>
            <WorksheetPanel />
          </Suspense>
        )}
        <OpeningProgress />
        <NoticeBanner />
        <ArithmeticWarning />
      </div>
      <main className={lessonOpen || editorOpen ? 'workspace with-lesson' : 'workspace'}>
        {editorOpen ? (
          <div className="lesson-column">
            <Suspense fallback={<section className="lesson-editor" aria-busy="true" />}>
              <LessonEditor />
            </Suspense>
            {lessonOpen && <LessonPanelSlot />}
          </div>
        ) : (
          lessonOpen && <LessonPanelSlot />
        )}
        <NetworkDiagram />
        {settingsOpen && !presentation && !settingsHidden ? (
          <Suspense fallback={<section className="settings panel" aria-busy="true" />}>
            <SettingsPanel onClose={() => setSettingsOpen(false)} />
          </Suspense>
        ) : askPending ? (
          <div className="ask-cover" inert data-testid="ask-cover">
            <SidePanel />
          </div>
        ) : (
          <SidePanel />
        )}
      </main>
      <footer className="bottom">
        <DataTable />
        <LossChart />
      </footer>
      {helpOpen && (
        <Suspense fallback={null}>
          <ShortcutHelp onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
      <ImportControls />
      {worksheet && <PrintSheet />}
    </div>
  );
}

/** The lesson panel, loaded or loading; one component for as long as the lesson shows (so it is never mounted anew). */
function LessonPanelSlot() {
  const [Panel] = useState(lessonPanelComponent);
  return (
    <Suspense fallback={<section className="lesson-panel" aria-busy="true" />}>
      <Panel />
    </Suspense>
  );
}

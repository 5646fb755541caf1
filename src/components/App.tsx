import { lazy, Suspense, useState } from 'react';
import { ArithmeticWarning } from './ArithmeticWarning.tsx';
import { DataTable } from './DataTable.tsx';
import { LossChart } from './LossChart.tsx';
import { NetworkDiagram } from './NetworkDiagram.tsx';
import { NoticeBanner } from './NoticeBanner.tsx';
import { PresetMenu } from './PresetMenu.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { StepControls } from './StepControls.tsx';
import { TrainControls } from './TrainControls.tsx';
import { useHashSync } from './use-hash-sync.ts';
import { useStepKeys } from './use-step-keys.ts';

// KaTeX and the TeX builders load in their own chunk, after the first paint.
const MathPanel = lazy(() => import('./MathPanel.tsx').then((m) => ({ default: m.MathPanel })));

/** One screen: toolbar, the diagram with the math panel beside it, the samples and the loss chart below. */
export function App() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  useHashSync();
  useStepKeys();
  return (
    <div className="app" data-testid="app">
      <header className="toolbar">
        <h1 className="brand">Backprop Lab</h1>
        <PresetMenu />
        <TrainControls />
        <button type="button" className={settingsOpen ? 'toggle active' : 'toggle'} aria-pressed={settingsOpen} onClick={() => setSettingsOpen(!settingsOpen)} data-testid="settings-toggle">
          Settings
        </button>
      </header>
      <StepControls />
      <div className="notice-slot">
        <NoticeBanner />
        <ArithmeticWarning />
      </div>
      <main className="workspace">
        <NetworkDiagram />
        {settingsOpen ? (
          <SettingsPanel onClose={() => setSettingsOpen(false)} />
        ) : (
          <Suspense fallback={<aside className="math-panel panel" aria-label="Math" aria-busy="true" data-testid="math-panel" />}>
            <MathPanel />
          </Suspense>
        )}
      </main>
      <footer className="bottom">
        <DataTable />
        <LossChart />
      </footer>
    </div>
  );
}

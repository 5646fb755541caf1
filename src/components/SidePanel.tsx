import { lazy, Suspense, type ReactNode } from 'react';
import { SIDE_TABS, type SideTab } from '../store/app-state.ts';
import { useAppStore } from './use-app-store.ts';

// Each view loads in its own chunk when first shown (KaTeX and the TeX builders with the math).
const MathPanel = lazy(() => import('./MathPanel.tsx').then((m) => ({ default: m.MathPanel })));
const LandscapePanel = lazy(() => import('./LandscapePanel.tsx').then((m) => ({ default: m.LandscapePanel })));
const MatrixPanel = lazy(() => import('./MatrixPanel.tsx').then((m) => ({ default: m.MatrixPanel })));

const TITLES: Readonly<Record<SideTab, string>> = { math: 'Math', matrix: 'Matrices', landscape: 'Landscape', compare: 'Compare' };

/** The views that have a panel so far; the others are listed as they arrive. */
const PANELS: Partial<Record<SideTab, () => ReactNode>> = {
  math: () => <MathPanel />,
  landscape: () => <LandscapePanel />,
  matrix: () => <MatrixPanel />,
};

/** The panel beside the diagram: the math of the selection, and the other views of the same iteration, as tabs. */
export function SidePanel() {
  const { sideTab, setSideTab, presentation } = useAppStore((s) => ({ sideTab: s.sideTab, setSideTab: s.setSideTab, presentation: s.presentation }));
  const tabs = SIDE_TABS.filter((t) => PANELS[t] !== undefined);
  const current = PANELS[sideTab] ? sideTab : 'math';
  const render = PANELS[current]!;
  return (
    <div className="side-panel">
      {tabs.length > 1 && !presentation && (
        <div className="side-tabs" role="tablist" aria-label="Views beside the diagram">
          {tabs.map((t) => (
            <button key={t} type="button" role="tab" aria-selected={t === current} className={t === current ? 'active' : ''} onClick={() => setSideTab(t)} data-testid={`tab-${t}`}>
              {TITLES[t]}
            </button>
          ))}
        </div>
      )}
      <Suspense fallback={<aside className="math-panel panel" aria-label={TITLES[current]} aria-busy="true" data-testid={`${current}-panel`} />}>{render()}</Suspense>
    </div>
  );
}

import { lazy, Suspense, type ReactNode } from 'react';
import { SIDE_TABS, type SideTab } from '../store/app-state.ts';
import { SIDE_TAB_TITLES } from './side-tab-titles.ts';
import { useAppStore } from './use-app-store.ts';

// Each view loads in its own chunk when first shown (KaTeX and the TeX builders with the math).
const MathPanel = lazy(() => import('./MathPanel.tsx').then((m) => ({ default: m.MathPanel })));
const LandscapePanel = lazy(() => import('./LandscapePanel.tsx').then((m) => ({ default: m.LandscapePanel })));
const MatrixPanel = lazy(() => import('./MatrixPanel.tsx').then((m) => ({ default: m.MatrixPanel })));
const ComparePanel = lazy(() => import('./ComparePanel.tsx').then((m) => ({ default: m.ComparePanel })));
const DataPanel = lazy(() => import('./DataPanel.tsx').then((m) => ({ default: m.DataPanel })));

/** The panel of each view. */
const PANELS: Record<SideTab, () => ReactNode> = {
  math: () => <MathPanel />,
  landscape: () => <LandscapePanel />,
  matrix: () => <MatrixPanel />,
  compare: () => <ComparePanel />,
  data: () => <DataPanel />,
};

/** The panel beside the diagram: the math of the selection, and the other views of the same iteration, as tabs. */
export function SidePanel() {
  const { current, setSideTab, presentation } = useAppStore((s) => ({
    current: s.sideTab,
    setSideTab: s.setSideTab,
    presentation: s.presentation,
  }));
  return (
    <div className="side-panel">
      {!presentation && (
        <div className="side-tabs" role="tablist" aria-label="Views beside the diagram">
          {SIDE_TABS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={t === current}
              className={t === current ? 'active' : ''}
              onClick={() => setSideTab(t)}
              data-testid={`tab-${t}`}
            >
              {SIDE_TAB_TITLES[t]}
            </button>
          ))}
        </div>
      )}
      <Suspense
        fallback={
          <aside
            className="math-panel panel"
            aria-label={SIDE_TAB_TITLES[current]}
            aria-busy="true"
            data-testid={`${current}-panel`}
          />
        }
      >
        {PANELS[current]()}
      </Suspense>
    </div>
  );
}

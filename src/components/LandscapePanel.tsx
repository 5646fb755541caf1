import { useMemo } from 'react';
import { LandscapePlot } from './LandscapePlot.tsx';
import { SlopePlot } from './SlopePlot.tsx';
import { useAppStore } from './use-app-store.ts';

const PATH_COLOR = '#ffffff';

/**
 * The Landscape tab: J(θ) along the selected weight or bias with its slope and step, then the loss over two parameters with −∇, the optimizer's next step and
 * the path of the last training run (kept by the store, so a run made with this tab closed
 * shows too).
 */
export function LandscapePanel() {
  const trainingPath = useAppStore((s) => s.run.path);
  const paths = useMemo(() => [{ points: trainingPath, color: PATH_COLOR }], [trainingPath]);
  return (
    <aside className="math-panel panel landscape-panel" aria-label="Landscape" data-testid="landscape-panel">
      <SlopePlot />
      <LandscapePlot
        paths={paths}
        showStep
        legend={
          <p className="landscape-key muted">
            <span className="swatch" style={{ background: '#e63946' }} />
            −∇L (direction)
            <span className="swatch" style={{ background: '#ff9f1c' }} />
            the optimizer’s step
            <span className="swatch" style={{ background: PATH_COLOR, outline: '1px solid var(--line)' }} />
            last training run
          </p>
        }
      />
    </aside>
  );
}

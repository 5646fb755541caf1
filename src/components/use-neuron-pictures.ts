import { useEffect, type RefObject } from 'react';
import { shallow } from 'zustand/shallow';
import { createPicturesBuilder } from '../view/neuron-pictures-frame.ts';
import { createNeuronPicturesView } from '../view/neuron-pictures-view.ts';
import { useAppStoreApi } from './use-app-store.ts';
import '../view/neuron-pictures.css';

/**
 * The neurons' pictures in the diagram drawn in `svgRef` (see neuron-pictures-view.ts), fed
 * from the store without re-rendering React: redrawn when the live scenario changes (a
 * training frame, a drag), enlarged for the hovered node, else the selected one. Call it
 * after the diagram's own effect, so the nodes are drawn before their pictures.
 */
export function useNeuronPictures(
  svgRef: RefObject<SVGSVGElement | null>,
  hostRef: RefObject<HTMLElement | null>,
): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const svg = svgRef.current;
    const host = hostRef.current;
    if (!svg || !host) return;
    const view = createNeuronPicturesView(svg, host);
    const build = createPicturesBuilder(store.selectors.planeGrid);
    const draw = () => {
      const s = store.getState();
      if (!s.neuronPictures) {
        view.update(null);
        return;
      }
      const compiled = store.selectors.compiled(s);
      view.update(build(compiled, compiled.params, s.scenario.data, s.scenario.testData ?? []));
    };
    const enlarge = () => {
      const { hover, selection } = store.getState();
      const sel = hover?.kind === 'node' ? hover : selection?.kind === 'node' ? selection : null;
      view.enlarge(sel === null || sel.l === 0 ? null : `${sel.l}:${sel.j}`);
    };
    draw();
    enlarge();
    const unDraw = store.subscribe((s) => [s.scenario, s.neuronPictures] as const, draw, { equalityFn: shallow });
    const unEnlarge = store.subscribe((s) => [s.hover, s.selection] as const, enlarge, { equalityFn: shallow });
    return () => {
      unEnlarge();
      unDraw();
      view.destroy();
    };
  }, [store, svgRef, hostRef]);
}

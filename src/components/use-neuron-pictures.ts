import { useEffect, type RefObject } from 'react';
import { shallow } from 'zustand/shallow';
import type { createPicturesBuilder } from '../view/neuron-pictures-frame.ts';
import type { NeuronPicturesView } from '../view/neuron-pictures-view.ts';
import { dataAxes } from './data-axes.ts';
import { sameUnlessTrainingEnds } from './redraw-on-training.ts';
import { useAppStoreApi } from './use-app-store.ts';
import '../view/neuron-pictures.css';

/** The pictures' drawing code: a chunk of its own, fetched when they are first switched on. */
const loadPictures = () =>
  Promise.all([import('../view/neuron-pictures-view.ts'), import('../view/neuron-pictures-frame.ts')]);

/**
 * The neurons' pictures in the diagram drawn in `svgRef` (see neuron-pictures-view.ts), fed
 * from the store without re-rendering React: redrawn when the live scenario changes (a
 * training frame, a drag), the selected sample (whose values hold the inputs off the plane)
 * or the Data tab's axes change, enlarged for the hovered node, else the selected one. Call it
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
    // the view and its frame builder, once the pictures are first on and their code has come
    let pictures: { view: NeuronPicturesView; build: ReturnType<typeof createPicturesBuilder> } | null = null;
    let loading = false;
    let disposed = false;
    const load = () => {
      loading = true;
      void loadPictures().then(([viewModule, frameModule]) => {
        if (disposed) return;
        pictures = {
          view: viewModule.createNeuronPicturesView(svg, host),
          build: frameModule.createPicturesBuilder(store.selectors.planeGrid),
        };
        draw();
        enlarge();
      });
    };
    const draw = () => {
      const s = store.getState();
      if (!s.neuronPictures) {
        pictures?.view.update(null);
        return;
      }
      if (pictures === null) {
        if (!loading) load();
        return;
      }
      const { view, build } = pictures;
      const compiled = store.selectors.compiled(s);
      const sc = s.scenario;
      // over the Data tab's plane: its two inputs, the others held at the selected sample's values
      const it = store.selectors.iteration(s);
      const fixed = sc.data[it.start + s.sample]?.x ?? sc.data[0].x;
      const [i, j] = dataAxes.getState().axes;
      view.update(build(compiled, compiled.params, sc.data, sc.testData ?? [], i, j, fixed, s.training));
    };
    const enlarge = () => {
      const { hover, selection } = store.getState();
      const sel = hover?.kind === 'node' ? hover : selection?.kind === 'node' ? selection : null;
      pictures?.view.enlarge(sel === null || sel.l === 0 ? null : `${sel.l}:${sel.j}`);
    };
    draw();
    enlarge();
    const unDraw = store.subscribe(
      // training's end redraws its frames' coarser grid at full resolution (its start alone does not redraw)
      (s) => [s.scenario, s.neuronPictures, s.sample, s.optimizerState, s.batchShown, s.training] as const,
      draw,
      { equalityFn: sameUnlessTrainingEnds },
    );
    const unAxes = dataAxes.subscribe(draw);
    const unEnlarge = store.subscribe((s) => [s.hover, s.selection] as const, enlarge, { equalityFn: shallow });
    return () => {
      unEnlarge();
      unAxes();
      unDraw();
      disposed = true;
      pictures?.view.destroy();
    };
  }, [store, svgRef, hostRef]);
}

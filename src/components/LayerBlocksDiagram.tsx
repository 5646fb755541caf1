import { useEffect, useRef } from 'react';
import { shallow } from 'zustand/shallow';
import { createLayerBlocksView } from '../view/layer-blocks-view.ts';
import { useAppStoreApi } from './use-app-store.ts';

/**
 * The diagram of a network too big to draw node by node (see src/view/layer-blocks.ts):
 * owns the block view and feeds it through a store subscription, like the network diagram.
 */
export function LayerBlocksDiagram() {
  const store = useAppStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const view = createLayerBlocksView(el, { onSelect: (sel) => store.getState().select(sel) });
    const unsubscribe = store.subscribe(
      (s) => [s.scenario, s.selection],
      () => {
        const s = store.getState();
        const { model, params } = store.selectors.compiled(s);
        view.update({
          model,
          w: params.w,
          activations: s.scenario.layers.slice(1).map((layer) => ('activation' in layer ? layer.activation.type : '')),
          selection: s.selection,
        });
      },
      { equalityFn: shallow, fireImmediately: true },
    );
    return () => {
      unsubscribe();
      view.destroy();
    };
  }, [store]);
  return <div className="diagram diagram-blocks" data-testid="diagram" ref={ref} />;
}

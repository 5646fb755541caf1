import { useEffect, useRef, type RefObject } from 'react';
import { createLossChartView, type LossChartView } from '../view/loss-chart-view.ts';

/** The D3 loss chart drawn into `svgRef`'s element, sized to it; created on mount and destroyed on unmount. */
export function useLossChartView(svgRef: RefObject<SVGSVGElement | null>): RefObject<LossChartView | null> {
  const view = useRef<LossChartView | null>(null);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const v = createLossChartView(svg);
    view.current = v;
    const observer = new ResizeObserver(([entry]) => v.resize(entry.contentRect.width, entry.contentRect.height));
    observer.observe(svg);
    return () => {
      observer.disconnect();
      v.destroy();
      view.current = null;
    };
  }, [svgRef]);
  return view;
}

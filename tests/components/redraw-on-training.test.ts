import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import { sameUnlessTrainingEnds } from '../../src/components/redraw-on-training.ts';

describe('a picture redrawn while training (heatmap, neuron pictures)', () => {
  it('is not redrawn by a run’s start alone; it is by the run’s reports, its end, and any other change', () => {
    const store = createStore(subscribeWithSelector(() => ({ params: 1, training: false, sample: 0 })));
    const draws: string[] = [];
    store.subscribe(
      (s) => [s.params, s.sample, s.training] as const,
      ([params, , training]) => draws.push(`${params}${training ? ' coarse' : ''}`),
      { equalityFn: sameUnlessTrainingEnds },
    );
    store.setState({ training: true });
    expect(draws).toEqual([]);
    store.setState({ params: 2 });
    store.setState({ params: 3 });
    store.setState({ training: false });
    expect(draws).toEqual(['2 coarse', '3 coarse', '3']);
    // a run stopped before its first report: the full-resolution picture is still the one drawn
    store.setState({ training: true });
    store.setState({ training: false });
    expect(draws).toEqual(['2 coarse', '3 coarse', '3']);
    // another change while a run starts is drawn
    store.setState({ training: true, sample: 1 });
    expect(draws).toEqual(['2 coarse', '3 coarse', '3', '3 coarse']);
  });
});

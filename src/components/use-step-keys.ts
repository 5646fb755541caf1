import { useEffect } from 'react';
import { useAppStoreApi } from './use-app-store.ts';

function typingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

/** ← and → step back and forward through the iteration, space plays and pauses (not while typing). */
export function useStepKeys(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingInto(e.target)) return;
      const s = store.getState();
      if (e.key === 'ArrowRight') s.stepForward();
      else if (e.key === 'ArrowLeft') s.stepBack();
      else if (e.key === ' ' && !(e.target instanceof HTMLButtonElement) && !(e.target instanceof Element && e.target.getAttribute('role') === 'button')) s.setPlaying(!s.playing);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

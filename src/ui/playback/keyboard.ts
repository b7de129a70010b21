/**
 * Page-wide playback keys: Space plays or pauses, ←/→ step, Home/End jump. Keys typed into a
 * field, or that a focused control handles itself (Space on a button, arrows in the tab list or
 * on the scrubber), are left alone.
 */
import { useEffect } from 'react';
import { useStore } from '../../store/store';

function handledByTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, select, textarea, [contenteditable="true"]')) return true;
  const interactive = target.closest('button, a[href], [role="button"], summary');
  if (interactive && (key === ' ' || key === 'Enter')) return true;
  if (target.closest('[role="tablist"]') && key.startsWith('Arrow')) return true;
  return false;
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (handledByTarget(e.target, e.key)) return;
      const s = useStore.getState();
      const action = {
        ' ': s.togglePlay,
        ArrowRight: s.stepForward,
        ArrowLeft: s.stepBack,
        Home: s.first,
        End: s.last,
      }[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

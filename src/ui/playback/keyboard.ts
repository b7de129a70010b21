/**
 * Page-wide keys (the list is src/ui/present/shortcuts.ts): Space plays or pauses, ←/→ and a
 * clicker's PageUp/PageDown step, Home/End jump, P presentation mode, ? the shortcut overlay. Keys
 * typed into a field, or that a focused control handles itself (Space on a button, arrows in the
 * tab list or on the scrubber), are left alone.
 */
import { useEffect } from 'react';
import { useStore } from '../../store/store';
import { shortcutForKey } from '../present/shortcuts';

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
      // An open modal dialog (the shortcut overlay) handles its own keys, Escape included.
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
      if (handledByTarget(e.target, e.key)) return;
      const s = useStore.getState();
      const shortcut = shortcutForKey(e.key, s.letterShortcuts);
      if (!shortcut) return;
      e.preventDefault();
      shortcut.run(s);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

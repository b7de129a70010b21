/** Selectors for presentation mode and the shortcut overlay, defined once at module level. */
import type { Store } from '../../store/store';

export const selectPresenting = (s: Store) => s.presenting;
export const selectShortcutsOpen = (s: Store) => s.shortcutsOpen;
export const selectLetterShortcuts = (s: Store) => s.letterShortcuts;

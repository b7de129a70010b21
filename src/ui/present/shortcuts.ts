/**
 * Every page-wide keyboard shortcut, as data: the keys the "?" overlay shows, the `KeyboardEvent.key`
 * values that trigger it, and what it does. The keyboard hook and the overlay both read this list,
 * so the help can never disagree with the keys.
 */
import type { Store } from '../../store/store';
import type { Strings } from '../i18n';
import { LANGUAGE_CODES } from '../i18n';
import { switchLanguage } from '../i18n/switch-language';

export type ShortcutId = keyof Strings['shortcuts'];

export interface Shortcut {
  id: ShortcutId;
  /** As printed on the keys (not translated: keyboards are labelled this way). */
  labels: readonly string[];
  /** `KeyboardEvent.key` values. */
  keys: readonly string[];
  /** A single-character shortcut, which the person can turn off (WCAG 2.1.4). */
  character?: boolean;
  run(s: Store): void;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'playPause', labels: ['Space'], keys: [' '], run: (s) => s.togglePlay() },
  {
    id: 'stepForward',
    labels: ['→', 'Page Down'],
    // A presentation clicker sends PageDown for "next" and PageUp for "previous".
    keys: ['ArrowRight', 'PageDown'],
    run: (s) => s.stepForward(),
  },
  {
    id: 'stepBack',
    labels: ['←', 'Page Up'],
    keys: ['ArrowLeft', 'PageUp'],
    run: (s) => s.stepBack(),
  },
  { id: 'first', labels: ['Home'], keys: ['Home'], run: (s) => s.first() },
  { id: 'last', labels: ['End'], keys: ['End'], run: (s) => s.last() },
  {
    id: 'presentation',
    labels: ['P'],
    keys: ['p', 'P'],
    character: true,
    run: (s) => s.setPresenting(!s.presenting),
  },
  {
    id: 'theme',
    labels: ['T'],
    keys: ['t', 'T'],
    character: true,
    run: (s) => s.setTheme(s.theme === 'light' ? 'dark' : 'light'),
  },
  {
    id: 'language',
    labels: ['L'],
    keys: ['l', 'L'],
    character: true,
    run: (s) => {
      const i = LANGUAGE_CODES.indexOf(s.language);
      switchLanguage(LANGUAGE_CODES[(i + 1) % LANGUAGE_CODES.length]!);
    },
  },
  {
    id: 'help',
    labels: ['?'],
    keys: ['?'],
    character: true,
    run: (s) => s.setShortcutsOpen(!s.shortcutsOpen),
  },
  {
    id: 'close',
    labels: ['Esc'],
    keys: ['Escape'],
    run: (s) => {
      if (s.shortcutsOpen) s.setShortcutsOpen(false);
      else if (s.presenting) s.setPresenting(false);
    },
  },
];

/** The shortcut a key triggers, if any, given whether character shortcuts are on. */
export function shortcutForKey(key: string, letterShortcuts: boolean): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.keys.includes(key) && (letterShortcuts || !s.character));
}

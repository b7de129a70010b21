/**
 * Settings slice: language, theme and motion, which the page applies to <html>, and presentation
 * mode. The language starts from the browser's (or the last one picked) and is remembered; main.tsx
 * loads its table before the first render.
 */
import type { StateCreator } from 'zustand';
import { loadLanguage, type Language } from '../../ui/i18n';
import { initialLanguage, rememberLanguage } from '../../ui/i18n/language';
import type { Store } from '../store';

export type Theme = 'light' | 'dark';
/** 'system' follows prefers-reduced-motion. */
export type Motion = 'system' | 'reduce' | 'full';

export interface SettingsSlice {
  language: Language;
  theme: Theme;
  motion: Motion;
  /** Presentation mode: large type, side panels collapsed, the explanation under the diagram. */
  presenting: boolean;
  /** The "?" overlay that lists the keyboard shortcuts. */
  shortcutsOpen: boolean;
  /**
   * Whether single-character shortcuts (P, T, L, ?) are on. They can be turned off, so speech
   * input and stray key presses cannot trigger them (WCAG 2.1.4, Character Key Shortcuts).
   */
  letterShortcuts: boolean;
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  setMotion(motion: Motion): void;
  setPresenting(presenting: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setLetterShortcuts(on: boolean): void;
}

/** The language last asked for: a table that arrives after a later choice does not override it. */
let requestedLanguage: Language | undefined;

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set) => ({
  language: initialLanguage(),
  theme: 'light',
  motion: 'system',
  presenting: false,
  shortcutsOpen: false,
  letterShortcuts: true,
  setLanguage: (language) => {
    rememberLanguage(language);
    requestedLanguage = language;
    // The page switches once the table is here (Korean is fetched on first use), never to keys.
    void loadLanguage(language).then(
      () => {
        if (requestedLanguage === language) set({ language });
      },
      () => undefined,
    );
  },
  setTheme: (theme) => set({ theme }),
  setMotion: (motion) => set({ motion }),
  setPresenting: (presenting) => set({ presenting }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setLetterShortcuts: (letterShortcuts) => set({ letterShortcuts }),
});

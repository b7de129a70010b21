/**
 * Settings slice: language, theme and motion, which the page applies to <html>, and presentation
 * mode. The language starts from the browser's (or the last one picked) and is remembered. The UI
 * loads a language's table before it sets the language here (src/ui/i18n/switch-language.ts).
 */
import type { StateCreator } from 'zustand';
import { initialLanguage, rememberLanguage, type Language } from '../language';
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

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set) => ({
  language: initialLanguage(),
  theme: 'light',
  motion: 'system',
  presenting: false,
  shortcutsOpen: false,
  letterShortcuts: true,
  setLanguage: (language) => {
    rememberLanguage(language);
    set({ language });
  },
  setTheme: (theme) => set({ theme }),
  setMotion: (motion) => set({ motion }),
  setPresenting: (presenting) => set({ presenting }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setLetterShortcuts: (letterShortcuts) => set({ letterShortcuts }),
});

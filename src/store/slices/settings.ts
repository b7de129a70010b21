/** Settings slice: language, theme and motion, which the page applies to <html>. */
import type { StateCreator } from 'zustand';
import type { Language } from '../../ui/i18n';
import type { Store } from '../store';

export type Theme = 'light' | 'dark';
/** 'system' follows prefers-reduced-motion. */
export type Motion = 'system' | 'reduce' | 'full';

export interface SettingsSlice {
  language: Language;
  theme: Theme;
  motion: Motion;
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  setMotion(motion: Motion): void;
}

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set) => ({
  language: 'en',
  theme: 'light',
  motion: 'system',
  setLanguage: (language) => set({ language }),
  setTheme: (theme) => set({ theme }),
  setMotion: (motion) => set({ motion }),
});

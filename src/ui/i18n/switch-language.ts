/**
 * Switching language from the page: the table is fetched first (Korean arrives on first use), and
 * only then does the store change language, so the page never draws keys. A table that arrives
 * after a later choice does not override that choice. The choice itself is kept at once: a reload
 * before the table has arrived still opens in the language picked.
 */
import { rememberLanguage, type Language } from '../../store/language';
import { useStore } from '../../store/store';
import { loadLanguage } from './index';

let requested: Language | undefined;

export function switchLanguage(language: Language): void {
  requested = language;
  rememberLanguage(language);
  void loadLanguage(language).then(
    () => {
      if (requested === language) useStore.getState().setLanguage(language);
    },
    () => undefined,
  );
}

/** Small hooks shared by the components: the language table, and whether to animate. */
import { useSyncExternalStore } from 'react';
import { selectLanguage, selectMotion, useStore } from '../store/store';
import { stringsFor, subscribeTables, tablesRevision, type Strings } from './i18n';

/** The current language's table; a component redraws when the language or the table changes. */
export function useStrings(): Strings {
  useSyncExternalStore(subscribeTables, tablesRevision, tablesRevision);
  return stringsFor(useStore(selectLanguage));
}

const REDUCE_QUERY = '(prefers-reduced-motion: reduce)';

function subscribeReducedMotion(onChange: () => void): () => void {
  const mq = window.matchMedia(REDUCE_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}
const systemReducesMotion = () => window.matchMedia(REDUCE_QUERY).matches;

/** True when messages should appear rather than travel: the setting, or the system's preference. */
export function useReducedMotion(): boolean {
  const motion = useStore(selectMotion);
  const system = useSyncExternalStore(subscribeReducedMotion, systemReducesMotion, () => false);
  return motion === 'reduce' || (motion === 'system' && system);
}

/** Whether a media query matches now, following changes (a window resized past a breakpoint). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mq = window.matchMedia(query);
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/**
 * Which language the page starts in: the one the person picked last time (kept in localStorage),
 * else the first of the browser's languages that Wirestep speaks (navigator.languages, so "ko-KR"
 * means Korean), else English.
 */
/** The languages Wirestep speaks; the UI has one table of text for each (src/ui/i18n). */
export const LANGUAGE_CODES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGE_CODES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGE_CODES as readonly string[]).includes(value);
}

export const LANGUAGE_STORAGE_KEY = 'wirestep.language';

/** Pure: the stored choice wins, then the browser's preference order; region subtags are ignored. */
export function detectLanguage(
  stored: string | null | undefined,
  preferred: readonly string[],
): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** localStorage can throw (disabled storage, private modes); the choice is then just not kept. */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function initialLanguage(): Language {
  let stored: string | null;
  try {
    stored = storage()?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  const nav = globalThis.navigator as Navigator | undefined;
  const preferred = nav ? (nav.languages?.length ? nav.languages : [nav.language]) : [];
  return detectLanguage(stored, preferred.filter(Boolean));
}

export function rememberLanguage(language: Language): void {
  try {
    storage()?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not kept: the switch still works for this page.
  }
}

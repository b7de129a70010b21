/**
 * The lab's settings checked against the engine's input limits (src/engine/limits.ts) before a run:
 * the first problem as the engine words it, or undefined. Pure, so they are tested without a DOM.
 */
import {
  checkClockJump,
  checkConfigLists,
  checkHostname,
  checkZoneText,
  type LimitCheck,
} from '../../engine/limits';

type Check = () => LimitCheck;

/** The first failing check's sentence. */
export function firstProblem(...checks: Check[]): string | undefined {
  for (const check of checks) {
    const result = check();
    if (!result.ok) return result.error;
  }
  return undefined;
}

interface Lists {
  cipherSuites: readonly number[];
  groups: readonly number[];
  signatureSchemes: readonly number[];
}

export function negotiationProblem(settings: { client: Lists; server: Lists }): string | undefined {
  return firstProblem(
    () => checkConfigLists(settings.client),
    () => checkConfigLists(settings.server),
  );
}

/** Lookups in a row: every name usable, every jump of the clock within bounds. */
export function lookupsProblem(
  steps: readonly { name: string; afterSeconds?: number }[],
): string | undefined {
  return firstProblem(
    ...steps.flatMap((s): Check[] => [
      () => checkHostname(s.name),
      () => checkClockJump(s.afterSeconds ?? 0),
    ]),
  );
}

export function zoneEditProblem(settings: {
  text: string;
  lookups: readonly { name: string }[];
}): string | undefined {
  const text = checkZoneText(settings.text);
  return text.ok ? lookupsProblem(settings.lookups) : text.error;
}

/** An https URL whose host is a usable name; `message` when it is not https at all. */
export function urlProblem(url: string, message: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return message;
  }
  if (parsed.protocol !== 'https:') return message;
  return firstProblem(() => checkHostname(parsed.hostname));
}

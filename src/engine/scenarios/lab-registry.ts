/**
 * The lab scenarios (TLS lab, DNS lab, the journey) as one list the UI and the store can look up by
 * id. The engine modules are fetched on first use (import()) or by the prefetch after the first
 * drawing (src/ui/lazy.ts), so they are not part of the first load; the picker itself only needs
 * the catalog's text.
 */
import type { Trace } from '../trace';

/** A lab scenario with its settings and outcome types erased: the panel casts them per scenario. */
export interface AnyLab {
  id: string;
  title: string;
  lesson: string;
  settings: unknown;
  presets: readonly { id: string; title: string; settings: unknown }[];
  run(settings: unknown, seed: number | string): Promise<{ trace: Trace; outcome: unknown }>;
}

/** A lab run's outcome, tagged with the scenario it belongs to (a newer run may be of another). */
export interface LabOutcome {
  lab: string;
  value: unknown;
}

/** The engine's lab modules, for the editors that need more than a scenario (choices, targets, zones). */
export interface LabModules {
  tls: typeof import('./lab');
  dns: typeof import('./lab/dns');
  journey: typeof import('./journey');
}

let modules: Promise<LabModules> | undefined;
let scenarios: Promise<Map<string, AnyLab>> | undefined;

export function loadLabModules(): Promise<LabModules> {
  modules ??= Promise.all([import('./lab'), import('./lab/dns'), import('./journey')]).then(
    ([tls, dns, journey]) => ({ tls, dns, journey }),
  );
  return modules;
}

function loadAll(): Promise<Map<string, AnyLab>> {
  scenarios ??= loadLabModules().then(({ tls, dns, journey }) => {
    const all = [
      ...tls.LAB_SCENARIOS,
      ...dns.DNS_LAB_SCENARIOS,
      journey.journeyScenario,
    ] as unknown as AnyLab[];
    return new Map(all.map((s) => [s.id, s]));
  });
  return scenarios;
}

export async function loadLabScenario(id: string): Promise<AnyLab | undefined> {
  return (await loadAll()).get(id);
}

/** The settings a lab run uses: the edited ones, or else the preset's. */
export function labParams(lab: AnyLab, settings: { preset: string; params?: unknown }): unknown {
  if (settings.params !== undefined) return settings.params;
  return (lab.presets.find((p) => p.id === settings.preset) ?? lab.presets[0])?.settings;
}

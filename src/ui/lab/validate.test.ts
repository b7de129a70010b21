import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { LAB_SCENARIOS } from '../../engine/scenarios/lab';
import { DNS_LAB_SCENARIOS } from '../../engine/scenarios/lab/dns';
import { journeyScenario } from '../../engine/scenarios/journey';
import { LAB_PARAM_SHAPES, labParamsShapeProblem } from './params-shape';
import {
  NUMBER_RANGES,
  gslbProblem,
  labProblem,
  lookupsProblem,
  negotiationProblem,
  readWholeNumber,
  urlProblem,
  zoneEditProblem,
} from './validate';

const lists = { cipherSuites: [0xc02f], groups: [29], signatureSchemes: [0x0401] };
const ALL_LABS = [...LAB_SCENARIOS, ...DNS_LAB_SCENARIOS, journeyScenario];
const preset = (lab: string, id?: string) => {
  const scenario = ALL_LABS.find((s) => s.id === lab)!;
  return structuredClone((id ? scenario.presets.find((p) => p.id === id) : scenario.presets[0])!)
    .settings as never;
};

describe('lab settings against the engine’s limits', () => {
  it('refuses a negotiation side that offers no cipher suite', () => {
    expect(negotiationProblem({ client: lists, server: lists })).toBeUndefined();
    expect(negotiationProblem({ client: { ...lists, cipherSuites: [] }, server: lists })).toMatch(
      /at least one of the cipher suites/,
    );
  });

  it('refuses a lookup of a name that cannot be one, or a jump past 30 days', () => {
    expect(
      lookupsProblem([{ name: 'www.example.com' }, { name: 'www.example.com', afterSeconds: 60 }]),
    ).toBeUndefined();
    expect(lookupsProblem([{ name: '' }])).toMatch(/Enter a name/);
    expect(lookupsProblem([{ name: `${'a'.repeat(64)}.com` }])).toMatch(/Not a usable name/);
    expect(lookupsProblem([{ name: 'example.com', afterSeconds: 31 * 86_400 }])).toMatch(/30 days/);
  });

  it('counts the lookups first: 12 in a row at most, and none is not a run', () => {
    const step = { name: 'www.example.com', afterSeconds: 10 };
    expect(lookupsProblem(Array(12).fill(step))).toBeUndefined();
    expect(lookupsProblem(Array(13).fill(step))).toBe('13 lookups is too many; the limit is 12.');
    // A huge list from a file is refused by its length, not walked.
    expect(lookupsProblem(Array(1_000_000).fill(step))).toMatch(/^1000000 lookups/);
    expect(lookupsProblem([])).toBe('Add at least one lookup.');
  });

  it('checks a zone text’s size before its lookups, and takes six lookups', () => {
    expect(
      zoneEditProblem({ text: '@ 300 IN A 192.0.2.1\n', lookups: [{ name: 'example.com' }] }),
    ).toBeUndefined();
    expect(zoneEditProblem({ text: 'x\n'.repeat(5_001), lookups: [] })).toMatch(/^Line \d+/);
    expect(zoneEditProblem({ text: '', lookups: [{ name: '' }] })).toMatch(/Enter a name/);
    expect(zoneEditProblem({ text: '', lookups: Array(7).fill({ name: 'example.com' }) })).toBe(
      '7 lookups is too many; the limit is 6.',
    );
  });

  it('takes only https URLs with a usable host, up to 8,000 characters', () => {
    expect(urlProblem('https://www.example.com/', 'bad')).toBeUndefined();
    expect(urlProblem('http://www.example.com/', 'bad')).toBe('bad');
    expect(urlProblem('not a url', 'bad')).toBe('bad');
    expect(urlProblem('https://<img src=x onerror=alert(1)>/', 'bad')).toBe('bad');
    expect(urlProblem(`https://www.example.com/${'a'.repeat(7_976)}`, 'bad')).toBeUndefined();
    expect(urlProblem(`https://www.example.com/${'a'.repeat(7_977)}`, 'bad')).toBe(
      'The address is 8001 characters long; the limit is 8000 (RFC 9110 §4.1).',
    );
    expect(urlProblem(`https://${'a'.repeat(64)}.com/`, 'bad')).toMatch(/64 octets/);
  });

  it('holds GSLB settings to the editor’s ranges: a health check every 0 s would never end', () => {
    const good = preset('lab-dns-gslb-failover');
    expect(gslbProblem(good)).toBeUndefined();
    const p = preset('lab-dns-gslb-failover') as Parameters<typeof gslbProblem>[0];
    expect(gslbProblem({ ...p, healthCheck: { ...p.healthCheck, intervalSeconds: 0 } })).toBe(
      'The check interval is a whole number from 1 to 600, not 0.',
    );
    expect(gslbProblem({ ...p, ttl: Number.POSITIVE_INFINITY })).toBe(
      'The TTL is a whole number from 1 to 86400, not Infinity.',
    );
    // Every 5 s for an hour is 721 lookups: refused with the count, not cut to 40.
    const every5 = Array.from({ length: 721 }, (_, i) => i * 5);
    expect(gslbProblem({ ...p, lookupsAtSeconds: every5 })).toBe(
      '721 lookups is too many; the limit is 40.',
    );
    expect(gslbProblem({ ...p, lookupsAtSeconds: [0, -30] })).toBe(
      'A lookup time is a whole number from 0 to 3600, not -30.',
    );
    expect(gslbProblem({ ...p, primary: '<svg onload=alert(1)>' })).toBe(
      'The primary and secondary are IPv4 addresses.',
    );
  });

  it('holds the other number fields to their ranges', () => {
    const problem = (lab: string, change: (p: Record<string, unknown>) => void) => {
      const p = preset(lab) as Record<string, unknown>;
      change(p);
      return labProblem(lab, p, 'bad url');
    };
    expect(
      problem(
        'lab-dns-negative',
        (p) => ((p['again'] as { afterSeconds: number }).afterSeconds = -1),
      ),
    ).toBe('The second lookup is a whole number from 0 to 86400, not -1.');
    expect(
      problem('lab-dns-poisoning', (p) =>
        Object.assign(p, { attack: 'forged-response', forgeries: 1e6, attackerSeesQuery: true }),
      ),
    ).toBe('The number of forged answers is a whole number from 1 to 20, not 1000000.');
    expect(problem('lab-tls-tamper', (p) => (p['mask'] = 0))).toBe(
      'The mask is a whole number from 1 to 255, not 0.',
    );
    expect(problem('lab-tls-tamper', (p) => (p['offset'] = 2.5))).toMatch(/^The byte offset/);
    expect(problem('journey-visit', (p) => (p['againAfterSeconds'] = 1e308))).toBe(
      'The second visit is a whole number from 0 to 86400, not 1e+308.',
    );
    expect(problem('journey-visit', (p) => (p['url'] = 'ftp://x'))).toBe('bad url');
  });

  it('reads a number box as a whole number within its range, or not at all', () => {
    const range = NUMBER_RANGES.forgeries;
    expect(readWholeNumber('3', range)).toBe(3);
    expect(readWholeNumber('1e1', range)).toBe(10);
    for (const raw of ['', ' ', '0', '21', '-5', '2.5', '1e308', 'NaN', 'Infinity', '0x10'])
      expect(readWholeNumber(raw, range), raw).toBeUndefined();
  });
});

describe('lab settings of the wrong shape', () => {
  it('every preset of every lab scenario fits its shape and its limits', () => {
    expect(Object.keys(LAB_PARAM_SHAPES).sort()).toEqual(ALL_LABS.map((s) => s.id).sort());
    for (const scenario of ALL_LABS)
      for (const p of scenario.presets)
        expect(
          labProblem(scenario.id, p.settings, 'bad'),
          `${scenario.id} ${p.id}`,
        ).toBeUndefined();
  });

  it('names the first field that does not fit, and the editor is not drawn (LabPanel)', () => {
    const lab = 'lab-tls-negotiation';
    const ok = preset(lab) as Record<string, unknown>;
    expect(labParamsShapeProblem(lab, { ...ok, client: 5 })).toBe(
      'settings.client is not an object',
    );
    expect(labParamsShapeProblem(lab, { ...ok, client: { ...lists, groups: 'x' } })).toBe(
      'settings.client.groups is not a list',
    );
    expect(labParamsShapeProblem(lab, { ...ok, client: { ...lists, groups: [29, '<b>'] } })).toBe(
      'settings.client.groups[1] is not a number',
    );
    expect(labParamsShapeProblem(lab, { server: ok['server'] })).toBe('settings.client is missing');
    expect(labParamsShapeProblem(lab, null)).toBe('settings is not an object');
    expect(labParamsShapeProblem(lab, [])).toBe('settings is not an object');
    // A key JSON.parse makes an own property, which no settings have.
    expect(labParamsShapeProblem(lab, JSON.parse(`{"__proto__": {"polluted": 1}}`))).toBe(
      "settings has a field '__proto__' that these settings do not have",
    );
    expect(labParamsShapeProblem('lab-tls-certificates', { problem: 'haunted' })).toMatch(
      /^settings.problem is not one of none, expired/,
    );
    expect(labParamsShapeProblem('lab-dns-poisoning', { attack: 'forged-response' })).toBe(
      'settings.forgeries is missing',
    );
    expect(
      labParamsShapeProblem('journey-visit', { url: 'https://x/', againAfterSeconds: null }),
    ).toBe(undefined);
    expect(labParamsShapeProblem('no-such-lab', {})).toBe("there is no lab scenario 'no-such-lab'");
    expect(labProblem(lab, { ...ok, client: 5 }, 'bad')).toBe(
      'These settings cannot be used: settings.client is not an object.',
    );
  });
});

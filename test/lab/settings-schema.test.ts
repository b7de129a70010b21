/**
 * The lab scenarios' settings checks (src/engine/scenarios/lab-settings.ts), the one check for an
 * editor's, a link's, a file's and the CLI's settings: every preset of every scenario passes
 * unchanged, so the checks accept what the engine's own presets hold; values a hostile link or
 * file could hold (wrong types, extra keys, huge or fractional numbers, repeats, unusable names,
 * oversized text) are refused with the path of the field; and what an editor can make but not run
 * is worded as the input limits word it.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/engine/scenarios/catalog';
import { journeyScenario } from '../../src/engine/scenarios/journey';
import { LAB_SCENARIOS } from '../../src/engine/scenarios/lab';
import { DNS_LAB_SCENARIOS } from '../../src/engine/scenarios/lab/dns';
import {
  CHECKED_LAB_IDS,
  checkLabSettings,
  labSettingsProblem,
} from '../../src/engine/scenarios/lab-settings';
import { MAX_ZONE_TEXT_CHARS } from '../../src/engine/limits';

const ALL = [...LAB_SCENARIOS, ...DNS_LAB_SCENARIOS, journeyScenario] as unknown as {
  id: string;
  presets: { id: string; settings: unknown }[];
}[];

const preset = (id: string, n = 0) =>
  structuredClone(ALL.find((s) => s.id === id)!.presets[n]!.settings) as Record<string, unknown>;

/** The check's verdict on `value`: the path it names when it refuses, or 'ok'. */
function verdict(id: string, value: unknown): string {
  const r = checkLabSettings(id, value);
  return r.ok ? 'ok' : r.path;
}

describe('lab settings checks', () => {
  it('cover exactly the lab scenarios of the catalog', () => {
    const labIds = SCENARIOS.filter((s) => s.settings.kind === 'lab').map((s) => s.id);
    expect([...CHECKED_LAB_IDS].sort()).toEqual([...labIds].sort());
    expect(ALL.map((s) => s.id).sort()).toEqual([...labIds].sort());
  });

  it.each(ALL.flatMap((s) => s.presets.map((p) => [s.id, p.id, p.settings] as const)))(
    '%s / %s: the preset passes and comes back the same',
    (id, _preset, settings) => {
      expect(checkLabSettings(id, structuredClone(settings))).toEqual({
        ok: true,
        value: settings,
      });
    },
  );

  it('refuses what is not a settings object at all', () => {
    for (const value of [null, 1, 'x', [], true]) expect(verdict('lab-tls-ems', value)).toBe('');
    expect(verdict('no-such-lab', {})).toBe('');
  });

  it('refuses keys the scenario does not have, missing keys and wrong types', () => {
    expect(verdict('lab-tls-ems', { clientOffers: true, serverSupports: true, x: 1 })).toBe('x');
    expect(
      verdict(
        'lab-tls-ems',
        JSON.parse('{"clientOffers":true,"serverSupports":true,"__proto__":{}}'),
      ),
    ).toBe('__proto__');
    expect(verdict('lab-tls-ems', { clientOffers: true })).toBe('serverSupports');
    expect(verdict('lab-tls-ems', { clientOffers: 'yes', serverSupports: true })).toBe(
      'clientOffers',
    );
    expect(verdict('lab-tls-mitm', { trustAttackerCa: 1 })).toBe('trustAttackerCa');
    expect(verdict('lab-tls-certificates', { problem: '<script>alert(1)</script>' })).toBe(
      'problem',
    );
  });

  it('negotiation: only the editor’s codes, each once, at least one', () => {
    const base = preset('lab-tls-negotiation');
    const withList = (side: 'client' | 'server', key: string, list: unknown) => ({
      ...base,
      [side]: { ...(base[side] as object), [key]: list },
    });
    expect(
      verdict('lab-tls-negotiation', withList('client', 'cipherSuites', [0xc030, 0xc02f])),
    ).toBe('ok');
    expect(verdict('lab-tls-negotiation', withList('client', 'cipherSuites', [0x1301]))).toBe(
      'client.cipherSuites[0]',
    );
    expect(verdict('lab-tls-negotiation', withList('client', 'groups', [29, 29]))).toBe(
      'client.groups[1]',
    );
    expect(verdict('lab-tls-negotiation', withList('server', 'signatureSchemes', []))).toBe(
      'server.signatureSchemes',
    );
    expect(verdict('lab-tls-negotiation', withList('client', 'cipherSuites', '0xc02f'))).toBe(
      'client.cipherSuites',
    );
    expect(verdict('lab-tls-negotiation', { ...base, serverNamesSuite: 0xc030 })).toBe('ok');
    expect(verdict('lab-tls-negotiation', { ...base, serverNamesSuite: 1e308 })).toBe(
      'serverNamesSuite',
    );
    expect(
      verdict('lab-tls-negotiation', {
        ...base,
        server: { ...(base['server'] as object), preference: 'random' },
      }),
    ).toBe('server.preference');
  });

  it('numbers: whole, within the editor’s bounds, never Infinity', () => {
    const tamper = preset('lab-tls-tamper');
    for (const [key, value] of [
      ['record', -1],
      ['record', 64],
      ['offset', 0.5],
      ['offset', Infinity],
      ['offset', 1e21],
      ['mask', 0],
      ['mask', 256],
      ['mask', '1'],
    ] as const)
      expect(verdict('lab-tls-tamper', { ...tamper, [key]: value }), `${key}=${value}`).toBe(key);
    const gslb = preset('lab-dns-gslb-failover');
    expect(verdict('lab-dns-gslb-failover', { ...gslb, ttl: 0 })).toBe('ttl');
    expect(
      verdict('lab-dns-gslb-failover', {
        ...gslb,
        lookupsAtSeconds: Array.from({ length: 41 }, (_, i) => i),
      }),
    ).toBe('lookupsAtSeconds');
    expect(verdict('lab-dns-gslb-failover', { ...gslb, primary: '203.0.113.256' })).toBe('primary');
    expect(
      verdict('lab-dns-gslb-failover', {
        ...gslb,
        healthCheck: { intervalSeconds: 30, failureThreshold: 11 },
      }),
    ).toBe('healthCheck.failureThreshold');
    const poison = { attack: 'forged-response', forgeries: 21, attackerSeesQuery: false };
    expect(verdict('lab-dns-poisoning', poison)).toBe('forgeries');
    expect(verdict('lab-dns-poisoning', { attack: 'out-of-bailiwick', forgeries: 1 })).toBe(
      'forgeries',
    );
    expect(verdict('lab-dns-poisoning', { attack: 'dns-rebinding' })).toBe('attack');
  });

  it('names, types and clock jumps in DNS lookups', () => {
    const steps = (preset('lab-dns-time-travel')['steps'] as object[]).slice(0, 2);
    const withStep = (step: object) => ({ steps: [steps[0], step] });
    expect(
      verdict('lab-dns-time-travel', withStep({ name: 'a.example.com', afterSeconds: 60 })),
    ).toBe('ok');
    expect(verdict('lab-dns-time-travel', withStep({ name: 'a..example.com' }))).toBe(
      'steps[1].name',
    );
    expect(verdict('lab-dns-time-travel', withStep({ name: `${'a'.repeat(64)}.com` }))).toBe(
      'steps[1].name',
    );
    expect(verdict('lab-dns-time-travel', withStep({ name: 'x.com', type: 'SRV' }))).toBe(
      'steps[1].type',
    );
    expect(verdict('lab-dns-time-travel', withStep({ name: 'x.com', afterSeconds: -1 }))).toBe(
      'steps[1].afterSeconds',
    );
    expect(verdict('lab-dns-time-travel', withStep({ name: 'x.com', restart: 'planet' }))).toBe(
      'steps[1].restart',
    );
    expect(
      verdict('lab-dns-time-travel', { steps: Array.from({ length: 13 }, () => steps[0]) }),
    ).toBe('steps');
    expect(verdict('lab-dns-negative', { ...preset('lab-dns-negative'), name: '' })).toBe('name');
  });

  it('a zone file within the zone editor’s caps; the journey’s https URL', () => {
    const zone = preset('lab-dns-zone-edit');
    expect(verdict('lab-dns-zone-edit', { ...zone, text: 'not a zone at all' })).toBe('ok');
    expect(
      verdict('lab-dns-zone-edit', { ...zone, text: 'x'.repeat(MAX_ZONE_TEXT_CHARS + 1) }),
    ).toBe('text');
    expect(verdict('lab-dns-zone-edit', { ...zone, text: '\n'.repeat(5_001) })).toBe('text');
    const journey = preset('journey-visit');
    expect(verdict('journey-visit', { ...journey, url: 'https://www.example.org/a?b' })).toBe('ok');
    for (const url of ['http://www.example.com/', 'javascript:alert(1)', 'https://a..b/', 'nope'])
      expect(verdict('journey-visit', { ...journey, url }), url).toBe('url');
    expect(verdict('journey-visit', { ...journey, againAfterSeconds: null })).toBe('ok');
    expect(verdict('journey-visit', { ...journey, againAfterSeconds: 86_401 })).toBe(
      'againAfterSeconds',
    );
  });
});

describe('lab settings problems as the lab panel and the CLI say them', () => {
  const problem = (id: string, change: (p: Record<string, unknown>) => void) => {
    const p = preset(id);
    change(p);
    return labSettingsProblem(id, p);
  };

  it('an emptied negotiation list: the limit’s sentence, and the editor still drawn', () => {
    const p = problem('lab-tls-negotiation', (p) => {
      (p['client'] as Record<string, unknown>)['cipherSuites'] = [];
    });
    expect(p).toEqual({
      text: 'Offer at least one of the cipher suites.',
      limit: { key: 'limit.list_empty', params: { list: 'limit.list.cipherSuites' } },
    });
  });

  it('lookups: names, counts and jumps as the limits word them', () => {
    const steps = (n: number, step: object) => ({ steps: Array.from({ length: n }, () => step) });
    const ok = { name: 'www.example.com', afterSeconds: 10 };
    expect(labSettingsProblem('lab-dns-time-travel', steps(12, ok))).toBeUndefined();
    expect(labSettingsProblem('lab-dns-time-travel', steps(13, ok))?.text).toBe(
      '13 lookups is too many; the limit is 12.',
    );
    // A huge list from a file is refused by its length, not walked.
    expect(labSettingsProblem('lab-dns-time-travel', steps(1_000_000, ok))?.text).toMatch(
      /^1000000 lookups/,
    );
    expect(labSettingsProblem('lab-dns-time-travel', steps(0, ok))?.text).toBe(
      'Add at least one lookup.',
    );
    expect(labSettingsProblem('lab-dns-time-travel', steps(1, { name: '' }))?.text).toMatch(
      /^Enter a name/,
    );
    // The time-travel editor takes jumps up to 30 days (NUMBER_RANGES.lookupAfter).
    const jump = (s: number) => steps(1, { name: 'example.com', afterSeconds: s });
    expect(labSettingsProblem('lab-dns-time-travel', jump(30 * 86_400))).toBeUndefined();
    expect(labSettingsProblem('lab-dns-time-travel', jump(30 * 86_400 + 1))?.text).toBe(
      'settings.steps[0].afterSeconds: expected a whole number from 0 to 2592000.',
    );
    const zone = preset('lab-dns-zone-edit');
    expect(
      labSettingsProblem('lab-dns-zone-edit', { ...zone, text: 'x\n'.repeat(5_001) })?.text,
    ).toMatch(/^Line 5001: the zone file has more than 5000 lines\.$/);
    expect(
      labSettingsProblem('lab-dns-zone-edit', {
        ...zone,
        lookups: Array(7).fill({ name: 'example.com' }),
      })?.text,
    ).toBe('7 lookups is too many; the limit is 6.');
  });

  it('GSLB: 721 lookups from the editor are refused with the count, not cut to 40', () => {
    const every5 = Array.from({ length: 721 }, (_, i) => i * 5);
    expect(problem('lab-dns-gslb-failover', (p) => (p['lookupsAtSeconds'] = every5))?.text).toBe(
      '721 lookups is too many; the limit is 40.',
    );
    expect(
      problem('lab-dns-gslb-failover', (p) => (p['primary'] = '<svg onload=alert(1)>'))?.text,
    ).toBe('The primary and secondary are IPv4 addresses.');
  });

  it('the journey: an address that is not https is a key the page words', () => {
    for (const url of ['http://www.example.com/', 'not a url', 'https://<img src=x>/'])
      expect(
        problem('journey-visit', (p) => (p['url'] = url)),
        url,
      ).toEqual({ text: 'settings.url: not an https URL.', key: 'notHttpsUrl' });
    const long = (n: number) => `https://www.example.com/${'a'.repeat(n)}`;
    expect(problem('journey-visit', (p) => (p['url'] = long(7_976)))).toBeUndefined();
    expect(problem('journey-visit', (p) => (p['url'] = long(7_977)))?.text).toBe(
      'The address is 8001 characters long; the limit is 8000 (RFC 9110 §4.1).',
    );
    expect(
      problem('journey-visit', (p) => (p['url'] = `https://${'a'.repeat(64)}.com/`))?.text,
    ).toMatch(/64 octets/);
  });

  it('settings of the wrong shape: the field, and no editor', () => {
    const lab = 'lab-tls-negotiation';
    expect(problem(lab, (p) => (p['client'] = 5))).toEqual({
      text: 'These settings cannot be used: settings.client: expected an object.',
      shape: true,
    });
    expect(labSettingsProblem(lab, null)?.text).toBe(
      'These settings cannot be used: settings: expected an object.',
    );
    expect(labSettingsProblem('lab-dns-poisoning', { attack: 'forged-response' })?.text).toBe(
      'These settings cannot be used: settings.forgeries: missing.',
    );
    expect(labSettingsProblem('no-such-lab', {})?.shape).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { scenarioById, type LabSettings } from '../../engine/scenarios/catalog';
import { journeyScenario } from '../../engine/scenarios/journey';
import { LAB_SCENARIOS } from '../../engine/scenarios/lab';
import { DNS_LAB_SCENARIOS } from '../../engine/scenarios/lab/dns';
import { checkLabSettings } from '../../engine/scenarios/lab-settings';
import {
  MAX_LINK_CHARS,
  linkHasLabSettings,
  linkOmitsParams,
  linkSearch,
  parseLink as parse,
  withLink,
  type LinkState,
} from './link';

/** A link read as the page reads it once the lab's settings check has loaded. */
const parseLink = (search: string) => parse(search, checkLabSettings);

const tls = (patch: object = {}, step = 0): LinkState => ({
  scenarioId: 'tls-full',
  settings: {
    ...structuredClone(scenarioById('tls-full')!.settings),
    ...patch,
  } as LinkState['settings'],
  step,
});

describe('shareable links', () => {
  it('write only what differs from the scenario, with the seed and a 1-based step', () => {
    expect(linkSearch(tls({ seed: '42' }, 7))).toBe('?scenario=tls-full&seed=42&step=8');
    expect(linkSearch(tls({ seed: '9', suite: 0xcca8, serverName: 'a.example' }, 0))).toBe(
      '?scenario=tls-full&seed=9&host=a.example&suite=0xcca8&step=1',
    );
  });

  it('round-trip: parsing a written link gives back the same scenario, settings and step', () => {
    for (const state of [
      tls({ seed: '123456789', suite: 0xc02b }, 11),
      tls({ seed: 'a/b-c.d' }, 0),
      {
        scenarioId: 'dns-warm',
        settings: { ...structuredClone(scenarioById('dns-warm')!.settings), seed: '5', type: 'MX' },
        step: 3,
      } as LinkState,
    ]) {
      expect(parseLink(linkSearch(state))).toEqual({ kind: 'ok', state });
    }
  });

  it('carry the inspector tab when it is not Explain, and refuse an unknown one', () => {
    const state = { ...tls({ seed: '3' }, 4), tab: 'bytes' as const };
    expect(linkSearch(state)).toBe('?scenario=tls-full&seed=3&step=5&tab=bytes');
    expect(parseLink(linkSearch(state))).toEqual({ kind: 'ok', state });
    expect(linkSearch({ ...state, tab: 'explain' })).toBe('?scenario=tls-full&seed=3&step=5');
    const r = parseLink('?scenario=tls-full&tab=wires');
    expect(r).toEqual({
      kind: 'invalid',
      problem: { kind: 'badValue', param: 'tab', value: 'wires' },
    });
  });

  it('accepts suites as hex or decimal and DNS types in any case', () => {
    const r = parseLink('?scenario=tls-full&suite=49199');
    expect(r.kind === 'ok' && r.state.settings.kind === 'tls' && r.state.settings.suite).toBe(
      0xc02f,
    );
    const d = parseLink('?scenario=dns-cold&type=aaaa');
    expect(d.kind === 'ok' && d.state.settings.kind === 'dns' && d.state.settings.type).toBe(
      'AAAA',
    );
  });

  it('a page without link parameters is not a link', () => {
    expect(parseLink('')).toEqual({ kind: 'none' });
    expect(parseLink('?speed=2&theme=dark')).toEqual({ kind: 'none' });
  });

  it('names the first problem of a malformed link', () => {
    expect(parseLink('?scenario=nope')).toEqual({
      kind: 'invalid',
      problem: { kind: 'unknownScenario', id: 'nope' },
    });
    const bad = (q: string, param: string, value: string) =>
      expect(parseLink(q)).toEqual({
        kind: 'invalid',
        problem: { kind: 'badValue', param, value },
      });
    bad('?scenario=tls-full&step=0', 'step', '0');
    bad('?scenario=tls-full&step=two', 'step', 'two');
    bad('?scenario=tls-full&suite=0x1301', 'suite', '0x1301');
    bad('?scenario=tls-full&host=bad host', 'host', 'bad host');
    bad('?scenario=tls-full&seed=', 'seed', '');
    bad('?scenario=dns-cold&type=SRV', 'type', 'SRV');
    // A parameter the scenario does not have: a DNS name on a TLS scenario.
    bad('?scenario=tls-full&name=www.example.com', 'name', 'www.example.com');
  });

  it('withLink keeps the page’s other parameters and replaces the link’s', () => {
    expect(withLink('http://h/app/?speed=2&seed=1&step=3#x', tls({ seed: '8' }, 4))).toBe(
      'http://h/app/?scenario=tls-full&seed=8&step=5&speed=2',
    );
  });
});

const LABS = [...LAB_SCENARIOS, ...DNS_LAB_SCENARIOS, journeyScenario] as unknown as {
  id: string;
  presets: { id: string; settings: unknown }[];
}[];

const lab = (id: string, patch: Partial<LabSettings> = {}, step = 0): LinkState => ({
  scenarioId: id,
  settings: { ...(structuredClone(scenarioById(id)!.settings) as LabSettings), ...patch },
  step,
});

const settingsOf = (id: string, n: number) =>
  structuredClone(LABS.find((s) => s.id === id)!.presets[n]!.settings) as Record<string, unknown>;

const problem = (search: string) => {
  const r = parseLink(search);
  return r.kind === 'invalid' ? r.problem : r;
};

describe('links to lab scenarios', () => {
  it.each(LABS.flatMap((s) => s.presets.map((p, i) => [s.id, p.id, i] as const)))(
    '%s / %s: the preset and its settings, edited or not, round-trip',
    (id, presetId, i) => {
      const params = settingsOf(id, i);
      for (const state of [
        lab(id, { seed: '907', preset: presetId }, 4),
        lab(id, { seed: '908', preset: presetId, params }, 9),
      ])
        expect(parseLink(linkSearch(state))).toEqual({ kind: 'ok', state });
    },
  );

  it('carry a reordered negotiation list and a tamper byte as the editors left them', () => {
    const negotiation = settingsOf('lab-tls-negotiation', 0);
    const client = negotiation['client'] as { cipherSuites: number[] };
    client.cipherSuites = [...client.cipherSuites].reverse();
    const state = lab('lab-tls-negotiation', { params: negotiation }, 2);
    const search = linkSearch(state);
    expect(new URLSearchParams(search).get('params')).toBe(JSON.stringify(negotiation));
    expect(parseLink(search)).toEqual({ kind: 'ok', state });

    const tamper = { record: 3, offset: 131, mask: 255, extendedMasterSecret: false };
    expect(parseLink(linkSearch(lab('lab-tls-tamper', { params: tamper }, 11)))).toEqual({
      kind: 'ok',
      state: lab('lab-tls-tamper', { params: tamper }, 11),
    });
  });

  it('a preset the scenario does not have, or settings it cannot take, name the problem', () => {
    expect(problem('?scenario=lab-tls-ems&preset=nope')).toEqual({
      kind: 'badValue',
      param: 'preset',
      value: 'nope',
    });
    const q = (params: string) =>
      `?scenario=lab-tls-tamper&${new URLSearchParams({ params }).toString()}`;
    expect(problem(q('{"record":0,"offset":1e400,"mask":1,"extendedMasterSecret":true}'))).toEqual({
      kind: 'badSetting',
      field: 'params.offset',
      why: 'expected a whole number from 0 to 18436',
    });
    expect(
      problem(q('{"record":"0","offset":1,"mask":1,"extendedMasterSecret":true}')),
    ).toMatchObject({ kind: 'badSetting', field: 'params.record' });
    expect(problem(q('[1,2,3]'))).toMatchObject({ kind: 'badSetting', field: 'params' });
    expect(problem(q('{"record":0'))).toEqual({
      kind: 'badSetting',
      field: 'params',
      why: 'not JSON',
    });
    expect(problem(q('"<script>alert(1)</script>"'))).toMatchObject({
      kind: 'badSetting',
      field: 'params',
    });
    // Lab settings on a scenario that has none, and the other way round.
    expect(problem('?scenario=tls-full&params=%7B%7D')).toMatchObject({ param: 'params' });
    expect(problem('?scenario=lab-tls-ems&suite=0xc02f')).toMatchObject({ param: 'suite' });
  });

  it('lab settings that could not be checked are refused, and only such links need the check', () => {
    const search = linkSearch(
      lab('lab-tls-tamper', { params: settingsOf('lab-tls-tamper', 0) }, 1),
    );
    expect(linkHasLabSettings(search)).toBe(true);
    expect(parse(search)).toEqual({
      kind: 'invalid',
      problem: { kind: 'badSetting', field: 'params', why: 'unchecked' },
    });
    const preset = linkSearch(lab('lab-tls-tamper', {}, 1));
    expect(linkHasLabSettings(preset)).toBe(false);
    expect(parse(preset)).toEqual(parseLink(preset));
  });

  it('are bounded: too long, not UTF-8, or a parameter twice is refused before anything else', () => {
    const long = `?scenario=tls-full&seed=${'9'.repeat(MAX_LINK_CHARS)}`;
    expect(problem(long)).toEqual({ kind: 'tooLong', length: long.length, max: MAX_LINK_CHARS });
    expect(problem('?scenario=tls-full&seed=%C3%28')).toEqual({ kind: 'notUtf8', param: 'seed' });
    expect(problem('?scenario=tls-full&host=%FF')).toEqual({ kind: 'notUtf8', param: 'host' });
    expect(problem('?scenario=%E0%A4%A')).toEqual({ kind: 'notUtf8', param: 'scenario' });
    expect(problem('?scenario=tls-full&seed=1&seed=2')).toEqual({
      kind: 'repeated',
      param: 'seed',
    });
    // Correct UTF-8 is not refused as such: here it is only an unknown scenario.
    expect(problem('?scenario=%E2%9C%93')).toEqual({ kind: 'unknownScenario', id: '✓' });
    expect(problem('?scenario=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).toEqual({
      kind: 'unknownScenario',
      id: '<script>alert(1)</script>',
    });
    expect(problem('?scenario=tls-full&step=99999999999999999999')).toMatchObject({
      param: 'step',
    });
  });

  it('a zone file too big for a link is left out, and both ends are told', () => {
    const zone = settingsOf('lab-dns-zone-edit', 0);
    const small = lab('lab-dns-zone-edit', { params: zone }, 1);
    expect(linkSearch(small).length).toBeLessThan(MAX_LINK_CHARS);
    expect(linkOmitsParams(linkSearch(small))).toBe(false);

    const comments = Array.from({ length: 1_000 }, (_, i) => `; note ${i}`).join('\n');
    const big = { ...zone, text: `${zone['text'] as string}\n${comments}` };
    const state = lab('lab-dns-zone-edit', { seed: '5', params: big }, 1);
    const search = linkSearch(state);
    expect(search.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    expect(linkOmitsParams(search)).toBe(true);
    expect(new URLSearchParams(search).has('params')).toBe(false);
    const preset: LabSettings = { ...(state.settings as LabSettings) };
    delete preset.params;
    expect(parseLink(search)).toEqual({
      kind: 'ok',
      state: { ...state, settings: preset, paramsOmitted: true },
    });
    // The marker means only that; it never comes with settings, nor on other scenarios.
    expect(problem(`${search}&params=${encodeURIComponent(JSON.stringify(zone))}`)).toMatchObject({
      param: 'omitted',
    });
    expect(problem('?scenario=tls-full&omitted=params')).toMatchObject({ param: 'omitted' });
    expect(problem('?scenario=lab-tls-ems&omitted=zone')).toMatchObject({ param: 'omitted' });
  });
});

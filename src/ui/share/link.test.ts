import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../engine/scenarios/catalog';
import { linkSearch, parseLink, withLink, type LinkState } from './link';

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

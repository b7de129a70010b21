import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { runDnsLookup } from '../dns';
import { scenarioById } from './catalog';
import { runTlsExchange } from './tls-run';
import {
  parseTraceJson,
  realTraceFile,
  traceToJson,
  TRACE_VERSION,
  type TraceFile,
} from './trace-json';

async function tlsFile(): Promise<TraceFile> {
  const { trace } = await runTlsExchange({ seed: '1' });
  return {
    scenarioId: 'tls-full',
    settings: structuredClone(scenarioById('tls-full')!.settings),
    trace,
    phases: [],
  };
}

describe('trace JSON', () => {
  it('round-trips a TLS trace exactly, bytes, spans and decrypted views included', async () => {
    const file = await tlsFile();
    const parsed = parseTraceJson(traceToJson(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file).toEqual(file);
    const hello = parsed.file.trace.events.find((e) => e.kind === 'message')!;
    expect(hello.kind === 'message' && hello.bytes).toBeInstanceOf(Uint8Array);
  });

  it('round-trips a DNS trace with its phases', async () => {
    const { trace } = await runDnsLookup({ seed: '3', name: 'www.example.com', type: 'A' });
    const file: TraceFile = {
      scenarioId: 'dns-cold',
      settings: structuredClone(scenarioById('dns-cold')!.settings),
      trace,
      phases: [{ eventIndex: 0, kind: 'lookup', n: 1 }],
    };
    const parsed = parseTraceJson(traceToJson(file));
    expect(parsed).toEqual({ ok: true, file });
  });

  it('round-trips a real run’s trace, labeled with its target, in the TLS or DNS views', async () => {
    const { trace } = await runTlsExchange({ seed: '1' });
    const file = realTraceFile(
      { kind: 'tls', serverName: 'www.example.com' },
      'tls connect 127.0.0.1:8443',
      trace,
    );
    expect(file.scenarioId).toBe('tls-full');
    expect(parseTraceJson(traceToJson(file))).toEqual({ ok: true, file });
    const dns = await runDnsLookup({ seed: '3', name: 'www.example.com', type: 'AAAA' });
    const dnsFile = realTraceFile(
      { kind: 'dns', name: 'www.example.com', type: 'AAAA' },
      'dns resolve www.example.com AAAA --root 127.0.0.1:5300',
      dns.trace,
    );
    expect(dnsFile.scenarioId).toBe('dns-cold');
    expect(parseTraceJson(traceToJson(dnsFile))).toEqual({ ok: true, file: dnsFile });
    const withSource = (source: unknown) =>
      parseTraceJson(JSON.stringify({ ...JSON.parse(traceToJson(file)), source }));
    expect(withSource({ kind: 'dream', label: 'x' })).toMatchObject({
      problem: { detail: 'source.kind is not one of real' },
    });
    expect(withSource({ kind: 'real', label: 'a\nb' })).toMatchObject({
      problem: { detail: 'source.label is not one line of 1 to 300 characters' },
    });
  });

  it('writes its format and version first, and bytes as hex', async () => {
    const json = traceToJson(await tlsFile());
    const head = JSON.parse(json) as { format: string; version: number };
    expect(head.format).toBe('wirestep-trace');
    expect(head.version).toBe(TRACE_VERSION);
    expect(json).toContain('"$hex": "1603');
  });

  it('refuses what is not JSON, not a trace, of another version, or damaged, saying which', async () => {
    expect(parseTraceJson('GET / HTTP/1.1')).toEqual({ ok: false, problem: { kind: 'notJson' } });
    expect(parseTraceJson('{"hello": 1}')).toEqual({ ok: false, problem: { kind: 'wrongFormat' } });
    expect(parseTraceJson('{"format": "wirestep-trace", "version": 99}')).toEqual({
      ok: false,
      problem: { kind: 'wrongVersion', version: '99' },
    });
    const good = JSON.parse(traceToJson(await tlsFile())) as {
      trace: { events: Record<string, unknown>[] };
    };
    const m = good.trace.events.findIndex((e) => e['kind'] === 'message');
    const damage = (change: (g: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return parseTraceJson(JSON.stringify(copy));
    };
    expect(damage((g) => delete g.trace.events[m]!['from'])).toEqual({
      ok: false,
      problem: { kind: 'damaged', detail: `trace.events[${m}].from is not text` },
    });
    expect(damage((g) => (g.trace.events[m]!['bytes'] = { $hex: 'zz' }))).toMatchObject({
      ok: false,
      problem: { kind: 'damaged' },
    });
    expect(
      damage((g) => ((g.trace.events[m]!['spans'] as { length: number }[])[0]!.length = 9999)),
    ).toEqual({
      ok: false,
      problem: {
        kind: 'damaged',
        detail: `trace.events[${m}].spans[0] lies outside its 154 bytes`,
      },
    });
    expect(damage((g) => (g.trace.events = []))).toEqual({
      ok: false,
      problem: { kind: 'damaged', detail: 'the trace has no messages' },
    });
  });

  it('checks a lab trace’s settings as a link’s are checked, keeping good ones', async () => {
    const { trace } = await runTlsExchange({ seed: '1' });
    const params = { clientOffers: false, serverSupports: true };
    const file: TraceFile = {
      scenarioId: 'lab-tls-ems',
      settings: { kind: 'lab', lab: 'lab-tls-ems', seed: '1', preset: 'both', params },
      trace,
      phases: [],
    };
    expect(parseTraceJson(traceToJson(file))).toEqual({ ok: true, file });
    const bad = { ...file, settings: { ...file.settings, params: { clientOffers: 'no' } } };
    expect(parseTraceJson(traceToJson(bad as TraceFile))).toEqual({
      ok: false,
      problem: {
        kind: 'damaged',
        detail: 'settings.params.clientOffers: expected true or false',
      },
    });
  });

  it('refuses settings the page could not show or run, naming the field', async () => {
    const good = JSON.parse(traceToJson(await tlsFile())) as Record<string, unknown> & {
      settings: Record<string, unknown>;
    };
    const refused = (change: (g: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      const parsed = parseTraceJson(JSON.stringify(copy));
      return parsed.ok ? 'accepted' : parsed.problem.kind === 'damaged' && parsed.problem.detail;
    };
    expect(refused(() => undefined)).toBe('accepted');
    expect(refused((g) => (g['scenarioId'] = 'nope'))).toBe("scenarioId 'nope' is not a scenario");
    expect(refused((g) => (g.settings['kind'] = 'dns'))).toBe('settings.kind is not one of tls');
    expect(refused((g) => delete g.settings['serverName'])).toBe('settings.serverName: missing');
    expect(refused((g) => (g.settings['suite'] = '49199'))).toBe(
      'settings.suite: expected one of all, 49199, 49200, 52392, 49195',
    );
    expect(refused((g) => (g.settings['requestClientCertificate'] = true))).toBe('accepted');
    expect(refused((g) => (g.settings['requestClientCertificate'] = 'yes'))).toBe(
      'settings.requestClientCertificate: expected true or false',
    );
    expect(refused((g) => (g.settings['connections'] = 1e9))).toBe(
      'settings.connections: A run makes 1 to 20 connections, not 1000000000',
    );
    expect(refused((g) => (g.settings['serverName'] = '<img src=x onerror=alert(1)>'))).toBe(
      'settings.serverName: Character 1 is “<”: a server name is letters, digits, hyphens and dots (RFC 6066 §3)',
    );
    expect(refused((g) => (g.settings['seed'] = 'x'.repeat(65)))).toBe(
      'settings.seed: The seed is 65 characters long; the limit is 64',
    );
  });

  it('refuses lab settings of the wrong shape, or of a lab or preset it does not have', async () => {
    const { trace } = await runTlsExchange({ seed: '1' });
    const lab = (settings: Record<string, unknown>) =>
      parseTraceJson(
        traceToJson({
          scenarioId: 'lab-dns-gslb-failover',
          settings: settings as never,
          trace,
          phases: [],
        }),
      );
    const base: Record<string, unknown> = {
      ...structuredClone(scenarioById('lab-dns-gslb-failover')!.settings),
    };
    expect(lab(base)).toMatchObject({ ok: true });
    expect(lab({ ...base, lab: 'lab-tls-mitm' })).toMatchObject({
      problem: { detail: 'settings.lab is not one of lab-dns-gslb-failover' },
    });
    expect(lab({ ...base, preset: 'no-such-preset' })).toMatchObject({
      problem: { detail: expect.stringMatching(/^settings.preset is not one of ttl-60/) },
    });
    expect(lab({ ...base, params: { ttl: 'soon' } })).toMatchObject({
      problem: { detail: 'settings.params.name: missing' },
    });
    const { DNS_LAB_SCENARIOS } = await import('./lab/dns');
    const gslb = DNS_LAB_SCENARIOS.find((x) => x.id === 'lab-dns-gslb-failover')!;
    const params = structuredClone(gslb.presets[0]!.settings) as {
      healthCheck: { intervalSeconds: number };
    };
    params.healthCheck.intervalSeconds = 0;
    expect(lab({ ...base, params })).toMatchObject({
      problem: {
        detail:
          'settings.params.healthCheck.intervalSeconds: expected a whole number from 1 to 600',
      },
    });
  });
});

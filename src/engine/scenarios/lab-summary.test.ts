import { describe, expect, it } from 'vitest';
import { LAB_SCENARIOS, labScenarioById } from './lab';
import { DNS_LAB_SCENARIOS } from './lab/dns';
import { journeyScenario } from './journey';
import { SCENARIOS } from './catalog';
import { labPhases, labStatus } from './lab-summary';

async function run(id: string, preset: string) {
  const lab = labScenarioById(id)!;
  const settings = lab.presets.find((p) => p.id === preset)!.settings;
  return (lab.run as (s: unknown, seed: string) => ReturnType<typeof lab.run>)(settings, '1');
}

describe('labStatus', () => {
  it('names the suite when the negotiation succeeds, and the alert and its sender when not', async () => {
    const ok = await run('lab-tls-negotiation', 'server-order');
    expect(labStatus('lab-tls-negotiation', ok.outcome)).toEqual({
      ok: true,
      summary: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 · x25519 · rsa_pkcs1_sha256',
    });
    const failed = await run('lab-tls-negotiation', 'no-overlap');
    const status = labStatus('lab-tls-negotiation', failed.outcome);
    expect(status.ok).toBe(false);
    expect(status.error).toMatch(/^handshake_failure \(Server → Client\): /);
  });

  it('reports an expired certificate as the client’s certificate_expired', async () => {
    const { outcome } = await run('lab-tls-certificates', 'expired');
    expect(labStatus('lab-tls-certificates', outcome).error).toMatch(
      /^certificate_expired \(Client → Server\): /,
    );
  });
});

describe('labPhases', () => {
  it('separates the two connections of a resumption where the second begins', async () => {
    const { trace, outcome } = await run('lab-tls-resumption', 'by-ticket');
    const phases = labPhases('lab-tls-resumption', trace, outcome);
    expect(phases.map((p) => [p.kind, p.n])).toEqual([
      ['connection', 1],
      ['connection', 2],
    ]);
    // The second connection's first message is its ClientHello, and the first connection had one.
    const names = (events: typeof trace.events) =>
      events.flatMap((e) => (e.kind === 'message' ? [e.name] : []));
    expect(names(trace.events.slice(phases[1]!.eventIndex))[0]).toBe('ClientHello');
    expect(
      names(trace.events.slice(0, phases[1]!.eventIndex)).filter((n) => n === 'ClientHello'),
    ).toHaveLength(1);
  });

  it('marks where each GSLB lookup begins: with the browser, at or after its time', async () => {
    const gslb = DNS_LAB_SCENARIOS.find((s) => s.id === 'lab-dns-gslb-failover')!;
    const { trace, outcome } = await gslb.run(gslb.settings as never, '1');
    const phases = labPhases(gslb.id, trace, outcome);
    expect(phases).toHaveLength((outcome as { lookups: unknown[] }).lookups.length);
    for (const p of phases) {
      const e = trace.events[p.eventIndex]!;
      expect(e.kind === 'message' ? e.from : e.kind === 'cache' ? e.lane : '').toBe('Browser');
    }
  });

  it('separates the two visits of the journey', async () => {
    const { trace, outcome } = await journeyScenario.run(journeyScenario.settings, '1');
    expect(labPhases(journeyScenario.id, trace, outcome).map((p) => p.kind)).toEqual([
      'visit',
      'visit',
    ]);
  });
});

describe('the catalog', () => {
  it('lists every lab scenario in the picker, in its group, opening on its first preset', () => {
    const all = [...LAB_SCENARIOS, ...DNS_LAB_SCENARIOS, journeyScenario];
    for (const lab of all) {
      const entry = SCENARIOS.find((s) => s.id === lab.id);
      expect(entry, lab.id).toBeDefined();
      expect(entry!.settings).toEqual({
        kind: 'lab',
        lab: lab.id,
        seed: '1',
        preset: lab.presets[0]!.id,
      });
      expect(entry!.title).toBe(lab.title);
    }
  });
});

/**
 * GSLB failover: the health checker's probes on the virtual clock, the authoritative answer that
 * flips after `failureThreshold` failed probes, and caches that keep the old answer for its TTL.
 */
import { describe, expect, it } from 'vitest';
import { Lane } from '../../../src/engine/dns/lanes';
import {
  HEALTH_CHECKER_LANE,
  HealthCheckConfigError,
  HealthChecker,
  INITIAL_RTO_MS,
  PRIMARY_LANE,
  TCP_CHECK_TIMEOUT_MS,
  gslbScenario,
  listener,
  runGslb,
  type GslbSettings,
} from '../../../src/engine/scenarios/lab/dns';
import { DEFAULT_LINK_LATENCY_MS, SimNetwork } from '../../../src/engine/sim/network';
import { SeededRng } from '../../../src/engine/sim/rng';
import type { MessageEvent, StateEvent } from '../../../src/engine/trace';

const preset = (id: string): GslbSettings =>
  gslbScenario.presets.find((p) => p.id === id)!.settings;

/**
 * When the health check gives up on the primary: the first probe after the stop fails, and so do
 * the next ones; the last of `threshold` failures is known when its ten seconds run out.
 */
function expectedUnhealthyAt(s: GslbSettings): number {
  const interval = s.healthCheck.intervalSeconds;
  const firstFailed = Math.ceil(s.stopPrimaryAtSeconds / interval) * interval;
  return (
    firstFailed + (s.healthCheck.failureThreshold - 1) * interval + TCP_CHECK_TIMEOUT_MS / 1000
  );
}

describe('GSLB failover', () => {
  it('probes pass while the primary runs and fail once it is stopped', async () => {
    const settings = preset('ttl-60');
    const { outcome } = await runGslb(settings, 1);
    expect(outcome.probes.length).toBeGreaterThan(4);
    for (const probe of outcome.probes)
      expect(probe.ok).toBe(probe.atSeconds < settings.stopPrimaryAtSeconds);
    expect(outcome.unhealthyAtSeconds).toBe(expectedUnhealthyAt(settings));
  });

  it('the authoritative answer flips to the secondary once the check has failed', async () => {
    const settings = preset('ttl-60');
    const { outcome } = await runGslb(settings, 1);
    for (const l of outcome.lookups)
      expect(l.authoritativeAnswer).toBe(
        l.atSeconds < outcome.unhealthyAtSeconds! ? settings.primary : settings.secondary,
      );
    expect(outcome.authoritativeSwitchedAtSeconds).toBe(210);
  });

  it('caches keep the old address until its TTL runs out, so the browser switches later', async () => {
    const settings = preset('ttl-60');
    const { outcome } = await runGslb(settings, 1);
    const at = (s: number) => outcome.lookups.find((l) => l.atSeconds === s)!;
    // Before the stop: the primary, and the page loads.
    expect(at(90)).toMatchObject({ browserGot: settings.primary, pageLoads: true });
    // Stopped, not yet detected: the authoritative servers still give the primary.
    expect(at(180)).toMatchObject({
      authoritativeAnswer: settings.primary,
      browserGot: settings.primary,
      pageLoads: false,
    });
    // Detected: the authoritative servers give the secondary, the browser still has the primary.
    expect(at(210)).toMatchObject({
      authoritativeAnswer: settings.secondary,
      browserGot: settings.primary,
      answeredBy: 'Browser',
      pageLoads: false,
    });
    expect(outcome.browserSwitchedAtSeconds).toBe(270);
    expect(at(270)).toMatchObject({
      browserGot: settings.secondary,
      answeredBy: 'Authoritative servers',
      ttl: settings.ttl,
      pageLoads: true,
    });
  });

  it('failover time depends on the TTL, and on how fast the checks notice', async () => {
    const ttl60 = (await runGslb(preset('ttl-60'), 1)).outcome;
    const ttl300 = (await runGslb(preset('ttl-300'), 1)).outcome;
    const fast = (await runGslb(preset('fast-checks'), 1)).outcome;
    // The same detection, a longer TTL: the browser is sent to the dead server for longer.
    expect(ttl300.unhealthyAtSeconds).toBe(ttl60.unhealthyAtSeconds);
    expect(ttl300.authoritativeSwitchedAtSeconds).toBe(ttl60.authoritativeSwitchedAtSeconds);
    expect(ttl300.browserSwitchedAtSeconds).toBe(360);
    expect(ttl300.browserSwitchedAtSeconds!).toBeGreaterThan(ttl60.browserSwitchedAtSeconds!);
    // The same TTL, faster checks: detected sooner, switched sooner.
    expect(fast.unhealthyAtSeconds).toBe(expectedUnhealthyAt(preset('fast-checks')));
    expect(fast.browserSwitchedAtSeconds!).toBeLessThan(ttl60.browserSwitchedAtSeconds!);
  });

  it('draws the probes on the Health checker lane, SYN retransmissions included', async () => {
    const settings = preset('ttl-60');
    const { trace } = await runGslb(settings, 1);
    expect(trace.lanes).toEqual([...Object.values(Lane), HEALTH_CHECKER_LANE, PRIMARY_LANE]);
    const probes = trace.events.filter(
      (e): e is MessageEvent => e.kind === 'message' && e.protocol === 'tcp',
    );
    const start = trace.events[0]!.t;
    // A passing probe: SYN, SYN-ACK, ACK, RST.
    expect(probes.filter((p) => p.t - start < 1000).map((p) => `${p.from}: ${p.name}`)).toEqual([
      `${HEALTH_CHECKER_LANE}: SYN`,
      `${PRIMARY_LANE}: SYN-ACK`,
      `${HEALTH_CHECKER_LANE}: ACK`,
      `${HEALTH_CHECKER_LANE}: RST`,
    ]);
    // The first failing probe (120 s): its SYN is lost and sent again after 1, 2 and 4 s.
    const failing = probes.filter((p) => p.t - start >= 120_000 && p.t - start < 130_000);
    expect(failing.map((p) => [p.name, p.dropped, p.t - start])).toEqual([
      ['SYN', true, 120_000],
      ['SYN', true, 120_000 + INITIAL_RTO_MS],
      ['SYN', true, 120_000 + 3 * INITIAL_RTO_MS],
      ['SYN', true, 120_000 + 7 * INITIAL_RTO_MS],
    ]);
    const flip = trace.events.find((e): e is StateEvent => e.kind === 'state');
    expect(flip).toMatchObject({ lane: HEALTH_CHECKER_LANE, from: 'Healthy', to: 'Unhealthy' });
    expect(flip!.t - start).toBe(expectedUnhealthyAt(settings) * 1000);
    const failover = trace.events.find(
      (e) => e.kind === 'note' && e.key === 'lab.dns.note.failover',
    );
    expect(failover).toMatchObject({ lane: Lane.authoritative, t: flip!.t });
    // One virtual clock: the health checker's events and the lookups' are woven in time order.
    for (let i = 1; i < trace.events.length; i++)
      expect(trace.events[i]!.t).toBeGreaterThanOrEqual(trace.events[i - 1]!.t);
  });
});

describe('the health checker', () => {
  const target = { ip: '203.0.113.50', port: 443 };
  const checkerOver = (runningAt: (t: number) => boolean, failureThreshold = 2) => {
    const network = new SimNetwork();
    const rng = new SeededRng('checker');
    network.attach(target.ip, listener(target, rng, runningAt));
    return new HealthChecker(
      {
        checker: '192.0.2.240',
        target,
        targetLane: PRIMARY_LANE,
        intervalSeconds: 10,
        failureThreshold,
      },
      network,
      rng,
    );
  };

  it('marks the endpoint healthy again after as many passing checks in a row', async () => {
    // Down from 15 s to 55 s: the checks at 20, 30 and 40 s fail. The one at 50 s passes: its
    // SYN is lost at 50, 51 and 53 s, and the one sent again at 57 s is answered.
    const checker = checkerOver((t) => t < 15_000 || t >= 55_000);
    await checker.run(0, 70_000);
    expect(checker.probes.map((p) => p.ok)).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
    const roundTrip = 2 * DEFAULT_LINK_LATENCY_MS;
    expect(checker.probes[5]!.decidedAt).toBe(50_000 + 7 * INITIAL_RTO_MS + roundTrip);
    expect(checker.transitions).toEqual([
      { at: 30_000 + TCP_CHECK_TIMEOUT_MS, healthy: false },
      { at: 60_000 + roundTrip, healthy: true },
    ]);
    expect(checker.healthyAt(39_999)).toBe(true);
    expect(checker.healthyAt(40_000)).toBe(false);
    expect(checker.healthyAt(60_000 + roundTrip)).toBe(true);
  });

  it('one failed check is not enough with a threshold of two', async () => {
    const checker = checkerOver((t) => t < 15_000 || t >= 30_000);
    await checker.run(0, 40_000);
    expect(checker.probes.map((p) => p.ok)).toEqual([true, true, false, true, true]);
    expect(checker.transitions).toEqual([]);
  });

  it('rejects a threshold below one', () => {
    expect(() => checkerOver(() => true, 0)).toThrow(HealthCheckConfigError);
  });
});

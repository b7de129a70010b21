/**
 * A TCP health checker in the manner of Route 53's: every interval it opens a TCP connection to
 * the endpoint; a connection that is not up within ten seconds is a failed check, and after
 * `failureThreshold` failed checks in a row the endpoint is unhealthy (as many passed checks in a
 * row make it healthy again). Route 53 documents the ten seconds for TCP checks, intervals of 10
 * or 30 seconds and a threshold of 1 to 10 (default 3), in "How Amazon Route 53 determines whether
 * a health check is healthy". Route 53 runs checkers in many regions and needs more than 18% of
 * them to agree; here one checker stands for them all.
 *
 * The probes are real segments on the simulated network: SYN, SYN-ACK, the ACK that completes the
 * handshake, then a RST to abort the connection at once (RFC 9293, Section 3.10.5, ABORT), so no
 * connection is left open. An unanswered SYN is sent again after the retransmission timeout, 1 s
 * and doubling (RFC 6298, (2.1) and (5.5)), until the ten seconds are up.
 */
import { Reader } from '../../../../bytes';
import type { Handler, SimNetwork } from '../../../../sim/network';
import { TcpFlags, encodeTcp, type Endpoint } from '../../../../sim/packets';
import { randomBelow, type Rng } from '../../../../sim/rng';
import type { TraceEvent } from '../../../../trace';
import { controlSegmentEvent, tcpSegmentEvent } from '../../../journey/tcp-segment';

export const HEALTH_CHECKER_LANE = 'Health checker';

/** Route 53: a TCP health check passes if the connection is up within ten seconds. */
export const TCP_CHECK_TIMEOUT_MS = 10_000;
/** Route 53's two request intervals, in seconds. */
export const HEALTH_CHECK_INTERVALS = [10, 30] as const;
/** Route 53's FailureThreshold: 1 to 10, 3 by default. */
export const DEFAULT_FAILURE_THRESHOLD = 3;
/** RFC 6298, (2.1): the retransmission timeout before any round trip was measured. */
export const INITIAL_RTO_MS = 1_000;

/** The first port of the dynamic range a client picks its own port from (RFC 6335, Section 6). */
const EPHEMERAL_PORT_FIRST = 49152;
const EPHEMERAL_PORT_COUNT = 65536 - EPHEMERAL_PORT_FIRST;

export interface HealthCheckConfig {
  checker: string;
  target: Endpoint;
  /** The lane of the endpoint on the diagram. */
  targetLane: string;
  intervalSeconds: number;
  failureThreshold: number;
}

export interface ProbeResult {
  /** When the probe started (ms, virtual). */
  at: number;
  /** When its verdict was known: the SYN-ACK's arrival, or the ten seconds running out. */
  decidedAt: number;
  ok: boolean;
}

export interface HealthTransition {
  at: number;
  healthy: boolean;
}

export class HealthCheckConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HealthCheckConfigError';
  }
}

export class HealthChecker {
  readonly probes: ProbeResult[] = [];
  /** Route 53 treats a new health check as healthy until it has data to say otherwise. */
  readonly transitions: HealthTransition[] = [];
  readonly events: TraceEvent[] = [];

  constructor(
    private readonly config: HealthCheckConfig,
    private readonly network: SimNetwork,
    private readonly rng: Rng,
  ) {
    if (!(config.intervalSeconds > 0))
      throw new HealthCheckConfigError(`interval must be > 0 s, got ${config.intervalSeconds}`);
    if (!Number.isInteger(config.failureThreshold) || config.failureThreshold < 1)
      throw new HealthCheckConfigError(
        `failureThreshold must be a whole number ≥ 1, got ${config.failureThreshold}`,
      );
  }

  /** Probes every interval from `from` while the probe start is not after `until`. */
  async run(from: number, until: number): Promise<void> {
    let healthy = true;
    // Checks in a row that disagree with the current status; `failureThreshold` of them flip it.
    let disagreeing = 0;
    let failuresInRow = 0;
    for (let at = from; at <= until; at += this.config.intervalSeconds * 1000) {
      const probe = await this.probe(at);
      this.probes.push(probe);
      failuresInRow = probe.ok ? 0 : failuresInRow + 1;
      if (!probe.ok) {
        this.events.push({
          kind: 'note',
          t: probe.decidedAt,
          lane: HEALTH_CHECKER_LANE,
          key: 'lab.dns.note.probe_failed',
          params: {
            target: this.config.target.ip,
            seconds: TCP_CHECK_TIMEOUT_MS / 1000,
            failures: failuresInRow,
            threshold: this.config.failureThreshold,
          },
        });
      }
      disagreeing = probe.ok === healthy ? 0 : disagreeing + 1;
      if (disagreeing >= this.config.failureThreshold) {
        healthy = !healthy;
        disagreeing = 0;
        this.flip(probe.decidedAt, healthy);
      }
    }
  }

  healthyAt(t: number): boolean {
    let healthy = true;
    for (const change of this.transitions) if (change.at <= t) healthy = change.healthy;
    return healthy;
  }

  private flip(at: number, healthy: boolean): void {
    this.transitions.push({ at, healthy });
    this.events.push({
      kind: 'state',
      t: at,
      lane: HEALTH_CHECKER_LANE,
      machine: 'health check',
      from: healthy ? 'Unhealthy' : 'Healthy',
      to: healthy ? 'Healthy' : 'Unhealthy',
    });
  }

  /** One TCP connection attempt, with SYN retransmissions, within the ten seconds. */
  private async probe(at: number): Promise<ProbeResult> {
    const src = {
      ip: this.config.checker,
      port: EPHEMERAL_PORT_FIRST + randomBelow(this.rng, EPHEMERAL_PORT_COUNT),
    };
    const dst = this.config.target;
    const lanes = { from: HEALTH_CHECKER_LANE, to: this.config.targetLane };
    const back = { from: this.config.targetLane, to: HEALTH_CHECKER_LANE };
    const isn = this.rng.uint32();
    const deadline = at + TCP_CHECK_TIMEOUT_MS;
    const syn = { src, dst, seq: isn, ack: 0, flags: TcpFlags.SYN };
    const bytes = encodeTcp({ ...syn, payload: new Uint8Array(0) });
    for (let sentAt = at, rto = INITIAL_RTO_MS; sentAt < deadline; sentAt += rto, rto *= 2) {
      const wait = Math.min(rto, deadline - sentAt);
      const exchange = await this.network.exchange(src.ip, dst.ip, bytes, sentAt, wait);
      if (exchange.kind === 'lost') {
        this.events.push(controlSegmentEvent(sentAt, lanes, syn, true));
        continue;
      }
      this.events.push(controlSegmentEvent(sentAt, lanes, syn));
      this.events.push(
        tcpSegmentEvent({
          t: exchange.repliedAt,
          ...back,
          src: dst,
          dst: src,
          segment: exchange.bytes,
        }),
      );
      const synAck = readSynAck(exchange.bytes);
      const established = { src, dst, seq: (isn + 1) >>> 0, ack: (synAck.seq + 1) >>> 0 };
      this.events.push(
        controlSegmentEvent(exchange.arrivedAt, lanes, { ...established, flags: TcpFlags.ACK }),
      );
      // ABORT in ESTABLISHED: <SEQ=SND.NXT><CTL=RST> (RFC 9293, Section 3.10.5).
      this.events.push(
        controlSegmentEvent(exchange.arrivedAt, lanes, {
          ...established,
          ack: 0,
          flags: TcpFlags.RST,
        }),
      );
      return { at, decidedAt: exchange.arrivedAt, ok: true };
    }
    return { at, decidedAt: deadline, ok: false };
  }
}

/** The sequence and acknowledgment numbers of the endpoint's SYN-ACK. */
function readSynAck(segment: Uint8Array): { seq: number; ack: number } {
  const r = new Reader(segment);
  r.u16();
  r.u16();
  return { seq: r.u32(), ack: r.u32() };
}

/**
 * A web server's TCP listener on the simulated network: it answers a SYN with a SYN-ACK
 * (RFC 9293, Section 3.5) while it runs, and nothing at all once stopped (`runningAt` false), as a
 * machine that was switched off.
 */
export function listener(self: Endpoint, rng: Rng, runningAt: (t: number) => boolean): Handler {
  return (request, delivery) => {
    if (!runningAt(delivery.arrivedAt)) return undefined;
    const r = new Reader(request);
    const srcPort = r.u16();
    const dstPort = r.u16();
    const seq = r.u32();
    r.u32();
    r.u8();
    const flags = r.u8();
    if (dstPort !== self.port || (flags & TcpFlags.SYN) === 0) return undefined;
    return {
      bytes: encodeTcp({
        src: self,
        dst: { ip: delivery.from, port: srcPort },
        seq: rng.uint32(),
        ack: (seq + 1) >>> 0,
        flags: TcpFlags.SYN | TcpFlags.ACK,
        payload: new Uint8Array(0),
      }),
    };
  };
}

/**
 * Tampering in flight: one byte of one record is changed on the wire (tls-run's onWire hook), and
 * the run shows which side notices, on which message, and with which alert. Handshake bytes are
 * bound by the Finished MACs (RFC 5246, Section 7.4.9) and, for the server's ECDHE parameters, by
 * its signature (RFC 8422, Section 5.4); protected records by their AEAD tag (RFC 5246,
 * Section 6.2.3.3); a length that no longer fits fails to parse (decode_error) or leaves the
 * receiver waiting for bytes that never come.
 */
import type { Span } from '../../bytes/span';
import { DEMO_EPOCH_MS, VirtualClock } from '../../sim/clock';
import { SeededRng } from '../../sim/rng';
import { TraceRecorder, type MessageEvent, type TraceEvent } from '../../trace';
import { demoClientConfig, demoServerConfig } from '../tls-demo-config';
import { CLIENT_LANE, SERVER_LANE, runTlsExchange, type TlsRunResult } from '../tls-run';
import { defineLabScenario, type PresetId } from './define';
import { firstAlert } from './trace-facts';
import type { AlertOutcome, LabRun, LabScenario } from './types';

export interface TamperSettings {
  /** Which record of the flow, counting both directions from 0 (the ClientHello). */
  record: number;
  /** Which byte of it, from the first byte of the record header. */
  offset: number;
  /** The byte becomes byte XOR mask; 0x01 flips its lowest bit. */
  mask: number;
  /**
   * Whether the client offers the extended master secret (RFC 7627). With it, a changed
   * handshake byte also changes the keys, so a Finished fails to decrypt (bad_record_mac) rather
   * than failing to match (decrypt_error).
   */
  extendedMasterSecret: boolean;
}

export interface TamperOutcome {
  /** The client got its HTTP response and both sides closed cleanly: nobody noticed. */
  ok: boolean;
  /** The byte that changed; absent when the run never sent that record, or it is shorter. */
  tampered?: {
    record: number;
    /** The message's name, as the diagram shows it. */
    message: string;
    from: string;
    offset: number;
    /** The field the byte belongs to, outermost first, e.g. "TLSPlaintext › fragment › ClientHello › random". */
    field: string;
    before: number;
    after: number;
  };
  /** Where the change was noticed: by whom, on which message, and the alert it sent. */
  caught?: { by: string; exposedBy: string; record: number; alert?: AlertOutcome };
  /** Nobody noticed and the handshake did not finish: who was left waiting, and where. */
  stalled?: { lane: string; waitingIn: string }[];
  httpStatus?: string;
}

export type TamperScenario = LabScenario<'lab-tls-tamper', TamperSettings, TamperOutcome>;

const LANE = { client: CLIENT_LANE, server: SERVER_LANE } as const;

function checkSettings(settings: TamperSettings): void {
  if (!Number.isInteger(settings.record) || settings.record < 0)
    throw new RangeError(`tamper: record must be an integer >= 0, got ${settings.record}`);
  if (!Number.isInteger(settings.offset) || settings.offset < 0)
    throw new RangeError(`tamper: offset must be an integer >= 0, got ${settings.offset}`);
  if (!Number.isInteger(settings.mask) || settings.mask < 1 || settings.mask > 0xff)
    throw new RangeError(`tamper: mask must be an integer from 1 to 255, got ${settings.mask}`);
}

/** The names of the spans covering `offset`, outermost first. */
export function fieldPath(spans: readonly Span[], offset: number): string[] {
  const path: string[] = [];
  for (let level = spans; ;) {
    const span = level.find((s) => offset >= s.offset && offset < s.offset + s.length);
    if (!span) return path;
    path.push(span.name);
    level = span.children;
  }
}

/** The message event a sender recorded for a record: it holds the very bytes that went out. */
function messageFor(events: readonly TraceEvent[], bytes: Uint8Array): MessageEvent | undefined {
  return events.find((e): e is MessageEvent => e.kind === 'message' && e.bytes === bytes);
}

export async function runTamper(
  settings: TamperSettings,
  seed: number | string,
): Promise<LabRun<TamperOutcome>> {
  checkSettings(settings);
  const clock = new VirtualClock(DEMO_EPOCH_MS);
  const rng = new SeededRng(seed);
  const trace = new TraceRecorder([CLIENT_LANE, SERVER_LANE]);
  const client = demoClientConfig('www.example.com');
  client.offerExtendedMasterSecret = settings.extendedMasterSecret;
  const reuse = {
    client,
    server: demoServerConfig(rng),
    clock,
    rng,
    trace,
  };
  let tampered: TamperOutcome['tampered'];
  const run: TlsRunResult = await runTlsExchange({
    seed,
    reuse,
    onWire({ index, from, bytes }) {
      if (index !== settings.record || settings.offset >= bytes.length) return bytes;
      const message = messageFor(trace.events, bytes);
      const changed = bytes.slice();
      changed[settings.offset]! ^= settings.mask;
      tampered = {
        record: index,
        message: message?.name ?? 'record',
        from: LANE[from],
        offset: settings.offset,
        field: message ? fieldPath(message.spans, settings.offset).join(' › ') : '',
        before: bytes[settings.offset]!,
        after: changed[settings.offset]!,
      };
      trace.push({
        kind: 'note',
        t: clock.now(),
        lane: LANE[from],
        key: 'lab.tamper.changed_byte',
        params: {
          message: tampered.message,
          offset: tampered.offset,
          field: tampered.field,
          before: tampered.before,
          after: tampered.after,
        },
      });
      return changed;
    },
  });

  const events = trace.events;
  let caught: TamperOutcome['caught'];
  if (run.detectedAt) {
    const { side, record } = run.detectedAt;
    const alert = firstAlert(events);
    caught = {
      by: LANE[side],
      exposedBy: messageFor(events, run.flows[record]!.bytes)?.name ?? 'record',
      record,
      ...(alert ? { alert } : {}),
    };
  }
  const waiting = [
    { lane: CLIENT_LANE, conn: run.client },
    { lane: SERVER_LANE, conn: run.server },
  ].filter(({ conn }) => !conn.isClosed && !conn.isTraffic);
  return {
    trace: trace.toTrace(),
    outcome: {
      ok: run.ok,
      ...(tampered ? { tampered } : {}),
      ...(caught ? { caught } : {}),
      ...(!caught && waiting.length > 0
        ? { stalled: waiting.map(({ lane, conn }) => ({ lane, waitingIn: conn.stateName })) }
        : {}),
      ...(run.httpStatus ? { httpStatus: run.httpStatus } : {}),
    },
  };
}

/** One record of an untouched run, for the tamper editor to pick a byte from. */
export interface TamperTarget {
  record: number;
  from: string;
  message: string;
  bytes: Uint8Array;
  /** The record's fields, as offsets into `bytes`. */
  spans: Span[];
}

/** Every record of an untouched run with this seed: what the tamper editor lets you pick from. */
export async function tamperTargets(seed: number | string): Promise<TamperTarget[]> {
  const run = await runTlsExchange({ seed });
  return run.flows.map((flow, record) => {
    const message = messageFor(run.trace.events, flow.bytes);
    return {
      record,
      from: LANE[flow.from],
      message: message?.name ?? 'record',
      bytes: flow.bytes,
      spans: message?.spans ?? [],
    };
  });
}

/**
 * Textbook targets in the demo's full handshake (records: 0 ClientHello, 1 ServerHello,
 * 2 Certificate, 3 ServerKeyExchange, 4 ServerHelloDone, 5 ClientKeyExchange, 6 ChangeCipherSpec,
 * 7 Finished, 8 NewSessionTicket, 9 ChangeCipherSpec, 10 Finished, 11 GET, 12 200). Offsets count
 * from the 5-byte record header; test/lab/tamper.test.ts checks each lands in the field named.
 */
function tamperPresets(): Record<PresetId<'lab-tls-tamper'>, TamperSettings> {
  const flip = (record: number, offset: number, extendedMasterSecret = true): TamperSettings => ({
    record,
    offset,
    mask: 0x01,
    extendedMasterSecret,
  });
  return {
    'client-random': flip(0, 20),
    // The "e" of "example" in server_name: www.example.com becomes www.dxample.com.
    'client-hello-server-name': flip(0, 71),
    'client-hello-server-name-no-ems': flip(0, 71, false),
    'server-hello-extensions-length': flip(1, 80),
    'server-key-exchange-public-key': flip(3, 20),
    'server-key-exchange-signature': flip(3, 100),
    'client-key-exchange-public-key': flip(5, 20),
    'client-finished': flip(7, 20),
    'new-session-ticket': flip(8, 40),
    'http-request': flip(11, 50),
    'record-length': flip(0, 4),
  };
}

export const tamperScenario: TamperScenario = defineLabScenario(
  'lab-tls-tamper',
  tamperPresets(),
  runTamper,
);

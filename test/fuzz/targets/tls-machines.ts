/**
 * Fuzz targets for the TLS state machines. Each input is a recorded handshake's records, edited
 * (tls-edits.ts), then fed to a fresh client or server; or a whole in-memory exchange whose wire
 * edits records in flight (tls-run's onWire hook). The rules each run must keep:
 *
 * - it ends with a completed handshake, or with exactly one fatal alert, after which the side is
 *   closed and sends nothing more (a side left waiting times out with one alert of its own);
 * - every failure is typed (an untyped exception becomes an internal_error alert: a finding);
 * - a side that completes a handshake completed the real one (same master secret, same data);
 * - edits that TLS allows (re-fragmenting handshake records, TCP segmentation) change nothing.
 */
import fc from 'fast-check';
import { bytesEqual, concatBytes } from '../../../src/engine/bytes/hex';
import { buildGetRequest } from '../../../src/engine/http/http';
import { runTlsExchange, type WireRecord } from '../../../src/engine/scenarios/tls-run';
import { CipherSuite } from '../../../src/engine/tls/enums';
import type { AlertEvent, MessageEvent } from '../../../src/engine/trace';
import { applyMutations } from './mutate';
import { FuzzFinding, crash, hex, type FuzzTarget } from './target';
import { BENIGN_OPS, applyEdits, editArb, editField, injectedBytes, type Edit } from './tls-edits';
import {
  TLS13_VARIANTS,
  VARIANTS,
  recording,
  replay,
  sessionSecret,
  type HandshakeVariant,
  type Recording,
  type Side,
} from './tls-session';

export interface ReplayInput {
  variant: number;
  edits: Edit[];
  /** Cut points for the joined byte stream (TCP segmentation); null delivers record by record. */
  segments: number[] | null;
}

function recordings(variants: readonly HandshakeVariant[]): Promise<Recording[]> {
  return Promise.all(variants.map((v) => recording(v)));
}

function segment(records: readonly Uint8Array[], cuts: number[] | null): Uint8Array[] {
  if (cuts === null) return [...records];
  const stream = concatBytes(...records);
  const points = [...new Set(cuts.map((c) => Math.floor((c / 0x10000) * stream.length)))].sort(
    (a, b) => a - b,
  );
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, stream.length]) {
    if (p > from) out.push(stream.subarray(from, p));
    from = Math.max(from, p);
  }
  return out;
}

const replayArbOf = (variants: readonly HandshakeVariant[]): fc.Arbitrary<ReplayInput> =>
  fc.record({
    variant: fc.nat({ max: variants.length - 1 }),
    edits: fc.oneof(
      { weight: 1, arbitrary: fc.constant([] as Edit[]) },
      { weight: 12, arbitrary: fc.array(editArb, { minLength: 1, maxLength: 3 }) },
    ),
    segments: fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }) },
    ),
  });
const replayArb = replayArbOf(VARIANTS);

async function checkReplay(
  side: Side,
  input: ReplayInput,
  variants: readonly HandshakeVariant[] = VARIANTS,
): Promise<string> {
  const all = await recordings(variants);
  const rec = all[input.variant % all.length]!;
  const pools = all.flatMap((r) => [r.received.client, r.received.server]);
  const edited = applyEdits(rec.received[side], input.edits, pools);
  let outcome;
  try {
    outcome = await replay(rec, side, segment(edited, input.segments));
  } catch (e) {
    throw crash(`replaying to the ${side}`, e);
  }
  const benign = input.edits.every((e) => BENIGN_OPS.has(e.op));
  if (benign && outcome.end !== 'closed' && outcome.end !== 'completed')
    throw new FuzzFinding(
      'invariant',
      `the ${side} did not complete a handshake TLS allows (${outcome.end}${outcome.alert ? `, ${outcome.alert}` : ''})`,
    );
  return outcome.alert ? `${outcome.end}:${outcome.alert}` : outcome.end;
}

/** An input as JSON, byte arrays as hex. */
function showJson(input: unknown): string {
  return JSON.stringify(input, (_k, v: unknown) => (v instanceof Uint8Array ? hex(v) : v));
}

/** Records the client received in a real run, edited, fed to a fresh client. */
export function tlsClientTarget(): FuzzTarget<ReplayInput> {
  return {
    name: 'tls.client',
    description: 'a recorded server flight, edited, fed to a fresh client state machine',
    arbitrary: replayArb,
    check: (input) => checkReplay('client', input),
    share: 1 / 25,
    testRuns: 60,
    show: showJson,
  };
}

/**
 * The TLS 1.3 client (RFC 8446) alone: a full handshake, a HelloRetryRequest, a PSK resumption, a
 * CertificateRequest and a KeyUpdate it starts, each server flight edited and fed to a fresh
 * client. The mixed tls.client target reaches only the first of these paths.
 */
export function tls13ClientTarget(): FuzzTarget<ReplayInput> {
  return {
    name: 'tls13.client',
    description:
      'recorded TLS 1.3 server flights (HRR, PSK, KeyUpdate, …), edited, fed to a fresh client',
    arbitrary: replayArbOf(TLS13_VARIANTS),
    check: (input) => checkReplay('client', input, TLS13_VARIANTS),
    share: 1 / 25,
    testRuns: 60,
    show: showJson,
  };
}

/** Records the server received in a real run, edited, fed to a fresh server. */
export function tlsServerTarget(): FuzzTarget<ReplayInput> {
  return {
    name: 'tls.server',
    description: 'a recorded client flight, edited, fed to a fresh server state machine',
    arbitrary: replayArb,
    check: (input) => checkReplay('server', input),
    share: 1 / 25,
    testRuns: 60,
    show: showJson,
  };
}

// ---------------------------------------------------------------------------------------------
// Both sides live, records edited on the wire

export interface ExchangeInput {
  seed: number;
  suite: number;
  /** Edits keyed by the wire index of the record they apply to (0 is the ClientHello). */
  edits: { index: number; edit: Edit }[];
}

const EXCHANGE_SUITES = [
  CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
  CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
  CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
];

const exchangeArb: fc.Arbitrary<ExchangeInput> = fc.record({
  seed: fc.nat({ max: 1_000_000 }),
  suite: fc.nat({ max: EXCHANGE_SUITES.length - 1 }),
  edits: fc.array(fc.record({ index: fc.nat({ max: 14 }), edit: editArb }), {
    minLength: 1,
    maxLength: 2,
  }),
});

/** What the wire does to one record: the bytes that arrive instead (maybe none, maybe more). */
function onWire(edits: ExchangeInput['edits'], pool: Uint8Array[]): (r: WireRecord) => Uint8Array {
  return ({ index, bytes }) => {
    pool.push(bytes);
    let out = bytes;
    for (const { edit } of edits.filter((e) => e.index === index)) out = wireEdit(out, edit, pool);
    return out;
  };
}

function wireEdit(bytes: Uint8Array, edit: Edit, pool: Uint8Array[]): Uint8Array {
  switch (edit.op) {
    case 'drop':
    case 'cut':
      return new Uint8Array(0);
    case 'duplicate':
      return concatBytes(bytes, bytes);
    case 'bytes':
      return applyMutations(bytes, edit.mutations, pool);
    case 'field':
      return (
        editField(bytes, edit) ??
        applyMutations(bytes, [{ op: 'flip', at: edit.value & 0xffff, bit: edit.field & 7 }])
      );
    case 'insert':
      return concatBytes(injectedBytes(edit.record, [pool]), bytes);
    default:
      // Reordering needs records the wire has not seen yet; a replay of an earlier one stands in.
      return pool.length > 1 ? concatBytes(pool[edit.at % (pool.length - 1)]!, bytes) : bytes;
  }
}

async function checkExchange(input: ExchangeInput): Promise<string> {
  const pool: Uint8Array[] = [];
  let result;
  try {
    result = await runTlsExchange({
      seed: input.seed,
      client: (c) => {
        c.cipherSuites = [EXCHANGE_SUITES[input.suite % EXCHANGE_SUITES.length]!];
      },
      onWire: onWire(input.edits, pool),
    });
  } catch (e) {
    throw crash('runTlsExchange', e);
  }
  const { client, server, trace } = result;
  for (const [side, conn, lane] of [
    ['client', client, 'Client'],
    ['server', server, 'Server'],
  ] as const) {
    if (conn.failure?.fault === 'internal.error')
      throw new FuzzFinding(
        'crash',
        `the ${side} failed with an untyped error: ${conn.failure.params.detail}`,
      );
    const alerts = trace.events.filter(
      (e): e is AlertEvent => e.kind === 'alert' && e.from === lane,
    );
    if (alerts.length > 1)
      throw new FuzzFinding('invariant', `the ${side} sent ${alerts.length} fatal alerts`);
    if (alerts.length === 1) {
      const sent = trace.events.filter(
        (e): e is MessageEvent => e.kind === 'message' && e.from === lane,
      );
      if (!sent[sent.length - 1]?.name.startsWith('Alert'))
        throw new FuzzFinding(
          'invariant',
          `the ${side} sent ${sent[sent.length - 1]?.name} after its fatal alert`,
        );
    }
  }
  if (result.ok) {
    if (!bytesEqual(sessionSecret(client.negotiated)!, sessionSecret(server.negotiated)!))
      throw new FuzzFinding('invariant', 'both sides completed with different master secrets');
    const request = server.received[0];
    if (!request || !bytesEqual(request, buildGetRequest('www.example.com', '/')))
      throw new FuzzFinding('invariant', 'the server accepted a request the client never sent');
  }
  const first = trace.events.find((e): e is AlertEvent => e.kind === 'alert');
  return result.ok ? 'completed' : first ? `alert:${first.description}` : 'stalled';
}

/** A live exchange between the two machines with records edited in flight. */
export function tlsExchangeTarget(): FuzzTarget<ExchangeInput> {
  return {
    name: 'tls.exchange',
    description: 'a whole in-memory exchange (runTlsExchange) with records edited on the wire',
    arbitrary: exchangeArb,
    check: checkExchange,
    share: 1 / 100,
    testRuns: 25,
    show: showJson,
  };
}

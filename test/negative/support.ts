/**
 * What a negative case is, and the ways TLS cases drive the engine: a whole in-memory exchange
 * (runTlsExchange) with one side's configuration bent, or one side fed a recorded handshake whose
 * records were edited (test/fuzz/targets/tls-session.ts replays them exactly, so everything before
 * the edit is genuine).
 */
import { alertDescriptionName } from '../../src/engine/tls/enums';
import { concatBytes } from '../../src/engine/bytes/hex';
import { Reader } from '../../src/engine/bytes/reader';
import { runTlsExchange, type TlsRunOptions } from '../../src/engine/scenarios/tls-run';
import { ContentType } from '../../src/engine/tls/enums';
import {
  encodeHandshake,
  readHandshake,
  type HandshakeMessage,
} from '../../src/engine/tls/messages/handshake';
import type { ClientConfig } from '../../src/engine/tls/config';
import { encodeRecord, RECORD_HEADER_LENGTH } from '../../src/engine/tls/record';
import {
  TLS13_VARIANTS,
  VARIANTS,
  recording,
  replay,
  type Recording,
  type Side,
} from '../fuzz/targets/tls-session';
// These read TLS 1.3 without a connection, which would load its codecs first.
import '../../src/engine/tls/tls13/install';

/** What a case observed: compared whole with the expected value, so every field is asserted. */
export type Observed = Record<string, string | number | boolean | null | string[]>;

export interface NegativeCase {
  /** Stable id, e.g. "tls.server-hello-suite-not-offered". */
  id: string;
  protocol: 'tls' | 'dns';
  /** What is wrong, and the RFC that says what must happen. */
  title: string;
  expected: Observed;
  run(): Promise<Observed>;
}

/** The alert a side sent (by name) and which side: the shape most TLS cases expect. */
export function alertBy(side: Side, alert: string): Observed {
  return { alert, sentBy: side };
}

/** A whole exchange; the side that found the problem and the alert it sent. */
export async function exchange(options: Omit<TlsRunOptions, 'seed'>): Promise<Observed> {
  const result = await runTlsExchange({ seed: 'negative', ...options });
  const side = result.detectedAt?.side;
  if (!side) return { alert: null, sentBy: null, ok: result.ok };
  const closing = (side === 'client' ? result.client : result.server).closingAlert;
  return {
    alert: closing?.from === 'us' ? alertDescriptionName(closing.description) : null,
    sentBy: side,
  };
}

export function variant(id: string) {
  const found = [...VARIANTS, ...TLS13_VARIANTS].find((v) => v.id === id);
  if (!found) throw new Error(`no handshake variant ${id}`);
  return found;
}

/**
 * Feeds `side` of a recorded handshake the records its peer sent, edited by `edit`; observes the
 * alert it sent. `extra` adds fields for cases that look at more than the alert.
 */
export async function fed(
  side: Side,
  variantId: string,
  edit: (records: Uint8Array[], rec: Recording) => Uint8Array[] | Promise<Uint8Array[]>,
  extra?: (outcome: Awaited<ReturnType<typeof replay>>) => Observed,
): Promise<Observed> {
  const rec = await recording(variant(variantId));
  const records = await edit([...rec.received[side]], rec);
  const outcome = await replay(rec, side, records);
  return { alert: outcome.alert ?? null, sentBy: side, ...(extra ? extra(outcome) : {}) };
}

/**
 * Feeds the client the genuine server flight of a recorded handshake, but with the client's own
 * configuration changed: the server then answers an offer this client did not make, as a
 * misbehaving server would.
 */
export async function fedChangedClient(
  variantId: string,
  change: (client: ClientConfig) => void,
): Promise<Observed> {
  const rec = await recording(variant(variantId));
  const original = rec.variant;
  const changed: Recording = {
    ...rec,
    variant: {
      ...original,
      client: (c) => {
        original.client?.(c);
        change(c);
      },
    },
  };
  const outcome = await replay(changed, 'client', [...rec.received.client]);
  return { alert: outcome.alert ?? null, sentBy: 'client' };
}

/** The one handshake message in a plaintext record of a recording. */
export function messageOf(record: Uint8Array): HandshakeMessage {
  const r = new Reader(record, RECORD_HEADER_LENGTH);
  return readHandshake(r);
}

export function handshakeRecord(...messages: HandshakeMessage[]): Uint8Array {
  return encodeRecord({
    type: ContentType.handshake,
    version: 0x0303,
    fragment: concatBytes(...messages.map((m) => encodeHandshake(m).bytes)),
  }).bytes;
}

/** `records` with record `index` (a handshake message) replaced by `change(message)`. */
export function rewrite(
  records: Uint8Array[],
  index: number,
  change: (message: HandshakeMessage) => HandshakeMessage,
): Uint8Array[] {
  const out = [...records];
  out[index] = handshakeRecord(change(messageOf(records[index]!)));
  return out;
}

/** A record with any header and body, to say exactly what the wire carries. */
export function rawRecord(
  type: number,
  version: number,
  body: Uint8Array,
  length = body.length,
): Uint8Array {
  return concatBytes(
    Uint8Array.of(type, version >> 8, version & 0xff, length >> 8, length & 0xff),
    body,
  );
}

/** Index of the first record of `type` (ContentType) in a recorded stream. */
export function indexOfType(records: Uint8Array[], type: number): number {
  const at = records.findIndex((r) => r[0] === type);
  if (at < 0) throw new Error(`no record of type ${type}`);
  return at;
}

/** Index of the record holding handshake message `type` ('certificate', ...) in the plaintext part. */
export function indexOfMessage(records: Uint8Array[], type: HandshakeMessage['type']): number {
  const ccs = records.findIndex((r) => r[0] === ContentType.change_cipher_spec);
  const plain = ccs < 0 ? records : records.slice(0, ccs);
  const at = plain.findIndex((r) => r[0] === ContentType.handshake && messageOf(r).type === type);
  if (at < 0) throw new Error(`no ${type} in the recording`);
  return at;
}

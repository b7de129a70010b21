/**
 * One captured TCP connection read as TLS: each direction's reassembled stream cut into records
 * (RFC 5246, Section 6.2.1; RFC 8446, Section 5.1), one message per record, named as our own runs
 * name them, at the time its last byte arrived. With the session's secrets from a key log the
 * protected records are opened: TLS 1.2 from the master secret (CLIENT_RANDOM) through the PRF and
 * key block of our own key schedule, TLS 1.3 from the traffic secrets (RFC 8446, Section 7.3).
 */
import { DecodeError, phrase, type Span } from '../bytes';
import { AeadAuthError } from '../crypto/errors';
import type { MessageEvent, SecretEvent } from '../trace';
import { describeApplicationData } from '../tls/application-data';
import { decodeTlsRecords } from '../tls/decode';
import { alertDescriptionName, alertLevelName, ContentType } from '../tls/enums';
import { deriveKeys } from '../tls/key-schedule';
import { nameForType } from '../tls/messages/handshake';
import { BadRecordMac, RecordProtector } from '../tls/protection';
import { suiteParams } from '../tls/suites';
import { Tls13RecordProtection, nextTrafficSecret, tls13Suite } from '../tls/tls13/key-schedule';
import { keyLogSecret, type KeyLog } from './keylog';
import { arrivalOf, type TcpStream } from './tcp';

export type Side = 'client' | 'server';

export interface CapturedRecord {
  side: Side;
  start: number;
  type: number;
  version: number;
  bytes: Uint8Array;
  time: number;
}

export interface TlsRead {
  messages: MessageEvent[];
  secrets: SecretEvent[];
  /** Why records of a direction were not all read, as plain reasons. */
  problems: string[];
  version?: 'TLS 1.2' | 'TLS 1.3';
  suite?: number;
  /** 'none' when no key log line matched the session's client_random. */
  keys: 'none' | 'found';
}

/** The first bytes a TLS client sends: a handshake record of version 3.x holding a ClientHello. */
export function looksLikeTls(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && bytes[0] === 22 && bytes[1] === 3 && bytes[5] === 1;
}

function splitRecords(stream: TcpStream, side: Side, problems: string[]): CapturedRecord[] {
  const out: CapturedRecord[] = [];
  const b = stream.bytes;
  let at = 0;
  while (at + 5 <= b.length) {
    const type = b[at]!;
    const version = (b[at + 1]! << 8) | b[at + 2]!;
    const length = (b[at + 3]! << 8) | b[at + 4]!;
    if (type < 20 || type > 24 || b[at + 1] !== 3) {
      problems.push(`${side} stream: no TLS record header at stream byte ${at}`);
      return out;
    }
    if (at + 5 + length > b.length) break;
    out.push({
      side,
      start: at,
      type,
      version,
      bytes: b.subarray(at, at + 5 + length),
      time: arrivalOf(stream, at, at + 5 + length),
    });
    at += 5 + length;
  }
  if (at < b.length)
    problems.push(`${side} stream: the capture ends inside a record at stream byte ${at}`);
  if (stream.gapAt !== undefined)
    problems.push(`${side} stream: bytes missing from the capture at stream byte ${stream.gapAt}`);
  return out;
}

/** Handshake messages (RFC 5246, Section 7.4) that may straddle records, one direction's worth. */
class HandshakeReader {
  private pending = new Uint8Array(0);
  readonly messages: Uint8Array[] = [];

  /** Adds a fragment; returns the messages it completed. */
  push(fragment: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.pending.length + fragment.length);
    joined.set(this.pending);
    joined.set(fragment, this.pending.length);
    const done: Uint8Array[] = [];
    let at = 0;
    while (at + 4 <= joined.length) {
      const length = (joined[at + 1]! << 16) | (joined[at + 2]! << 8) | joined[at + 3]!;
      if (at + 4 + length > joined.length) break;
      done.push(joined.slice(at, at + 4 + length));
      at += 4 + length;
    }
    this.pending = joined.slice(at);
    this.messages.push(...done);
    return done;
  }

  /** The type of the message still waiting for its end, if any. */
  get waiting(): number | undefined {
    return this.pending.length > 0 ? this.pending[0] : undefined;
  }
}

/** RFC 8446, Section 4.1.3: the Random of a HelloRetryRequest, SHA-256("HelloRetryRequest"). */
const HRR_RANDOM_HEX = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';

function handshakeNames(messages: readonly Uint8Array[], waiting: number | undefined): string {
  const names = messages.map((m) => {
    if (m[0] === 2 && m.length >= 38) {
      const random = [...m.subarray(6, 38)].map((x) => x.toString(16).padStart(2, '0')).join('');
      if (random === HRR_RANDOM_HEX) return 'HelloRetryRequest';
    }
    return nameForType(m[0]!);
  });
  if (names.length === 0 && waiting !== undefined) return nameForType(waiting);
  return names.join(' + ') || 'Handshake';
}

interface Hello {
  random: Uint8Array;
  suite?: number;
  /** From supported_versions (RFC 8446, Section 4.2.1) when the ServerHello has it. */
  version?: number;
}

/** ClientHello/ServerHello: legacy_version(2) random(32) session_id<0..32> … (RFC 5246, 7.4.1.2). */
function readHello(message: Uint8Array): Hello | undefined {
  const body = message.subarray(4);
  if (body.length < 35) return undefined;
  const random = body.slice(2, 34);
  if (message[0] !== 2) return { random };
  let at = 35 + body[34]!;
  if (at + 3 > body.length) return { random };
  const suite = (body[at]! << 8) | body[at + 1]!;
  at += 3;
  let version: number | undefined;
  if (at + 2 <= body.length) {
    const end = Math.min(body.length, at + 2 + ((body[at]! << 8) | body[at + 1]!));
    at += 2;
    while (at + 4 <= end) {
      const type = (body[at]! << 8) | body[at + 1]!;
      const length = (body[at + 2]! << 8) | body[at + 3]!;
      // supported_versions in a ServerHello holds the one selected version.
      if (type === 43 && length === 2) version = (body[at + 4]! << 8) | body[at + 5]!;
      at += 4 + length;
    }
  }
  return { random, suite, ...(version !== undefined ? { version } : {}) };
}

function recordSpans(bytes: Uint8Array): Span[] {
  try {
    return decodeTlsRecords(bytes).spans;
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    return [
      {
        name: 'record',
        offset: 0,
        length: bytes.length,
        explain: 'tls.record',
        children: [
          {
            name: 'type',
            offset: 0,
            length: 1,
            value: bytes[0]!,
            explain: 'tls.record.type',
            children: [],
          },
          { name: 'version', offset: 1, length: 2, explain: 'tls.record.version', children: [] },
          {
            name: 'length',
            offset: 3,
            length: 2,
            value: bytes.length - 5,
            explain: 'tls.record.length',
            children: [],
          },
          {
            name: 'fragment',
            offset: 5,
            length: bytes.length - 5,
            explain: 'tls.record.fragment',
            children: [],
          },
        ],
      },
    ];
  }
}

function handshakeSpans(messages: readonly Uint8Array[]): Span[] {
  let at = 0;
  return messages.map((m) => {
    const span: Span = {
      name: nameForType(m[0]!),
      offset: at,
      length: m.length,
      value: phrase('bytes.count', { n: m.length - 4 }),
      children: [],
    };
    at += m.length;
    return span;
  });
}

function alertName(content: Uint8Array): string {
  return content.length >= 2 ? `Alert ${alertDescriptionName(content[1]!)}` : 'Alert';
}

interface Inner {
  name: string;
  spans: Span[];
}

/** Names what a record carries, once opened (or in the clear), by content type. */
function describeContent(type: number, content: Uint8Array, hs: HandshakeReader): Inner {
  if (type === ContentType.handshake) {
    const done = hs.push(content);
    return { name: handshakeNames(done, hs.waiting), spans: handshakeSpans(done) };
  }
  if (type === ContentType.application_data) return describeApplicationData(content);
  if (type === ContentType.alert)
    return {
      name: alertName(content),
      spans:
        content.length >= 2
          ? [
              {
                name: 'level',
                offset: 0,
                length: 1,
                value: alertLevelName(content[0]!),
                children: [],
              },
              {
                name: 'description',
                offset: 1,
                length: 1,
                value: alertDescriptionName(content[1]!),
                children: [],
              },
            ]
          : [],
    };
  if (type === ContentType.change_cipher_spec) return { name: 'ChangeCipherSpec', spans: [] };
  return { name: 'Record', spans: [] };
}

interface Opener {
  /** Returns what the record holds, or undefined when it cannot be opened. */
  open(
    record: CapturedRecord,
  ): { type: number; content: Uint8Array; nonce: Uint8Array; aad: Uint8Array } | undefined;
}

export function readTlsConnection(
  client: TcpStream,
  server: TcpStream,
  lanes: { client: string; server: string },
  keyLog: KeyLog,
  t0: number,
): TlsRead {
  const problems: string[] = [];
  const records = {
    client: splitRecords(client, 'client', problems),
    server: splitRecords(server, 'server', problems),
  };
  // A first pass over the records in the clear for the hellos: the randoms, the suite, the version.
  const scan = (list: CapturedRecord[], type: number) => {
    const reader = new HandshakeReader();
    for (const r of list) {
      if (r.type === ContentType.handshake) {
        const done = reader.push(r.bytes.subarray(5));
        const hello = done.find((m) => m[0] === type);
        if (hello) return readHello(hello);
      }
      if (r.type !== ContentType.handshake) break;
    }
    return undefined;
  };
  const clientHello = scan(records.client, 1);
  const serverHello = scan(records.server, 2);
  const read: TlsRead = { messages: [], secrets: [], problems, keys: 'none' };
  const tls13 = serverHello?.version === 0x0304;
  if (serverHello) read.version = tls13 ? 'TLS 1.3' : 'TLS 1.2';
  if (serverHello?.suite !== undefined) read.suite = serverHello.suite;

  const openers = makeOpeners(clientHello, serverHello, tls13, keyLog, read, lanes, t0);

  for (const side of ['client', 'server'] as const) {
    const hs = new HandshakeReader();
    let protectedFromHere = false;
    const [from, to] =
      side === 'client' ? [lanes.client, lanes.server] : [lanes.server, lanes.client];
    for (const r of records[side]) {
      const fragment = r.bytes.subarray(5);
      const isProtected = tls13 ? r.type === ContentType.application_data : protectedFromHere;
      const event: MessageEvent = {
        kind: 'message',
        t: r.time - t0,
        from,
        to,
        protocol: 'tls',
        name: '',
        bytes: r.bytes,
        spans: recordSpans(r.bytes),
        decoded: { capture: { streamOffset: r.start, time: new Date(r.time).toISOString() } },
        encrypted: isProtected,
      };
      if (!isProtected) {
        event.name = describeContent(r.type, fragment, hs).name;
        if (r.type === ContentType.change_cipher_spec && !tls13) protectedFromHere = true;
      } else {
        const opened = openers?.[side].open(r);
        if (opened) {
          const inner = describeContent(opened.type, opened.content, hs);
          event.name = inner.name;
          event.decrypted = {
            plaintext: opened.content,
            spans: inner.spans,
            nonce: opened.nonce,
            aad: opened.aad,
            innerName: inner.name,
          };
        } else if (r.type === ContentType.application_data) {
          event.name = 'ApplicationData';
        } else if (r.type === ContentType.handshake) {
          // RFC 5246, Section 7.4.9: the first protected handshake message is Finished.
          event.name =
            hs.messages.length > 0 || hs.waiting !== undefined ? 'Handshake' : 'Finished';
          hs.push(new Uint8Array([20, 0, 0, 0]));
        } else if (r.type === ContentType.alert) event.name = 'Alert';
        else event.name = 'Record';
      }
      read.messages.push(event);
    }
  }
  // Both directions in the order their records arrived; a tie keeps the client first.
  read.messages.sort((a, b) => a.t - b.t);
  return read;
}

function makeOpeners(
  clientHello: Hello | undefined,
  serverHello: Hello | undefined,
  tls13: boolean,
  keyLog: KeyLog,
  read: TlsRead,
  lanes: { client: string; server: string },
  t0: number,
): Record<Side, Opener> | undefined {
  if (!clientHello || !serverHello || serverHello.suite === undefined) return undefined;
  const secretEvent = (
    name: string,
    value: Uint8Array,
    explain: string,
    inputs: SecretEvent['inputs'],
  ): SecretEvent => ({
    kind: 'secret',
    t: 0,
    lane: lanes.client,
    name,
    value,
    inputs,
    explain,
  });
  void t0;
  if (!tls13) {
    const suite = suiteParams(serverHello.suite);
    const master = keyLogSecret(keyLog, clientHello.random, 'CLIENT_RANDOM');
    if (!suite || !master || master.length !== 48) return undefined;
    read.keys = 'found';
    const keys = deriveKeys(suite, master, clientHello.random, serverHello.random);
    for (const s of keys.secrets)
      read.secrets.push(secretEvent(s.name, s.value, s.explain, s.inputs));
    const make = (key: Uint8Array, iv: Uint8Array): Opener => {
      const p = new RecordProtector(suite, key, iv);
      return {
        open(r) {
          try {
            const o = p.open(r.type, r.version, r.bytes.subarray(5));
            return { type: r.type, content: o.plaintext, nonce: o.nonce, aad: o.aad };
          } catch (e) {
            if (e instanceof BadRecordMac) return undefined;
            throw e;
          }
        },
      };
    };
    return {
      client: make(keys.value.clientWriteKey, keys.value.clientWriteIv),
      server: make(keys.value.serverWriteKey, keys.value.serverWriteIv),
    };
  }
  const suite = tls13Suite(serverHello.suite);
  if (!suite) return undefined;
  const secret = (label: string) => keyLogSecret(keyLog, clientHello.random, label);
  const make = (side: 'CLIENT' | 'SERVER'): Opener => {
    // RFC 8446, Section 7.1: the handshake traffic secret protects the handshake up to and
    // including Finished; the application traffic secret protects what follows.
    const stages = [secret(`${side}_HANDSHAKE_TRAFFIC_SECRET`), secret(`${side}_TRAFFIC_SECRET_0`)];
    let stage = 0;
    let current: Tls13RecordProtection | undefined;
    const use = (value: Uint8Array | undefined) => {
      current = value ? new Tls13RecordProtection(suite, value) : undefined;
      if (value) {
        const name = `${side.toLowerCase()}_${stage === 0 ? 'handshake' : 'application'}_traffic_secret`;
        read.secrets.push(
          secretEvent(name, value, 'secret.tls13.traffic', [
            {
              name: 'key_log',
              value: `${side}_${stage === 0 ? 'HANDSHAKE_TRAFFIC_SECRET' : 'TRAFFIC_SECRET_0'}`,
            },
          ]),
        );
        read.secrets.push(
          secretEvent(`${name}.key`, current!.keys.key, 'secret.tls13.key', [{ name, value }]),
        );
        read.secrets.push(
          secretEvent(`${name}.iv`, current!.keys.iv, 'secret.tls13.iv', [{ name, value }]),
        );
      }
    };
    use(stages[0]);
    let appSecret = stages[1];
    if (stages[0] || stages[1]) read.keys = 'found';
    // RFC 8446, Sections 2.3 and 7.1: 0-RTT data (and the EndOfEarlyData that ends it) is
    // protected by client_early_traffic_secret. A server may reject it, and the client then goes
    // on under the handshake secret, so the first record the early keys cannot open ends them.
    const earlySecret = side === 'CLIENT' ? secret('CLIENT_EARLY_TRAFFIC_SECRET') : undefined;
    let early = earlySecret ? new Tls13RecordProtection(suite, earlySecret) : undefined;
    if (early && earlySecret) {
      read.keys = 'found';
      const name = 'client_early_traffic_secret';
      read.secrets.push(
        secretEvent(name, earlySecret, 'secret.tls13.traffic', [
          { name: 'key_log', value: 'CLIENT_EARLY_TRAFFIC_SECRET' },
        ]),
        secretEvent(`${name}.key`, early.keys.key, 'secret.tls13.key', [
          { name, value: earlySecret },
        ]),
        secretEvent(`${name}.iv`, early.keys.iv, 'secret.tls13.iv', [{ name, value: earlySecret }]),
      );
    }
    const openEarly = (r: CapturedRecord) => {
      if (!early) return undefined;
      try {
        const o = early.open(r.bytes.subarray(0, 5), r.bytes.subarray(5));
        // EndOfEarlyData (5) is the last message under the early keys.
        if (o.type === ContentType.handshake && o.content[0] === 5) early = undefined;
        return { type: o.type, content: o.content, nonce: o.nonce, aad: o.aad };
      } catch (e) {
        if (!(e instanceof AeadAuthError)) throw e;
        early = undefined;
        return undefined;
      }
    };
    return {
      open(r) {
        const earlyData = openEarly(r);
        if (earlyData) return earlyData;
        if (!current) return undefined;
        let o;
        try {
          o = current.open(r.bytes.subarray(0, 5), r.bytes.subarray(5));
        } catch (e) {
          if (e instanceof AeadAuthError) return undefined;
          throw e;
        }
        if (o.type === ContentType.handshake) {
          // Finished (20) ends the handshake keys; KeyUpdate (24) moves to the next secret.
          let at = 0;
          while (at + 4 <= o.content.length) {
            const t = o.content[at]!;
            const length =
              (o.content[at + 1]! << 16) | (o.content[at + 2]! << 8) | o.content[at + 3]!;
            if (t === 20 && stage === 0) {
              stage = 1;
              use(appSecret);
            } else if (t === 24 && stage === 1 && appSecret) {
              appSecret = nextTrafficSecret(suite.hash, appSecret);
              current = new Tls13RecordProtection(suite, appSecret);
            }
            at += 4 + length;
          }
        }
        return { type: o.type, content: o.content, nonce: o.nonce, aad: o.aad };
      },
    };
  };
  return { client: make('CLIENT'), server: make('SERVER') };
}

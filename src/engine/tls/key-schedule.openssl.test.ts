/**
 * The key schedule and record protection against OpenSSL (node:tls): a real TLS 1.2 handshake in
 * memory, captured byte for byte, then replayed through our code. PSK suites need no certificate,
 * and their PRF and record layer are exactly those of our ECDHE suites (RFC 5487, Sections 2-3;
 * RFC 7905, Section 2), so PSK-AES128-GCM-SHA256 checks 0xc02f's parameters, and so on.
 */
import { Duplex } from 'node:stream';
import { TLSSocket, connect, type TLSSocketOptions, type TlsOptions } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex, utf8 } from '../bytes/hex';
import { computeVerifyData, deriveKeys, deriveMasterSecret } from './key-schedule';
import { RecordProtector } from './protection';
import { suiteParams, type SuiteParams } from './suites';
import { Transcript } from './transcript';

const PSK = new Uint8Array(32).fill(7);
/** OpenSSL 3's SSL_OP_NO_EXTENDED_MASTER_SECRET (SSL_OP_BIT(0)); node passes secureOptions through. */
const NO_EMS = 1;
const EMS_EXTENSION = 0x0017;

/**
 * One end of an in-memory pipe that keeps a copy of everything written into it, after an optional
 * rewrite. OpenSSL writes whole records, so a rewrite sees whole records too.
 */
class CapturingEnd extends Duplex {
  other!: CapturingEnd;
  readonly written: Uint8Array[] = [];
  rewrite: (chunk: Uint8Array) => Uint8Array = (chunk) => chunk;
  override _read(): void {}
  override _write(chunk: Buffer, _encoding: string, done: (e?: Error) => void): void {
    try {
      const out = this.rewrite(new Uint8Array(chunk));
      this.written.push(out);
      this.other.push(out);
      done();
    } catch (e) {
      done(e as Error);
    }
  }
  override _final(done: () => void): void {
    this.other.push(null);
    done();
  }
}

interface Capture {
  clientToServer: Uint8Array;
  serverToClient: Uint8Array;
  masterSecret: Uint8Array;
  /** What OpenSSL's server decrypted from the application data record we sealed. */
  serverReceived: string;
}

const FROM_OPENSSL = 'hello from openssl';
const FROM_US = 'hello from wirestep';

/**
 * A whole TLS 1.2 connection between two OpenSSL ends: handshake, one message each way, close.
 * On its way to the server, the client's application data record is swapped for one we seal with
 * the keys we derive, so OpenSSL itself judges our record.
 */
function runOpenSsl(cipher: string, secureOptions: number, suite: SuiteParams): Promise<Capture> {
  const toServer = new CapturingEnd();
  const toClient = new CapturingEnd();
  toServer.other = toClient;
  toClient.other = toServer;
  let masterSecret: Uint8Array | undefined;

  toServer.rewrite = (chunk) => {
    const parsed = records(chunk);
    if (!parsed.some((r) => r.type === 23)) return chunk;
    const clientRandom = flight(concatBytes(...toServer.written)).handshake[0]!.slice(6, 38);
    const serverRandom = flight(concatBytes(...toClient.written)).handshake[0]!.slice(6, 38);
    const keys = deriveKeys(suite, masterSecret!, clientRandom, serverRandom).value;
    const writer = new RecordProtector(suite, keys.clientWriteKey, keys.clientWriteIv);
    // The client's Finished went out under sequence 0; this record is sequence 1.
    writer.seal(22, 0x0303, new Uint8Array(16));
    return concatBytes(
      ...parsed.map((r) => {
        const fragment =
          r.type === 23 ? writer.seal(23, r.version, utf8(FROM_US)).fragment : r.fragment;
        return concatBytes(
          new Uint8Array([r.type]),
          u16(r.version),
          u16(fragment.length),
          fragment,
        );
      }),
    );
  };

  const versions = { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' } as const;
  return new Promise((resolve, reject) => {
    // node's TLSSocketOptions type omits pskCallback, which the constructor honours all the same.
    const serverOptions: TLSSocketOptions & Pick<TlsOptions, 'pskCallback'> = {
      isServer: true,
      ...versions,
      ciphers: cipher,
      secureOptions,
      pskCallback: () => PSK,
    };
    const server = new TLSSocket(toClient, serverOptions);
    const client = connect({
      socket: toServer,
      ...versions,
      ciphers: cipher,
      secureOptions,
      checkServerIdentity: () => undefined,
      pskCallback: () => ({ psk: PSK, identity: 'wirestep' }),
    });
    client.on('keylog', (line: Buffer) => {
      // NSS key log format: CLIENT_RANDOM <client_random> <master_secret>.
      const [label, , secret] = line.toString().trim().split(' ');
      if (label === 'CLIENT_RANDOM') masterSecret = fromHex(secret!);
    });
    client.on('secureConnect', () => client.write(FROM_OPENSSL));
    let serverReceived = '';
    server.on('data', (data: Buffer) => {
      serverReceived = data.toString();
      server.end('bye');
    });
    client.on('data', () => {
      // Let the server's close_notify arrive before reading the capture.
      setTimeout(() => {
        client.destroy();
        resolve({
          clientToServer: concatBytes(...toServer.written),
          serverToClient: concatBytes(...toClient.written),
          masterSecret: masterSecret!,
          serverReceived,
        });
      }, 20);
    });
    client.on('error', reject);
    server.on('error', reject);
  });
}

function u16(n: number): Uint8Array {
  return new Uint8Array([n >> 8, n & 0xff]);
}

interface TlsRecord {
  type: number;
  version: number;
  fragment: Uint8Array;
}

function records(stream: Uint8Array): TlsRecord[] {
  const out: TlsRecord[] = [];
  for (let at = 0; at < stream.length;) {
    const length = (stream[at + 3]! << 8) | stream[at + 4]!;
    out.push({
      type: stream[at]!,
      version: (stream[at + 1]! << 8) | stream[at + 2]!,
      fragment: stream.slice(at + 5, at + 5 + length),
    });
    at += 5 + length;
  }
  return out;
}

/**
 * One direction of the connection: the plaintext handshake messages before ChangeCipherSpec
 * (whole, headers included), and the protected records after it.
 */
function flight(stream: Uint8Array): { handshake: Uint8Array[]; encrypted: TlsRecord[] } {
  const all = records(stream);
  const ccs = all.findIndex((r) => r.type === 20);
  const plaintext = concatBytes(
    ...all
      .slice(0, ccs)
      .filter((r) => r.type === 22)
      .map((r) => r.fragment),
  );
  return { handshake: handshakeMessages(plaintext), encrypted: all.slice(ccs + 1) };
}

/** Splits plaintext handshake bytes into whole messages, headers included. */
function handshakeMessages(fragment: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < fragment.length;) {
    const length = (fragment[at + 1]! << 16) | (fragment[at + 2]! << 8) | fragment[at + 3]!;
    out.push(fragment.slice(at, at + 4 + length));
    at += 4 + length;
  }
  return out;
}

/** Whether a ServerHello carries the extended_master_secret extension (RFC 7627, Section 5.1). */
function hasEms(serverHello: Uint8Array): boolean {
  let at = 4 + 2 + 32; // header, server_version, random
  at += 1 + serverHello[at]!; // session_id
  at += 2 + 1; // cipher_suite, compression_method
  if (at >= serverHello.length) return false;
  const end = at + 2 + ((serverHello[at]! << 8) | serverHello[at + 1]!);
  for (at += 2; at < end;) {
    if (((serverHello[at]! << 8) | serverHello[at + 1]!) === EMS_EXTENSION) return true;
    at += 4 + ((serverHello[at + 2]! << 8) | serverHello[at + 3]!);
  }
  return false;
}

/** RFC 4279, Section 2: the plain PSK premaster secret is uint16 N ‖ N zeros ‖ uint16 N ‖ psk. */
function pskPremaster(psk: Uint8Array): Uint8Array {
  const n = fromHex(psk.length.toString(16).padStart(4, '0'));
  return concatBytes(n, new Uint8Array(psk.length), n, psk);
}

const CASES = [
  { cipher: 'PSK-AES128-GCM-SHA256', suite: 0xc02f },
  { cipher: 'PSK-AES256-GCM-SHA384', suite: 0xc030 },
  { cipher: 'PSK-CHACHA20-POLY1305', suite: 0xcca8 },
];

describe('against OpenSSL', () => {
  for (const { cipher, suite: id } of CASES) {
    for (const ems of [true, false]) {
      it(`${cipher}, ${ems ? 'with' : 'without'} EMS: same master secret, keys, Finished and record bytes`, async () => {
        const suite = suiteParams(id)!;
        const capture = await runOpenSsl(cipher, ems ? 0 : NO_EMS, suite);
        // OpenSSL decrypted and accepted the application data record we sealed.
        expect(capture.serverReceived).toBe(FROM_US);
        const fromClient = flight(capture.clientToServer);
        const fromServer = flight(capture.serverToClient);
        // The messages in protocol order: CH | SH, SHD | CKE, CCS, Finished | NST, CCS, Finished.
        const [clientHello, clientKeyExchange] = fromClient.handshake;
        const [serverHello, serverHelloDone, newSessionTicket] = fromServer.handshake;
        expect(fromClient.handshake.map((m) => m[0])).toEqual([1, 16]);
        expect(fromServer.handshake.map((m) => m[0])).toEqual([2, 14, 4]);
        expect(fromClient.encrypted.map((r) => r.type)).toEqual([22, 23]);
        expect(fromServer.encrypted.map((r) => r.type)).toEqual([22, 23, 21]);
        expect(hasEms(serverHello!)).toBe(ems);

        const clientRandom = clientHello!.slice(6, 38);
        const serverRandom = serverHello!.slice(6, 38);
        const transcript = new Transcript();
        for (const m of [clientHello!, serverHello!, serverHelloDone!, clientKeyExchange!])
          transcript.add(m);

        // Master secret: the one OpenSSL logged.
        const seed = ems
          ? { sessionHash: transcript.hash(suite.hash) }
          : { clientRandom, serverRandom };
        const master = deriveMasterSecret(suite, pskPremaster(PSK), seed).value;
        expect(toHex(master)).toBe(toHex(capture.masterSecret));

        // Keys: they open the client's Finished, whose verify_data we compute the same.
        const keys = deriveKeys(suite, master, clientRandom, serverRandom).value;
        const clientReader = new RecordProtector(suite, keys.clientWriteKey, keys.clientWriteIv);
        const clientFinished = clientReader.open(
          22,
          0x0303,
          fromClient.encrypted[0]!.fragment,
        ).plaintext;
        const clientVerify = computeVerifyData(
          suite,
          master,
          'client finished',
          transcript.hash(suite.hash),
        ).value;
        expect(toHex(clientFinished)).toBe('1400000c' + toHex(clientVerify));
        expect(
          toHex(clientReader.open(23, 0x0303, fromClient.encrypted[1]!.fragment).plaintext),
        ).toBe(toHex(utf8(FROM_US)));

        transcript.add(clientFinished);
        transcript.add(newSessionTicket!);
        const serverReader = new RecordProtector(suite, keys.serverWriteKey, keys.serverWriteIv);
        const serverFinished = serverReader.open(
          22,
          0x0303,
          fromServer.encrypted[0]!.fragment,
        ).plaintext;
        const serverVerify = computeVerifyData(
          suite,
          master,
          'server finished',
          transcript.hash(suite.hash),
        ).value;
        expect(toHex(serverFinished)).toBe('1400000c' + toHex(serverVerify));
        expect(
          toHex(serverReader.open(23, 0x0303, fromServer.encrypted[1]!.fragment).plaintext),
        ).toBe(toHex(utf8('bye')));
        expect(
          toHex(serverReader.open(21, 0x0303, fromServer.encrypted[2]!.fragment).plaintext),
        ).toBe('0100'); // close_notify

        // ChaCha20 has no explicit nonce, so sealing the same plaintexts in the same order must give
        // OpenSSL's records byte for byte. (For GCM, OpenSSL's explicit nonce is a counter from a
        // random start, not the sequence number, so only OpenSSL accepting our record can be checked.)
        if (suite.recordIvLength === 0) {
          const serverWriter = new RecordProtector(suite, keys.serverWriteKey, keys.serverWriteIv);
          expect(toHex(serverWriter.seal(22, 0x0303, serverFinished).fragment)).toBe(
            toHex(fromServer.encrypted[0]!.fragment),
          );
          expect(toHex(serverWriter.seal(23, 0x0303, utf8('bye')).fragment)).toBe(
            toHex(fromServer.encrypted[1]!.fragment),
          );
        }
      });
    }
  }
});

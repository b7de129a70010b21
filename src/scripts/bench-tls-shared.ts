/**
 * What the TLS 1.2 and TLS 1.3 figures of `npm run bench` (bench-tls.ts, bench-tls13.ts) share:
 * the in-memory handshake they time, the way a primitive is timed and its count summed, and the
 * node:tls loopback handshake they are compared with.
 */
import 'reflect-metadata';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer, connect as tlsConnect } from 'node:tls';
import { aeadOpen, aeadSeal } from '../engine/crypto/aead';
import { computeSharedSecret, generateKeyShare } from '../engine/crypto/ecdhe';
import { sign, verify } from '../engine/crypto/signature';
import { runTlsExchange } from '../engine/scenarios/tls-run';
import type { Rng } from '../engine/sim/rng';
import { parseCertificate } from '../engine/tls/certificates/parse';
import { pemToDerList } from '../engine/tls/certificates/pem';
import { signatureVerifies } from '../engine/tls/certificates/signature';
import { leafPublicKey } from '../engine/tls/certificates/summary';
import { DEMO_PKI } from '../engine/tls/pki/demo-pki';
import { median, timeAsync, timeSync } from './timing';

/** Timed runs behind each median. */
export const RUNS = 40;
/** Untimed calls of a primitive before its timed ones, so it is compiled and its keys imported. */
const PRIMITIVE_WARMUP = 10;

export type TlsVersion = '1.2' | '1.3';

/**
 * One in-memory run as the app makes it (Trace recorded): both sides on `version`, a full
 * handshake, a GET and its 200, close_notify both ways.
 */
export async function inMemoryHandshake(version: TlsVersion, seed: string): Promise<void> {
  const result = await runTlsExchange({
    seed,
    client: (c) => void (c.versions = [version]),
    server: (s) => void (s.versions = [version]),
  });
  if (!result.ok) throw new Error(`bench TLS ${version} handshake failed: ${result.error}`);
}

/** The median of RUNS timed in-memory runs, after `warmup` untimed ones. */
export async function medianHandshake(
  version: TlsVersion,
  label: string,
  warmup: number,
): Promise<number> {
  for (let i = 0; i < warmup; i++) await inMemoryHandshake(version, `warm ${label} ${i}`);
  return median(await timeAsync(RUNS, (i) => inMemoryHandshake(version, `bench ${label} ${i}`)));
}

/** A crypto operation the handshake performs `count` times, and the median time of one. */
export interface Primitive {
  what: string;
  count: number;
  ms: number;
}

export async function asyncPrimitive(
  what: string,
  count: number,
  body: () => Promise<unknown>,
): Promise<Primitive> {
  for (let i = 0; i < PRIMITIVE_WARMUP; i++) await body();
  return { what, count, ms: median(await timeAsync(RUNS, body)) };
}

export function syncPrimitive(what: string, count: number, body: () => unknown): Primitive {
  for (let i = 0; i < PRIMITIVE_WARMUP; i++) body();
  return { what, count, ms: median(timeSync(RUNS, body)) };
}

/**
 * AES-128-GCM over records of the plaintext sizes a run seals and opens, each timed on its own:
 * two primitives, the sealing and the opening, each counted once.
 */
export function aes128GcmRecords(
  rng: Rng,
  aadLength: number,
  sealed: readonly number[],
  opened: readonly number[],
): Primitive[] {
  const key = rng.bytes(16);
  const nonce = rng.bytes(12);
  const aad = rng.bytes(aadLength);
  let sealMs = 0;
  for (const size of sealed) {
    const plaintext = rng.bytes(size);
    sealMs += syncPrimitive('', 1, () => aeadSeal('AES_128_GCM', key, nonce, aad, plaintext)).ms;
  }
  let openMs = 0;
  for (const size of opened) {
    const record = aeadSeal('AES_128_GCM', key, nonce, aad, rng.bytes(size));
    openMs += syncPrimitive('', 1, () => aeadOpen('AES_128_GCM', key, nonce, aad, record)).ms;
  }
  return [
    {
      what: `AES-128-GCM seal, ${sealed.length} records of ${sealed.join(', ')} bytes`,
      count: 1,
      ms: sealMs,
    },
    {
      what: `AES-128-GCM open, ${opened.length} records of ${opened.join(', ')} bytes`,
      count: 1,
      ms: openMs,
    },
  ];
}

/**
 * The client's check of the chain's two signatures (the leaf by the intermediate, the
 * intermediate by the root), through the function the validator calls.
 */
export function chainSignatures(chainPem: string): Promise<Primitive> {
  const [leafDer, intermediateDer] = pemToDerList(chainPem);
  const leaf = parseCertificate(leafDer!);
  const intermediate = parseCertificate(intermediateDer!);
  const root = parseCertificate(pemToDerList(DEMO_PKI.root.certPem)[0]!);
  return asyncPrimitive('certificate chain signatures (leaf, intermediate)', 1, async () => {
    if (!(await signatureVerifies(leaf, intermediate))) throw new Error('leaf does not verify');
    if (!(await signatureVerifies(intermediate, root)))
      throw new Error('intermediate does not verify');
  });
}

/**
 * What both versions do with public keys: an X25519 share and shared secret on each side, the
 * server's one handshake signature (`what`) made and checked, and the chain's two signatures.
 * `signed` is as long as the signed content of that version's message.
 */
export async function keyExchangeAndSignatures(
  rng: Rng,
  leaf: { keyPem: string; chainPem: string },
  /** A SignatureScheme code point (RFC 8446, Section 4.2.3). */
  scheme: number,
  what: { algorithm: string; message: string },
  signed: Uint8Array,
): Promise<Primitive[]> {
  const key = pemToDerList(leaf.keyPem)[0]!;
  const spki = leafPublicKey(pemToDerList(leaf.chainPem)[0]!).spki;
  const signature = await sign(scheme, key, signed);
  const a = await generateKeyShare('x25519', rng);
  const b = await generateKeyShare('x25519', rng);
  return [
    await asyncPrimitive('x25519 key generation', 2, () => generateKeyShare('x25519', rng)),
    await asyncPrimitive('x25519 shared secret', 2, () =>
      computeSharedSecret('x25519', a.privateKey, b.publicKey),
    ),
    await asyncPrimitive(`${what.algorithm} sign (${what.message})`, 1, () =>
      sign(scheme, key, signed),
    ),
    await asyncPrimitive(`${what.algorithm} verify (${what.message})`, 1, () =>
      verify(scheme, spki, signed, signature),
    ),
    await chainSignatures(leaf.chainPem),
  ];
}

/** Logs each primitive as `count × ms` and returns the sum of count × ms. */
export function sumPrimitives(
  log: (line: string) => void,
  prefix: string,
  items: readonly Primitive[],
): number {
  let total = 0;
  for (const item of items) {
    total += item.count * item.ms;
    log(`${prefix}:   ${item.what}: ${item.count} × ${item.ms.toFixed(4)} ms`);
  }
  return total;
}

export interface NodeTlsOptions {
  chainPem: string;
  keyPem: string;
  version: 'TLSv1.2' | 'TLSv1.3';
  /** OpenSSL's name of the TLS 1.2 suite; TLS 1.3 takes TLS_AES_128_GCM_SHA256. */
  suite?: string;
}

/**
 * node:tls (OpenSSL) on loopback, the same certificate, suite and group as our run: a fresh full
 * handshake each time (the client offers no session), then a GET and a 200. The median of RUNS.
 */
export async function nodeTlsHandshake(options: NodeTlsOptions): Promise<number> {
  const ciphers =
    options.version === 'TLSv1.3'
      ? { ciphers: 'TLS_AES_128_GCM_SHA256' }
      : { ciphers: options.suite };
  const server = createTlsServer(
    {
      cert: options.chainPem,
      key: options.keyPem,
      minVersion: options.version,
      maxVersion: options.version,
      ...ciphers,
      ecdhCurve: 'X25519',
      ...(options.version === 'TLSv1.2' ? { sessionTimeout: 0 } : {}),
    },
    (socket) => {
      socket.once('data', () =>
        socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'),
      );
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const one = async (): Promise<void> => {
    const socket = tlsConnect({
      host: '127.0.0.1',
      port,
      servername: 'www.example.com',
      ca: DEMO_PKI.root.certPem,
      minVersion: options.version,
      maxVersion: options.version,
      ...(options.version === 'TLSv1.2' ? ciphers : {}),
    });
    await once(socket, 'secureConnect');
    socket.write('GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n');
    await once(socket, 'data');
    socket.destroy();
  };
  for (let i = 0; i < 5; i++) await one();
  const times = await timeAsync(RUNS, one);
  server.close();
  return median(times);
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

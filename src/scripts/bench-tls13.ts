/**
 * TLS 1.3 figures for `npm run bench`, beside the TLS 1.2 ones (bench-tls.ts): our in-memory
 * handshake with both sides on TLS 1.3, the crypto primitives it performs, and node:tls with
 * TLS 1.3 on loopback.
 */
import 'reflect-metadata';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer, connect as tlsConnect } from 'node:tls';
import { aeadOpen, aeadSeal } from '../engine/crypto/aead';
import { computeSharedSecret, generateKeyShare } from '../engine/crypto/ecdhe';
import { hash, hmac, runningHash } from '../engine/crypto/hash';
import { sign, verify } from '../engine/crypto/signature';
import { runTlsExchange } from '../engine/scenarios/tls-run';
import { SeededRng } from '../engine/sim/rng';
import { SignatureScheme } from '../engine/tls/enums';
import { parseCertificate } from '../engine/tls/certificates/parse';
import { pemToDerList } from '../engine/tls/certificates/pem';
import { signatureVerifies } from '../engine/tls/certificates/signature';
import { leafPublicKey } from '../engine/tls/certificates/summary';
import { DEMO_PKI } from '../engine/tls/pki/demo-pki';
import { hkdfExpandLabel, hkdfExtract } from '../engine/tls/tls13/key-schedule';
import { median, timeAsync, timeSync } from './timing';

const RUNS = 40;
/** Untimed runs first, as many as the TLS 1.2 figure's warm one has (bench-tls.ts). */
const WARMUP = 85;

export interface Tls13Figures {
  tls13_handshake_ms: number;
  tls13_primitives_ms: number;
  tls13_vs_primitives: number;
  node_tls13_ms: number;
  tls13_vs_node_tls13: number;
}

async function oneHandshake(seed: string): Promise<void> {
  const result = await runTlsExchange({
    seed,
    client: (c) => void (c.versions = ['1.3']),
    server: (s) => void (s.versions = ['1.3']),
  });
  if (!result.ok) throw new Error(`bench TLS 1.3 handshake failed: ${result.error}`);
}

export async function benchTls13(log: (line: string) => void): Promise<Tls13Figures> {
  for (let i = 0; i < WARMUP; i++) await oneHandshake(`warm 1.3 ${i}`);
  const handshake = median(await timeAsync(RUNS, (i) => oneHandshake(`bench 1.3 ${i}`)));
  log(
    `tls13: in-memory full TLS 1.3 handshake + HTTP exchange, both sides, warm (after ${WARMUP} runs): median ${handshake.toFixed(3)} ms over ${RUNS} runs`,
  );
  const primitives = await primitivesOfOneHandshake(log);
  const node = await nodeTls13Handshake();
  log(
    `tls13: node:tls TLS 1.3 loopback full handshake + HTTP exchange: median ${node.toFixed(3)} ms over ${RUNS} runs`,
  );
  return {
    tls13_handshake_ms: round(handshake),
    tls13_primitives_ms: round(primitives),
    tls13_vs_primitives: round(handshake / primitives),
    node_tls13_ms: round(node),
    tls13_vs_node_tls13: round(handshake / node),
  };
}

/**
 * The crypto one in-memory TLS 1.3 run performs, counted by calling each primitive with a counter
 * during a run: TLS_AES_128_GCM_SHA256 with x25519, the ECDSA P-256 leaf (the simulated server
 * signs CertificateVerify with ecdsa_secp256r1_sha256, RFC 6979, so a seed reproduces it) under
 * the RSA intermediate, a NewSessionTicket, one GET and one 200:
 * - x25519 key generation and shared secret, two of each;
 * - the CertificateVerify signature and its verification;
 * - the chain's two RSA signatures (the ECDSA leaf by the intermediate, the intermediate by root);
 * - the key schedule (RFC 8446, Section 7.1) on both sides: 6 HKDF-Extract, 22 HKDF-Expand-Label
 *   of 32 bytes, 8 of a 16-byte key and 8 of a 12-byte IV, 4 Finished HMACs, 4 hashes of "";
 * - the transcript hashed once per side as it grows, and read 12 times;
 * - AES-128-GCM: 11 records sealed and 9 opened, of the sizes the run seals and opens.
 * Not included, as in TLS 1.2: encoding, decoding, certificate parsing and the Trace.
 */
async function primitivesOfOneHandshake(log: (line: string) => void): Promise<number> {
  const rng = new SeededRng('primitives 1.3');
  const ecdsaKey = pemToDerList(DEMO_PKI.leaves.ecdsa.keyPem)[0]!;
  const [leafDer, intermediateDer] = pemToDerList(DEMO_PKI.leaves.ecdsa.chainPem);
  const leaf = parseCertificate(leafDer!);
  const intermediate = parseCertificate(intermediateDer!);
  const root = parseCertificate(pemToDerList(DEMO_PKI.root.certPem)[0]!);
  const ecdsaSpki = leafPublicKey(leafDer!).spki;
  const scheme = SignatureScheme.ecdsa_secp256r1_sha256;
  // RFC 8446, Section 4.4.3: 64 spaces, the context string, a zero byte, the transcript hash.
  const signed = rng.bytes(64 + 33 + 1 + 32);
  const signature = await sign(scheme, ecdsaKey, signed);
  const a = await generateKeyShare('x25519', rng);
  const b = await generateKeyShare('x25519', rng);
  const secret = rng.bytes(32);
  const context = rng.bytes(32);
  const transcript = rng.bytes(2600);
  const running = runningHash('sha256');
  running.update(transcript);
  const key = rng.bytes(16);
  const nonce = rng.bytes(12);
  const aad = rng.bytes(5);
  const chainVerifies = async (): Promise<void> => {
    if (!(await signatureVerifies(leaf, intermediate))) throw new Error('leaf does not verify');
    if (!(await signatureVerifies(intermediate, root)))
      throw new Error('intermediate does not verify');
  };
  const syncItem = (what: string, count: number, body: () => unknown) => ({
    what,
    count,
    ms: median(timeSync(RUNS, body)),
  });
  // Plaintext sizes (inner content type included) of the records sealed, and of those opened.
  const sealed = [3, 3, 26, 37, 37, 60, 79, 106, 123, 277, 1637];
  const opened = [3, 26, 37, 37, 79, 106, 123, 277, 1637];
  let aeadMs = 0;
  for (const size of sealed) {
    const plaintext = rng.bytes(size);
    aeadMs += median(timeSync(RUNS, () => aeadSeal('AES_128_GCM', key, nonce, aad, plaintext)));
  }
  let openMs = 0;
  for (const size of opened) {
    const record = aeadSeal('AES_128_GCM', key, nonce, aad, rng.bytes(size));
    openMs += median(timeSync(RUNS, () => aeadOpen('AES_128_GCM', key, nonce, aad, record)));
  }

  const items: { what: string; count: number; ms: number }[] = [
    {
      what: 'x25519 key generation',
      count: 2,
      ms: median(await timeAsync(RUNS, () => generateKeyShare('x25519', rng))),
    },
    {
      what: 'x25519 shared secret',
      count: 2,
      ms: median(
        await timeAsync(RUNS, () => computeSharedSecret('x25519', a.privateKey, b.publicKey)),
      ),
    },
    {
      what: 'ECDSA P-256 sign (CertificateVerify)',
      count: 1,
      ms: median(await timeAsync(RUNS, () => sign(scheme, ecdsaKey, signed))),
    },
    {
      what: 'ECDSA P-256 verify (CertificateVerify)',
      count: 1,
      ms: median(await timeAsync(RUNS, () => verify(scheme, ecdsaSpki, signed, signature))),
    },
    {
      what: 'certificate chain signatures (leaf, intermediate)',
      count: 1,
      ms: median(await timeAsync(RUNS, chainVerifies)),
    },
    syncItem('HKDF-Extract', 6, () => hkdfExtract('sha256', secret, context)),
    syncItem('HKDF-Expand-Label, 32 bytes', 22, () =>
      hkdfExpandLabel('sha256', secret, 'c hs traffic', context, 32),
    ),
    syncItem('HKDF-Expand-Label, key and IV', 16, () =>
      hkdfExpandLabel('sha256', secret, 'key', new Uint8Array(0), 16),
    ),
    syncItem('HMAC-SHA-256 (Finished)', 4, () => hmac('sha256', secret, context)),
    syncItem('SHA-256 of ""', 4, () => hash('sha256', new Uint8Array(0))),
    syncItem('SHA-256 over the transcript', 2, () => hash('sha256', transcript)),
    syncItem('SHA-256 of the transcript so far', 12, () => running.digestSoFar()),
    { what: 'AES-128-GCM seal, the 11 records', count: 1, ms: aeadMs },
    { what: 'AES-128-GCM open, the 9 records', count: 1, ms: openMs },
  ];
  let total = 0;
  for (const item of items) {
    total += item.count * item.ms;
    log(`tls13:   ${item.what}: ${item.count} × ${item.ms.toFixed(4)} ms`);
  }
  log(`tls13: sum of the TLS 1.3 handshake's crypto primitives: ${total.toFixed(3)} ms`);
  return total;
}

/** node:tls with TLS 1.3 only, the same suite, group and ECDSA leaf, and a GET and a 200. */
async function nodeTls13Handshake(): Promise<number> {
  const server = createTlsServer(
    {
      cert: DEMO_PKI.leaves.ecdsa.chainPem,
      key: DEMO_PKI.leaves.ecdsa.keyPem,
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
      ciphers: 'TLS_AES_128_GCM_SHA256',
      ecdhCurve: 'X25519',
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
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
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

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * TLS figures for `npm run bench`: our in-memory handshake, the crypto primitives that handshake
 * performs (timed one by one in the same process), and a node:tls loopback handshake.
 */
import 'reflect-metadata';
import { once } from 'node:events';
import { createServer as createTlsServer, connect as tlsConnect } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { aeadOpen, aeadSeal } from '../engine/crypto/aead';
import { computeSharedSecret, generateKeyShare } from '../engine/crypto/ecdhe';
import { hash, runningHash } from '../engine/crypto/hash';
import { sign, verify } from '../engine/crypto/signature';
import { runTlsExchange } from '../engine/scenarios/tls-run';
import { SeededRng } from '../engine/sim/rng';
import { CipherSuite, SignatureScheme } from '../engine/tls/enums';
import { suiteParams } from '../engine/tls/suites';
import { leafPublicKey } from '../engine/tls/certificates/summary';
import { pemToDerList } from '../engine/tls/certificates/pem';
import { parseCertificate } from '../engine/tls/certificates/parse';
import { signatureVerifies } from '../engine/tls/certificates/signature';
import { DEMO_PKI } from '../engine/tls/pki/demo-pki';
import { prf } from '../engine/tls/prf';
import { median, timeAsync, timeSync } from './timing';

const RUNS = 40;
/** Untimed runs before the first figure. */
const FIRST_WARMUP = 5;
/**
 * Untimed runs between the first figure and the warm one. From one run to the next the engine's
 * JavaScript (the codecs, the state machines, and @noble's AES-GCM, PRF and RNG) is interpreted,
 * then compiled; over runs 5 to 45 its main thread spends about three times the CPU per handshake
 * it spends from run 80 on (node --cpu-prof). The primitives below are timed after every
 * handshake here, in loops of RUNS calls each, so they are warm: the handshake is compared with
 * them, and with node:tls, when it is warm too.
 */
const STEADY_WARMUP = 40;

export interface TlsFigures {
  /** Median of RUNS warm runs: the figure the ratios use. */
  tls_handshake_ms: number;
  /** Median of the first RUNS runs after FIRST_WARMUP, while the engine is still being compiled. */
  tls_handshake_first_runs_ms: number;
  tls_primitives_ms: number;
  tls_vs_primitives: number;
  tls_first_runs_vs_primitives: number;
  node_tls_ms: number;
  tls_vs_node_tls: number;
}

async function oneHandshake(seed: string): Promise<void> {
  const result = await runTlsExchange({ seed });
  if (!result.ok) throw new Error(`bench handshake failed: ${result.error}`);
}

export async function benchTls(log: (line: string) => void): Promise<TlsFigures> {
  for (let i = 0; i < FIRST_WARMUP; i++) await oneHandshake(`warm ${i}`);
  const first = median(await timeAsync(RUNS, (i) => oneHandshake(`bench ${i}`)));
  log(
    `tls: in-memory full handshake + HTTP exchange, both sides, first ${RUNS} runs after ${FIRST_WARMUP} warm-up runs: median ${first.toFixed(3)} ms`,
  );
  for (let i = 0; i < STEADY_WARMUP; i++) await oneHandshake(`warm more ${i}`);
  const handshake = median(await timeAsync(RUNS, (i) => oneHandshake(`bench warm ${i}`)));
  log(
    `tls: in-memory full handshake + HTTP exchange, both sides, warm (after ${FIRST_WARMUP + RUNS + STEADY_WARMUP} runs): median ${handshake.toFixed(3)} ms over ${RUNS} runs`,
  );

  const primitives = await primitivesOfOneHandshake(log);
  const node = await nodeTlsHandshake();
  log(
    `tls: node:tls loopback full handshake + HTTP exchange: median ${node.toFixed(3)} ms over ${RUNS} runs`,
  );
  return {
    tls_handshake_ms: round(handshake),
    tls_handshake_first_runs_ms: round(first),
    tls_primitives_ms: round(primitives),
    tls_vs_primitives: round(handshake / primitives),
    tls_first_runs_vs_primitives: round(first / primitives),
    node_tls_ms: round(node),
    tls_vs_node_tls: round(handshake / node),
  };
}

const DEMO_SUITE_OPENSSL = suiteParams(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)!.openssl;

/**
 * "Primitives" are the crypto operations one in-memory handshake performs, run back to back on
 * inputs of the real sizes, each timed as a median and multiplied by how often the handshake
 * performs it. The default run is ECDHE-RSA-AES128-GCM-SHA256 with x25519, rsa_pkcs1_sha256 (the
 * simulated server prefers it: tls-demo-config.ts), EMS, a session ticket, one GET and one 200:
 * - x25519 key generation (PKCS#8 import of the RNG's scalar) and shared secret, two of each;
 * - the RSA signature on ServerKeyExchange and its verification;
 * - the certificate chain's two signatures (leaf by intermediate, intermediate by root), through
 *   the same function the validator calls;
 * - the TLS PRF (master secret, key block, two verify_data each side) and the transcript hashes
 *   (each side hashes its transcript once as it grows, and reads that hash three times);
 * - AES-128-GCM for the Finished, ticket, HTTP and close_notify records, sealed and opened.
 * Not included, because it is not crypto: encoding, decoding, certificate parsing, path building
 * and the Trace. Those are what the handshake ÷ primitives ratio measures.
 */
async function primitivesOfOneHandshake(log: (line: string) => void): Promise<number> {
  const rng = new SeededRng('primitives');
  const rsaKey = pemToDerList(DEMO_PKI.leaves.rsa.keyPem)[0]!;
  const [leafDer, intermediateDer] = pemToDerList(DEMO_PKI.leaves.rsa.chainPem);
  const leaf = parseCertificate(leafDer!);
  const intermediate = parseCertificate(intermediateDer!);
  const root = parseCertificate(pemToDerList(DEMO_PKI.root.certPem)[0]!);
  const rsaSpki = leafPublicKey(leafDer!).spki;
  const signed = rng.bytes(32 + 32 + 4 + 32);
  const pkcs1 = SignatureScheme.rsa_pkcs1_sha256;
  const pkcs1Sig = await sign(pkcs1, rsaKey, signed);
  const a = await generateKeyShare('x25519', rng);
  const b = await generateKeyShare('x25519', rng);
  const secret = rng.bytes(48);
  const transcript = rng.bytes(2600);
  const running = runningHash('sha256');
  running.update(transcript);
  const key = rng.bytes(16);
  const nonce = rng.bytes(12);
  const aad = rng.bytes(13);
  const small = rng.bytes(40);
  const page = rng.bytes(300);
  const sealedSmall = aeadSeal('AES_128_GCM', key, nonce, aad, small);
  const sealedPage = aeadSeal('AES_128_GCM', key, nonce, aad, page);
  const chainVerifies = async (): Promise<void> => {
    if (!(await signatureVerifies(leaf, intermediate))) throw new Error('leaf does not verify');
    if (!(await signatureVerifies(intermediate, root)))
      throw new Error('intermediate does not verify');
  };

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
      what: 'RSA PKCS#1 sign (ServerKeyExchange)',
      count: 1,
      ms: median(await timeAsync(RUNS, () => sign(pkcs1, rsaKey, signed))),
    },
    {
      what: 'RSA PKCS#1 verify (ServerKeyExchange)',
      count: 1,
      ms: median(await timeAsync(RUNS, () => verify(pkcs1, rsaSpki, signed, pkcs1Sig))),
    },
    {
      what: 'certificate chain signatures (leaf, intermediate)',
      count: 1,
      ms: median(await timeAsync(RUNS, chainVerifies)),
    },
    // Each side: master secret, key block, two verify_data.
    {
      what: 'TLS PRF (master, key block, verify_data)',
      count: 8,
      ms: median(
        timeSync(RUNS, () =>
          prf('sha256', secret, 'key expansion', transcript.subarray(0, 64), 48),
        ),
      ),
    },
    // Each side hashes its transcript once, message by message as it grows (transcript.ts), and
    // reads the hash so far three times: the session hash and two Finished messages.
    {
      what: 'SHA-256 over the transcript',
      count: 2,
      ms: median(timeSync(RUNS, () => hash('sha256', transcript))),
    },
    {
      what: 'SHA-256 of the transcript so far (running hash copied and finished)',
      count: 6,
      ms: median(timeSync(RUNS, () => running.digestSoFar())),
    },
    // Small payloads: Finished ×2, close_notify ×2 and the ticket sealed; Finished ×2 and one
    // close_notify opened (the client has closed when the server's answer arrives, and ignores
    // it: RFC 5246, Section 7.2.1). Then the GET and the 200, each sealed and opened.
    {
      what: 'AES-128-GCM seal, small record',
      count: 5,
      ms: median(timeSync(RUNS, () => aeadSeal('AES_128_GCM', key, nonce, aad, small))),
    },
    {
      what: 'AES-128-GCM open, small record',
      count: 3,
      ms: median(timeSync(RUNS, () => aeadOpen('AES_128_GCM', key, nonce, aad, sealedSmall))),
    },
    {
      what: 'AES-128-GCM seal, HTTP message',
      count: 2,
      ms: median(timeSync(RUNS, () => aeadSeal('AES_128_GCM', key, nonce, aad, page))),
    },
    {
      what: 'AES-128-GCM open, HTTP message',
      count: 2,
      ms: median(timeSync(RUNS, () => aeadOpen('AES_128_GCM', key, nonce, aad, sealedPage))),
    },
  ];
  let total = 0;
  for (const item of items) {
    total += item.count * item.ms;
    log(`tls:   ${item.what}: ${item.count} × ${item.ms.toFixed(4)} ms`);
  }
  log(`tls: sum of the handshake's crypto primitives: ${total.toFixed(3)} ms`);
  return total;
}

/** node:tls (OpenSSL) on loopback: a fresh full handshake each time, then a GET and a 200. */
async function nodeTlsHandshake(): Promise<number> {
  const { rsa, root } = { rsa: DEMO_PKI.leaves.rsa, root: DEMO_PKI.root };
  const server = createTlsServer(
    {
      cert: rsa.chainPem,
      key: rsa.keyPem,
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.2',
      ciphers: DEMO_SUITE_OPENSSL,
      ecdhCurve: 'X25519',
      sessionTimeout: 0,
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
      ca: root.certPem,
      maxVersion: 'TLSv1.2',
      ciphers: DEMO_SUITE_OPENSSL,
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

/**
 * TLS 1.2 figures for `npm run bench`: our in-memory handshake, the crypto primitives that handshake
 * performs (timed one by one in the same process), and a node:tls loopback handshake.
 */
import { hash, runningHash } from '../engine/crypto/hash';
import { SeededRng } from '../engine/sim/rng';
import { CipherSuite, SignatureScheme } from '../engine/tls/enums';
import { suiteParams } from '../engine/tls/suites';
import { DEMO_PKI } from '../engine/tls/pki/demo-pki';
import { prf } from '../engine/tls/prf';
import {
  RUNS,
  aes128GcmRecords,
  keyExchangeAndSignatures,
  medianHandshake,
  nodeTlsHandshake,
  round,
  sumPrimitives,
  syncPrimitive,
} from './bench-tls-shared';
import { replayWebCrypto } from './bench-tls-replay';

/** Untimed runs before the first figure. */
const FIRST_WARMUP = 5;
/**
 * Untimed runs between the first figure and the warm one. From one run to the next the engine's
 * JavaScript (the codecs, the state machines, and @noble's AES-GCM, PRF and RNG) is interpreted,
 * then compiled; over runs 5 to 45 its main thread spends about three times the CPU per handshake
 * it spends from run 80 on (node --cpu-prof). The primitives below are timed after every
 * handshake here, so they are warm: the handshake is compared with them, and with node:tls, when
 * it is warm too.
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
  /** The WebCrypto primitives alone (key shares, shared secrets, signatures), timed call by call. */
  tls_webcrypto_primitives_ms: number;
  /** Warm runs, each paired with the same seeded run whose WebCrypto calls are replayed at once. */
  tls_paired_ms: number;
  tls_webcrypto_replayed_ms: number;
  /** tls_paired_ms − tls_webcrypto_replayed_ms: what the WebCrypto calls cost inside the runs. */
  tls_webcrypto_in_handshake_ms: number;
}

export async function benchTls(log: (line: string) => void): Promise<TlsFigures> {
  const first = await medianHandshake('1.2', 'first', FIRST_WARMUP);
  log(
    `tls: in-memory full handshake + HTTP exchange, both sides, first ${RUNS} runs after ${FIRST_WARMUP} warm-up runs: median ${first.toFixed(3)} ms`,
  );
  const handshake = await medianHandshake('1.2', 'steady', STEADY_WARMUP);
  log(
    `tls: in-memory full handshake + HTTP exchange, both sides, warm (after ${FIRST_WARMUP + RUNS + STEADY_WARMUP} runs): median ${handshake.toFixed(3)} ms over ${RUNS} runs`,
  );

  const { webCrypto, noble } = await primitivesOfOneHandshake();
  const webCryptoPrimitives = sumPrimitives(log, 'tls', webCrypto);
  const primitives = webCryptoPrimitives + sumPrimitives(log, 'tls', noble);
  log(`tls: sum of the handshake's crypto primitives: ${primitives.toFixed(3)} ms`);
  const replay = await replayWebCrypto('1.2');
  const webCryptoInHandshake = replay.asIsMs - replay.replayedMs;
  log(
    `tls: the same runs paired, as they are ${replay.asIsMs.toFixed(3)} ms and with WebCrypto replayed ${replay.replayedMs.toFixed(3)} ms: WebCrypto takes ${webCryptoInHandshake.toFixed(3)} ms inside the handshake against ${webCryptoPrimitives.toFixed(3)} ms call by call`,
  );
  const node = await nodeTlsHandshake({
    chainPem: DEMO_PKI.leaves.rsa.chainPem,
    keyPem: DEMO_PKI.leaves.rsa.keyPem,
    version: 'TLSv1.2',
    suite: suiteParams(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)!.openssl,
  });
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
    tls_webcrypto_primitives_ms: round(webCryptoPrimitives),
    tls_paired_ms: round(replay.asIsMs),
    tls_webcrypto_replayed_ms: round(replay.replayedMs),
    tls_webcrypto_in_handshake_ms: round(webCryptoInHandshake),
  };
}

/**
 * "Primitives" are the crypto operations one in-memory handshake performs, run back to back on
 * inputs of the real sizes, each timed as a median and multiplied by how often the handshake
 * performs it. The default run is ECDHE-RSA-AES128-GCM-SHA256 with x25519, rsa_pkcs1_sha256 (the
 * simulated server prefers it: tls-demo-config.ts), EMS, a session ticket, one GET and one 200:
 * - x25519 key generation (PKCS#8 import of the RNG's scalar) and shared secret, two of each;
 * - the RSA signature on ServerKeyExchange and its verification;
 * - the certificate chain's two signatures (leaf by intermediate, intermediate by root), through
 *   the same function the validator calls;
 * - the TLS PRF on each side: the extended master secret (48 bytes), the key block (40 bytes:
 *   two 16-byte keys and two 4-byte salts) and two verify_data (12 bytes each);
 * - the transcript hashes (each side hashes its transcript once as it grows, and reads that hash
 *   three times);
 * - AES-128-GCM, sealed: the two Finished, the session ticket's state, the GET, the 200 and two
 *   close_notify; opened: the two Finished, the GET, the 200 and one close_notify (the client has
 *   closed when the server's arrives, and ignores it: RFC 5246, Section 7.2.1).
 * Not included, because it is not crypto: encoding, decoding, certificate parsing, path building
 * and the Trace. Those are what the handshake ÷ primitives ratio measures. The first five are
 * WebCrypto's (in Node, OpenSSL's, some on its thread pool), the rest @noble's.
 */
async function primitivesOfOneHandshake() {
  const rng = new SeededRng('primitives');
  // The client random, the server random and the ECDHE parameters (RFC 5246, Section 7.4.3).
  const signed = rng.bytes(32 + 32 + 4 + 32);
  const publicKeyWork = await keyExchangeAndSignatures(
    rng,
    DEMO_PKI.leaves.rsa,
    SignatureScheme.rsa_pkcs1_sha256,
    { algorithm: 'RSA PKCS#1', message: 'ServerKeyExchange' },
    signed,
  );
  const preMaster = rng.bytes(32);
  const master = rng.bytes(48);
  const randoms = rng.bytes(64);
  const transcriptHash = rng.bytes(32);
  const transcript = rng.bytes(2600);
  const running = runningHash('sha256');
  running.update(transcript);

  return {
    webCrypto: publicKeyWork,
    noble: [
      syncPrimitive('TLS PRF, extended master secret', 2, () =>
        prf('sha256', preMaster, 'extended master secret', transcriptHash, 48),
      ),
      syncPrimitive('TLS PRF, key block', 2, () =>
        prf('sha256', master, 'key expansion', randoms, 40),
      ),
      syncPrimitive('TLS PRF, verify_data', 4, () =>
        prf('sha256', master, 'client finished', transcriptHash, 12),
      ),
      // Each side hashes its transcript once, message by message as it grows (transcript.ts), and
      // reads the hash so far three times: the session hash and two Finished messages.
      syncPrimitive('SHA-256 over the transcript', 2, () => hash('sha256', transcript)),
      syncPrimitive('SHA-256 of the transcript so far (running hash copied and finished)', 6, () =>
        running.digestSoFar(),
      ),
      // Plaintext sizes: Finished 16, the ticket's state 61, the GET 105, the 200 276,
      // close_notify 2. AAD: seq_num ‖ type ‖ version ‖ length (RFC 5246, Section 6.2.3.3).
      ...aes128GcmRecords(rng, 13, [16, 16, 61, 105, 276, 2, 2], [16, 16, 105, 276, 2]),
    ],
  };
}

/**
 * TLS 1.3 figures for `npm run bench`, beside the TLS 1.2 ones (bench-tls.ts): our in-memory
 * handshake with both sides on TLS 1.3, the crypto primitives it performs, and node:tls with
 * TLS 1.3 on loopback.
 */
import { hash, hmac, runningHash } from '../engine/crypto/hash';
import { SeededRng } from '../engine/sim/rng';
import { SignatureScheme } from '../engine/tls/enums';
import { DEMO_PKI } from '../engine/tls/pki/demo-pki';
import { hkdfExpandLabel, hkdfExtract } from '../engine/tls/tls13/key-schedule';
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

/** Untimed runs first, as many as the TLS 1.2 figure's warm one has (bench-tls.ts). */
const WARMUP = 85;

export interface Tls13Figures {
  tls13_handshake_ms: number;
  tls13_primitives_ms: number;
  tls13_vs_primitives: number;
  node_tls13_ms: number;
  tls13_vs_node_tls13: number;
}

export async function benchTls13(log: (line: string) => void): Promise<Tls13Figures> {
  const handshake = await medianHandshake('1.3', '1.3', WARMUP);
  log(
    `tls13: in-memory full TLS 1.3 handshake + HTTP exchange, both sides, warm (after ${WARMUP} runs): median ${handshake.toFixed(3)} ms over ${RUNS} runs`,
  );
  const primitives = sumPrimitives(log, 'tls13', await primitivesOfOneHandshake());
  log(`tls13: sum of the TLS 1.3 handshake's crypto primitives: ${primitives.toFixed(3)} ms`);
  const node = await nodeTlsHandshake({
    chainPem: DEMO_PKI.leaves.ecdsa.chainPem,
    keyPem: DEMO_PKI.leaves.ecdsa.keyPem,
    version: 'TLSv1.3',
  });
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
async function primitivesOfOneHandshake() {
  const rng = new SeededRng('primitives 1.3');
  // RFC 8446, Section 4.4.3: 64 spaces, the context string, a zero byte, the transcript hash.
  const signed = rng.bytes(64 + 33 + 1 + 32);
  const publicKeyWork = await keyExchangeAndSignatures(
    rng,
    DEMO_PKI.leaves.ecdsa,
    SignatureScheme.ecdsa_secp256r1_sha256,
    { algorithm: 'ECDSA P-256', message: 'CertificateVerify' },
    signed,
  );
  const secret = rng.bytes(32);
  const context = rng.bytes(32);
  const transcript = rng.bytes(2600);
  const running = runningHash('sha256');
  running.update(transcript);

  return [
    ...publicKeyWork,
    syncPrimitive('HKDF-Extract', 6, () => hkdfExtract('sha256', secret, context)),
    syncPrimitive('HKDF-Expand-Label, 32 bytes', 22, () =>
      hkdfExpandLabel('sha256', secret, 'c hs traffic', context, 32),
    ),
    syncPrimitive('HKDF-Expand-Label, key and IV', 16, () =>
      hkdfExpandLabel('sha256', secret, 'key', new Uint8Array(0), 16),
    ),
    syncPrimitive('HMAC-SHA-256 (Finished)', 4, () => hmac('sha256', secret, context)),
    syncPrimitive('SHA-256 of ""', 4, () => hash('sha256', new Uint8Array(0))),
    syncPrimitive('SHA-256 over the transcript', 2, () => hash('sha256', transcript)),
    syncPrimitive('SHA-256 of the transcript so far', 12, () => running.digestSoFar()),
    // Plaintext sizes, the inner content type included. AAD: the 5-byte record header
    // (RFC 8446, Section 5.2).
    ...aes128GcmRecords(
      rng,
      5,
      [3, 3, 26, 37, 37, 60, 79, 106, 123, 277, 1637],
      [3, 26, 37, 37, 79, 106, 123, 277, 1637],
    ),
  ];
}

/**
 * How a server chooses from what the client offered, with the reason in words. This is what
 * engineers come to see: why a suite was or wasn't negotiated.
 */
import { keyFamilyOf, rsaKeyLongEnoughFor, signatureSchemeFits } from '../crypto/signature';
import { parseCertificate } from './certificates/parse';
import { NamedGroup, cipherSuiteName, namedGroupName, signatureSchemeName } from './enums';
import type { ServerConfig, ServerCredential } from './config';
import { fail } from './errors';
import { curveGroupOfKeyType, groupName } from './groups';
import { suiteParams, type SuiteParams } from './suites';

export interface Choice {
  suite: SuiteParams;
  credential: ServerCredential;
  group: number;
  signatureScheme: number;
  /** One plain sentence on why this suite won. */
  reason: string;
}

/**
 * The values both sides list, in the order of whichever side's preference decides the suite.
 * OpenSSL orders shared groups (tls1_shared_group) and shared signature algorithms
 * (tls1_set_shared_sigalgs) by the same SSL_OP_CIPHER_SERVER_PREFERENCE switch.
 */
function shared(
  config: ServerConfig,
  ours: readonly number[],
  theirs: readonly number[],
): number[] {
  return config.preferServerOrder
    ? ours.filter((v) => theirs.includes(v))
    : theirs.filter((v) => ours.includes(v));
}

/**
 * The signature scheme for a credential, among those both sides list (RFC 5246, Section
 * 7.4.1.4.1): the first that fits the key's family, in the order `shared` gives, which is what
 * OpenSSL's tls_choose_sigalg does. An ECDSA scheme fits a key on any curve, since in TLS 1.2 its
 * name fixes only the hash (RFC 8422, Section 5.10; signature.ts): OpenSSL's server with a P-256
 * key, offered only ecdsa_secp384r1_sha384, signs with ECDSA P-256 and SHA-384. A client that
 * sends no signature_algorithms implies SHA-1, which we do not support, so it gets nothing.
 * An RSA key too short for a PSS scheme skips it, as OpenSSL's does (rsaKeyLongEnoughFor).
 */
function pickScheme(
  config: ServerConfig,
  clientSchemes: number[] | undefined,
  credential: ServerCredential,
): number | undefined {
  if (clientSchemes === undefined) return undefined;
  const bits = rsaModulusBits(credential);
  return shared(config, config.signatureSchemes, clientSchemes).find(
    (s) =>
      signatureSchemeFits(s, credential.keyType) &&
      (bits === undefined || rsaKeyLongEnoughFor(s, bits)),
  );
}

/** Leaf certificate → its RSA modulus size; parsed once per credential, not per handshake. */
const modulusBitsOfLeaf = new WeakMap<Uint8Array, number | undefined>();

/** The RSA modulus size of a credential's leaf; undefined when not RSA or not readable. */
function rsaModulusBits(credential: ServerCredential): number | undefined {
  const leaf = credential.chain[0];
  if (credential.keyType !== 'RSA' || !leaf) return undefined;
  if (!modulusBitsOfLeaf.has(leaf)) {
    let bits: number | undefined;
    try {
      const key = parseCertificate(leaf).publicKey;
      bits = key.kind === 'RSA' ? key.bits : undefined;
    } catch {
      // A leaf we cannot read has no size to check; signing will say what is wrong with the key.
      bits = undefined;
    }
    modulusBitsOfLeaf.set(leaf, bits);
  }
  return modulusBitsOfLeaf.get(leaf);
}

/**
 * RFC 8422, Section 4: with no supported_groups extension the server "is free to choose any" curve.
 * Such a client predates X25519 and most likely knows secp256r1, so that is taken when we have it,
 * as tlsfuzzer's test-x25519 expects.
 */
function pickGroup(config: ServerConfig, clientGroups: number[] | undefined): number | undefined {
  const candidates =
    clientGroups === undefined
      ? [NamedGroup.secp256r1, ...config.groups].filter((g) => config.groups.includes(g))
      : shared(config, config.groups, clientGroups);
  return candidates.find((g) => groupName(g) !== undefined);
}

export function chooseParameters(
  config: ServerConfig,
  offer: { cipherSuites: number[]; groups?: number[]; signatureSchemes?: number[] },
): Choice {
  const group = pickGroup(config, offer.groups);
  if (group === undefined) {
    fail({
      kind: 'no_shared_parameters',
      what: 'group',
      reason: `no shared ECDHE group: the client offered ${(offer.groups ?? []).map(namedGroupName).join(', ') || 'none'}; the server supports ${config.groups.map(namedGroupName).join(', ')}`,
    });
  }
  const order = config.preferServerOrder
    ? config.cipherSuites.filter((s) => offer.cipherSuites.includes(s))
    : offer.cipherSuites.filter((s) => config.cipherSuites.includes(s));
  const skipped: string[] = [];
  for (const id of order) {
    const suite = suiteParams(id);
    if (!suite) continue;
    const ofFamily = config.credentials.filter((c) => keyFamilyOf(c.keyType) === suite.auth);
    if (ofFamily.length === 0) {
      skipped.push(`${suite.name} (no ${suite.auth} certificate)`);
      continue;
    }
    // RFC 8422, Section 5.1: when the client sends supported_groups, the server must not pick an
    // ECC suite it cannot complete within those curves, and that includes the curve of its ECDSA
    // certificate (Section 5.3). OpenSSL's client aborts with "wrong curve" otherwise.
    const credential = ofFamily.find((c) => {
      const curve = curveGroupOfKeyType(c.keyType);
      return curve === undefined || offer.groups === undefined || offer.groups.includes(curve);
    });
    if (!credential) {
      const curves = ofFamily
        .map((c) => namedGroupName(curveGroupOfKeyType(c.keyType)!))
        .join(', ');
      skipped.push(
        `${suite.name} (the ECDSA certificate's curve, ${curves}, is not in the client's supported_groups)`,
      );
      continue;
    }
    const signatureScheme = pickScheme(config, offer.signatureSchemes, credential);
    if (signatureScheme === undefined) {
      skipped.push(`${suite.name} (no shared signature algorithm for its key)`);
      continue;
    }
    const whose = config.preferServerOrder
      ? 'its own preference list'
      : "the client's preference list";
    const reason =
      `The server picked ${suite.name} because it was the first suite in ${whose} that ` +
      `${config.preferServerOrder ? 'the client offered' : 'the server supports'}` +
      (skipped.length > 0 ? `, after passing over ${skipped.join('; ')}.` : '.');
    return { suite, credential, group, signatureScheme, reason };
  }
  fail({
    kind: 'no_shared_parameters',
    what: 'cipher suite',
    reason:
      `no cipher suite in common: the client offered ${offer.cipherSuites.map(cipherSuiteName).join(', ')}; ` +
      `the server supports ${config.cipherSuites.map(cipherSuiteName).join(', ')}` +
      (skipped.length > 0 ? ` (passed over: ${skipped.join('; ')})` : '') +
      (offer.signatureSchemes ? '' : '; the client sent no signature_algorithms'),
  });
}

export function describeSchemes(schemes: number[]): string {
  return schemes.map(signatureSchemeName).join(', ');
}

/**
 * How a server chooses from what the client offered, with the reason as a key and parameters.
 * This is what engineers come to see: why a suite was or wasn't negotiated.
 */
import { keyFamilyOf, rsaKeyLongEnoughFor, signatureSchemeFits } from '../crypto/signature';
import { parseCertificate } from './certificates/parse';
import {
  NamedGroup,
  cipherSuiteName,
  namedGroupName,
  signatureSchemeName,
  type CipherSuite,
} from './enums';
import type { ServerConfig, ServerCredential } from './config';
import { fail, PASSED_OVER_CLAUSE } from './errors';
import { curveGroupOfKeyType, groupName } from './groups';
import { suiteParams, type SuiteParams } from './suites';

export interface Choice {
  suite: SuiteParams;
  credential: ServerCredential;
  group: NamedGroup;
  signatureScheme: number;
  /** Why this suite won: whose preference list decided (the note key's last part). */
  order: 'server_order' | 'client_order';
  /** Suites passed over before it, by name. */
  passedOver: string[];
}

/** A suite passed over, and why, as a note key and its parameters. */
export interface PassedOver {
  key:
    | 'tls.server.passed_over.no_certificate'
    | 'tls.server.passed_over.curve_not_offered'
    | 'tls.server.passed_over.no_signature_scheme';
  params: { suite: string; auth?: string; curves?: readonly string[] };
}

/**
 * The values both sides list, in the order of whichever side's preference decides the suite.
 * OpenSSL orders shared groups (tls1_shared_group) and shared signature algorithms
 * (tls1_set_shared_sigalgs) by the same SSL_OP_CIPHER_SERVER_PREFERENCE switch.
 */
function shared<T extends number>(
  config: ServerConfig,
  ours: readonly T[],
  theirs: readonly T[],
): T[] {
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
function pickGroup(
  config: ServerConfig,
  clientGroups: NamedGroup[] | undefined,
): NamedGroup | undefined {
  const candidates =
    clientGroups === undefined
      ? [NamedGroup.secp256r1, ...config.groups].filter((g) => config.groups.includes(g))
      : shared(config, config.groups, clientGroups);
  return candidates.find((g) => groupName(g) !== undefined);
}

export function chooseParameters(
  config: ServerConfig,
  offer: { cipherSuites: CipherSuite[]; groups?: NamedGroup[]; signatureSchemes?: number[] },
  passOver: (skip: PassedOver) => void = () => {},
): Choice {
  const group = pickGroup(config, offer.groups);
  if (group === undefined) {
    fail({
      fault: 'peer_incompatible.no_shared_group',
      params: {
        offered: (offer.groups ?? []).map(namedGroupName),
        supported: config.groups.map(namedGroupName),
      },
    });
  }
  const order = config.preferServerOrder
    ? config.cipherSuites.filter((s) => offer.cipherSuites.includes(s))
    : offer.cipherSuites.filter((s) => config.cipherSuites.includes(s));
  const skipped: string[] = [];
  const skip = (s: PassedOver) => {
    skipped.push(s.params.suite);
    passOver(s);
  };
  for (const id of order) {
    const suite = suiteParams(id);
    if (!suite) continue;
    const ofFamily = config.credentials.filter((c) => keyFamilyOf(c.keyType) === suite.auth);
    if (ofFamily.length === 0) {
      skip({
        key: 'tls.server.passed_over.no_certificate',
        params: { suite: suite.name, auth: suite.auth },
      });
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
      const curves = ofFamily.map((c) => namedGroupName(curveGroupOfKeyType(c.keyType)!));
      skip({
        key: 'tls.server.passed_over.curve_not_offered',
        params: { suite: suite.name, curves },
      });
      continue;
    }
    const signatureScheme = pickScheme(config, offer.signatureSchemes, credential);
    if (signatureScheme === undefined) {
      skip({ key: 'tls.server.passed_over.no_signature_scheme', params: { suite: suite.name } });
      continue;
    }
    const order = config.preferServerOrder ? 'server_order' : 'client_order';
    return { suite, credential, group, signatureScheme, order, passedOver: skipped };
  }
  fail({
    fault: offer.signatureSchemes
      ? 'peer_incompatible.no_shared_cipher_suite'
      : 'peer_incompatible.no_shared_cipher_suite_no_sigalgs',
    params: {
      offered: offer.cipherSuites.map(cipherSuiteName),
      supported: config.cipherSuites.map(cipherSuiteName),
      passedOver: skipped,
      passedOverClause: skipped.length > 0 ? PASSED_OVER_CLAUSE : '',
    },
  });
}

export function describeSchemes(schemes: number[]): string {
  return schemes.map(signatureSchemeName).join(', ');
}

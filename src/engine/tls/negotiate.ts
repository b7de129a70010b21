/**
 * How a server chooses from what the client offered, with the reason in words. This is what
 * engineers come to see: why a suite was or wasn't negotiated.
 */
import {
  cipherSuiteName,
  namedGroupName,
  signatureSchemeName,
  NamedGroup,
  SignatureScheme,
} from './enums';
import type { ServerConfig, ServerCredential } from './config';
import { fail } from './errors';
import { groupName } from './groups';
import { suiteParams, type SuiteParams } from './suites';

export interface Choice {
  suite: SuiteParams;
  credential: ServerCredential;
  group: number;
  signatureScheme: number;
  /** One plain sentence on why this suite won. */
  reason: string;
}

const RSA_SCHEMES = new Set<number>([
  SignatureScheme.rsa_pkcs1_sha256,
  SignatureScheme.rsa_pkcs1_sha384,
  SignatureScheme.rsa_pss_rsae_sha256,
]);
const ECDSA_SCHEMES = new Set<number>([SignatureScheme.ecdsa_secp256r1_sha256]);

function schemeFits(scheme: number, keyType: ServerCredential['keyType']): boolean {
  return keyType === 'RSA' ? RSA_SCHEMES.has(scheme) : ECDSA_SCHEMES.has(scheme);
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
 * 7.4.1.4.1). A client that sends no signature_algorithms implies SHA-1, which we do not support,
 * so it gets nothing.
 */
function pickScheme(
  config: ServerConfig,
  clientSchemes: number[] | undefined,
  keyType: ServerCredential['keyType'],
): number | undefined {
  if (clientSchemes === undefined) return undefined;
  return shared(config, config.signatureSchemes, clientSchemes).find((s) => schemeFits(s, keyType));
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
    const keyType = suite.auth === 'RSA' ? 'RSA' : 'ECDSA_P256';
    const credential = config.credentials.find((c) => c.keyType === keyType);
    if (!credential) {
      skipped.push(`${suite.name} (no ${keyType === 'RSA' ? 'RSA' : 'ECDSA'} certificate)`);
      continue;
    }
    // RFC 8422, Section 5.1: when the client sends supported_groups, the server must not pick an
    // ECC suite it cannot complete within those curves, and that includes the curve of its ECDSA
    // certificate (Section 5.3). OpenSSL's client aborts with "wrong curve" otherwise.
    if (
      credential.keyType === 'ECDSA_P256' &&
      offer.groups !== undefined &&
      !offer.groups.includes(NamedGroup.secp256r1)
    ) {
      skipped.push(
        `${suite.name} (the ECDSA certificate's curve, secp256r1, is not in the client's supported_groups)`,
      );
      continue;
    }
    const signatureScheme = pickScheme(config, offer.signatureSchemes, keyType);
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

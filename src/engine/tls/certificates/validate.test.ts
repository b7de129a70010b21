/** validateChain against the demo PKI: the good chains, and each negative case it ships. */
import { ALERT_FOR_FAULT } from '../errors';
import type { CertificateError } from './errors';
import { faultText, stepText } from '../../../i18n/tls-failure';
import { TLS_TEXT_KO } from '../../../i18n/tls.ko';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_EPOCH_MS } from '../../sim/clock';
import { DEMO_PKI } from '../pki/demo-pki';
import { pemToDerList } from './pem';
import { validateChain, type ChainResult } from './validate';

const { root, intermediate, leaves, rogue } = DEMO_PKI;
const certs = (...pems: string[]): Uint8Array[] => pems.flatMap((p) => pemToDerList(p));
const ROOT_ANCHOR = certs(root.certPem);

function validate(
  chain: Uint8Array[],
  hostname: string,
  options: { now?: number; trustAnchors?: Uint8Array[] } = {},
): Promise<ChainResult> {
  return validateChain(chain, {
    hostname,
    now: options.now ?? DEMO_EPOCH_MS,
    trustAnchors: options.trustAnchors ?? ROOT_ANCHOR,
  });
}

async function expectFailure(result: Promise<ChainResult>) {
  const settled = await result;
  if (settled.ok) throw new Error('expected the chain to be refused');
  const failed = settled.steps.filter((s) => !s.ok);
  expect(failed).toHaveLength(1);
  expect(settled.steps[settled.steps.length - 1]).toBe(failed[0]);
  return settled;
}

async function expectSuccess(result: Promise<ChainResult>) {
  const settled = await result;
  if (!settled.ok) throw new Error(`expected success, got ${faultText(settled.error)}`);
  expect(settled.steps.every((s) => s.ok)).toBe(true);
  return settled;
}

/** A refusal as a person reads it: the kind, the alert it ends in and the English sentence. */
function view(error: CertificateError) {
  return { kind: error.kind, alert: ALERT_FOR_FAULT[error.fault], sentence: faultText(error) };
}

describe('validateChain: the good demo chains', () => {
  it('accepts the RSA chain for www.example.com and records every check in order', async () => {
    const result = await expectSuccess(validate(certs(leaves.rsa.chainPem), 'www.example.com'));
    expect(result.leafKeyType).toBe('RSA');
    expect(result.leaf.subject).toBe('O=Wirestep Demo, CN=www.example.com');
    expect(result.chain.map((c) => c.subject)).toEqual([
      'O=Wirestep Demo, CN=www.example.com',
      'O=Wirestep Demo, CN=Wirestep Demo Intermediate CA',
      'O=Wirestep Demo, CN=Wirestep Demo Root CA',
    ]);
    const spki = new X509Certificate(leaves.rsa.certPem).publicKey.export({
      type: 'spki',
      format: 'der',
    });
    expect(result.leafSpki).toEqual(new Uint8Array(spki));
    expect(result.steps.map((s) => `${s.check} ${s.subject}`)).toEqual([
      'parse www.example.com',
      'parse Wirestep Demo Intermediate CA',
      'issuer www.example.com',
      'signature www.example.com',
      'issuer Wirestep Demo Intermediate CA',
      'signature Wirestep Demo Intermediate CA',
      'trust_anchor Wirestep Demo Root CA',
      'validity www.example.com',
      'validity Wirestep Demo Intermediate CA',
      'validity Wirestep Demo Root CA',
      'critical_extensions www.example.com',
      'critical_extensions Wirestep Demo Intermediate CA',
      'critical_extensions Wirestep Demo Root CA',
      'basic_constraints Wirestep Demo Intermediate CA',
      'path_length Wirestep Demo Intermediate CA',
      'key_usage Wirestep Demo Intermediate CA',
      'basic_constraints Wirestep Demo Root CA',
      'key_usage Wirestep Demo Root CA',
      'key_usage www.example.com',
      'extended_key_usage www.example.com',
      'hostname www.example.com',
    ]);
    expect(stepText(result.steps[3]!)).toBe(
      'The sha256WithRSAEncryption signature verifies with the public key of Wirestep Demo Intermediate CA.',
    );
    expect(stepText(result.steps[7]!)).toBe(
      'Valid 2025-01-01 00:00 UTC to 2035-01-01 00:00 UTC; it is now 2026-01-15 12:00 UTC.',
    );
    expect(stepText(result.steps[20]!)).toBe(
      'www.example.com matches the subjectAltName entry www.example.com.',
    );
  });

  it.each(['www.example.com', 'example.com', 'localhost', 'LOCALHOST.', '127.0.0.1'])(
    'accepts the RSA and the ECDSA chains for %s',
    async (host) => {
      const rsa = await expectSuccess(validate(certs(leaves.rsa.chainPem), host));
      const ecdsa = await expectSuccess(validate(certs(leaves.ecdsa.chainPem), host));
      expect(rsa.leafKeyType).toBe('RSA');
      expect(ecdsa.leafKeyType).toBe('ECDSA_P256');
      expect(ecdsa.leaf.curve).toBe('P-256');
    },
  );

  it.each(['a.example.org', 'www.example.org', 'example.org'])(
    'accepts the wildcard chain for %s',
    async (host) => {
      await expectSuccess(validate(certs(leaves.wildcard.chainPem), host));
    },
  );

  it('accepts the chain on the real date of this run (2026-11-23) and on its last valid ms', async () => {
    const chain = certs(leaves.rsa.chainPem);
    await expectSuccess(validate(chain, 'www.example.com', { now: Date.UTC(2026, 10, 23) }));
    // RFC 5280 §4.1.2.5: the period includes notAfter itself.
    await expectSuccess(validate(chain, 'www.example.com', { now: Date.UTC(2035, 0, 1) }));
    const after = await expectFailure(
      validate(chain, 'www.example.com', { now: Date.UTC(2035, 0, 1) + 1 }),
    );
    expect(after.error.kind).toBe('expired');
  });

  it('accepts the chain with the root included, and out of order', async () => {
    const withRoot = await expectSuccess(
      validate(certs(leaves.rsa.certPem, root.certPem, intermediate.certPem), 'example.com'),
    );
    expect(withRoot.chain).toHaveLength(3);
    expect(withRoot.chain[2]!.isCa).toBe(true);
  });

  it('accepts a self-signed leaf that is itself a trust anchor', async () => {
    const result = await expectSuccess(
      validate(certs(leaves.selfSigned.certPem), 'www.example.com', {
        trustAnchors: certs(leaves.selfSigned.certPem),
      }),
    );
    expect(result.chain).toHaveLength(1);
  });
});

describe('validateChain: the negative demo certificates', () => {
  it.each([
    {
      name: 'expired',
      chain: leaves.expired.chainPem,
      kind: 'expired',
      alert: 'certificate_expired',
      sentence:
        'The certificate for www.example.com expired on 2021-01-01 00:00 UTC; it is now 2026-01-15 12:00 UTC.',
    },
    {
      name: 'notYetValid',
      chain: leaves.notYetValid.chainPem,
      kind: 'not_yet_valid',
      alert: 'bad_certificate',
      sentence:
        'The certificate for www.example.com is not valid until 2040-01-01 00:00 UTC; it is now 2026-01-15 12:00 UTC.',
    },
    {
      name: 'wrongHost',
      chain: leaves.wrongHost.chainPem,
      kind: 'hostname_mismatch',
      alert: 'bad_certificate',
      sentence:
        'The certificate for www.example.net is not valid for www.example.com: it names only www.example.net.',
    },
    {
      name: 'selfSigned',
      chain: leaves.selfSigned.chainPem,
      kind: 'self_signed',
      alert: 'unknown_ca',
      sentence:
        'The certificate for www.example.com is self-signed: no certificate authority vouches for it, and it is not one of the trusted certificates.',
    },
    {
      name: 'noDigitalSignature',
      chain: leaves.noDigitalSignature.chainPem,
      kind: 'key_usage',
      alert: 'unsupported_certificate',
      sentence:
        'The certificate for www.example.com does not allow its key to make signatures (keyUsage lacks digitalSignature), and an ECDHE handshake needs the server to sign its key exchange.',
    },
    {
      name: 'rogue leaf + rogue root',
      chain: rogue.leaf.chainPem,
      kind: 'unknown_ca',
      alert: 'unknown_ca',
      sentence:
        'The chain ends at Rogue Attacker Root CA, a self-signed root that is not one of the trusted root certificates.',
    },
  ])('$name: $kind, alert $alert', async ({ chain, kind, alert, sentence }) => {
    const result = await expectFailure(validate(certs(chain), 'www.example.com'));
    expect(view(result.error)).toEqual({ kind, alert, sentence });
  });

  it('refuses the good chain for a host it does not name', async () => {
    const result = await expectFailure(validate(certs(leaves.rsa.chainPem), 'www.example.net'));
    expect(view(result.error)).toEqual({
      kind: 'hostname_mismatch',
      alert: 'bad_certificate',
      sentence:
        'The certificate for www.example.com is not valid for www.example.net: it names only www.example.com, example.com, localhost, and 127.0.0.1.',
    });
    expect(result.chain).toHaveLength(3);
  });

  it.each(['a.b.example.org', 'www.example.com', '127.0.0.1'])(
    'refuses the wildcard chain for %s',
    async (host) => {
      const result = await expectFailure(validate(certs(leaves.wildcard.chainPem), host));
      expect(result.error.kind).toBe('hostname_mismatch');
    },
  );

  it('refuses an IP address that only a DNS name spells', async () => {
    const result = await expectFailure(validate(certs(leaves.rsa.chainPem), '127.0.0.2'));
    expect(result.error.kind).toBe('hostname_mismatch');
  });

  it('refuses the good chain when only the rogue root is trusted', async () => {
    const result = await expectFailure(
      validate(certs(leaves.rsa.chainPem), 'www.example.com', {
        trustAnchors: certs(rogue.root.certPem),
      }),
    );
    expect(view(result.error)).toEqual({
      kind: 'unknown_ca',
      alert: 'unknown_ca',
      sentence:
        'Wirestep Demo Intermediate CA was issued by Wirestep Demo Root CA, which is not one of the trusted root certificates.',
    });
  });

  it('refuses the rogue leaf sent alone as a missing intermediate', async () => {
    const result = await expectFailure(validate(certs(rogue.leaf.certPem), 'www.example.com'));
    expect(result.error.kind).toBe('missing_intermediate');
  });

  it('refuses a leaf sent without its intermediate', async () => {
    const result = await expectFailure(validate(certs(leaves.rsa.certPem), 'www.example.com'));
    expect(view(result.error)).toEqual({
      kind: 'missing_intermediate',
      alert: 'unknown_ca',
      sentence:
        'The server sent the certificate for www.example.com without the certificate of its issuer, Wirestep Demo Intermediate CA, which is not a trusted root, so the chain cannot be completed.',
    });
    expect(result.chain.map((c) => c.subject)).toEqual(['O=Wirestep Demo, CN=www.example.com']);
  });

  it('refuses a leaf whose signature has one byte changed', async () => {
    const [leaf, issuer] = certs(leaves.rsa.chainPem) as [Uint8Array, Uint8Array];
    const tampered = leaf.slice();
    tampered[tampered.length - 1]! ^= 0x01;
    const result = await expectFailure(validate([tampered, issuer], 'www.example.com'));
    expect(view(result.error)).toEqual({
      kind: 'bad_signature',
      alert: 'bad_certificate',
      sentence:
        'The signature on the certificate for www.example.com does not verify with the key of its issuer, Wirestep Demo Intermediate CA: the certificate was altered or not issued by it.',
    });
    // The untampered chain still passes: the byte is what broke it.
    await expectSuccess(validate([leaf, issuer], 'www.example.com'));
  });

  it('refuses a self-signed leaf whose signature was altered', async () => {
    const [leaf] = certs(leaves.selfSigned.certPem) as [Uint8Array];
    const tampered = leaf.slice();
    tampered[tampered.length - 2]! ^= 0x80;
    const result = await expectFailure(validate([tampered], 'www.example.com'));
    expect(result.error.kind).toBe('bad_signature');
    expect(faultText(result.error)).toBe(
      'The certificate for www.example.com claims to be self-signed, but its signature does not verify with its own key.',
    );
  });

  it('checks the leaf first, then up the chain', async () => {
    // In 2041 the leaf (to 2035) and the intermediate (to 2040) have both expired.
    const result = await expectFailure(
      validate(certs(leaves.rsa.chainPem), 'www.example.com', { now: Date.UTC(2041, 0, 1) }),
    );
    expect(faultText(result.error)).toBe(
      'The certificate for www.example.com expired on 2035-01-01 00:00 UTC; it is now 2041-01-01 00:00 UTC.',
    );
  });
});

describe('validateChain: bytes that are not a certificate', () => {
  it('refuses an empty certificate list', async () => {
    const result = await validate([], 'www.example.com');
    expect({ ...result, error: !result.ok && view(result.error) }).toEqual({
      ok: false,
      error: {
        kind: 'empty',
        alert: 'decode_error',
        sentence: 'The server sent an empty certificate list, so there is no certificate to check.',
      },
      chain: [],
      steps: [],
    });
  });

  it('refuses garbage as malformed', async () => {
    const garbage = new TextEncoder().encode('this is not a certificate');
    const settled = await validate([garbage], 'www.example.com');
    if (settled.ok) throw new Error('expected failure');
    expect(settled.error.kind).toBe('malformed');
    expect(ALERT_FOR_FAULT[settled.error.fault]).toBe('decode_error');
    expect(faultText(settled.error)).toBe(
      'Certificate 1 of 1 that the server sent is not a valid DER X.509 certificate: it does not start with a DER SEQUENCE.',
    );
    expect(settled.steps).toEqual([
      {
        check: 'parse',
        ok: false,
        detail: 'cert.step.not_parsed',
        params: { index: 1, count: 1, cause: 'cert.parse.not_sequence' },
      },
    ]);
    expect(stepText(settled.steps[0]!)).toBe(
      'Certificate 1 of 1 cannot be decoded: it does not start with a DER SEQUENCE.',
    );
    expect(stepText(settled.steps[0]!, TLS_TEXT_KO)).toBe(
      '인증서 1개 중 1번째를 해석할 수 없습니다: DER SEQUENCE로 시작하지 않습니다.',
    );
  });

  it('refuses a truncated certificate, a trailing byte, and garbage in second place', async () => {
    const [leaf, issuer] = certs(leaves.rsa.chainPem) as [Uint8Array, Uint8Array];
    const truncated = await validate([leaf.slice(0, 200)], 'www.example.com');
    const trailing = await validate([new Uint8Array([...leaf, 0])], 'www.example.com');
    const second = await validate([leaf, issuer.slice(0, issuer.length - 1)], 'www.example.com');
    for (const result of [truncated, trailing, second]) {
      if (result.ok) throw new Error('expected failure');
      expect(result.error.kind).toBe('malformed');
    }
    if (second.ok) return;
    expect(faultText(second.error)).toMatch(/^Certificate 2 of 2 that the server sent is not/);
    expect(second.chain.map((c) => c.subject)).toEqual(['O=Wirestep Demo, CN=www.example.com']);
  });

  it('throws when a trust anchor is not a certificate: that is a caller bug', async () => {
    await expect(
      validate(certs(leaves.rsa.chainPem), 'www.example.com', {
        trustAnchors: [new Uint8Array([1, 2, 3])],
      }),
    ).rejects.toThrow(/trustAnchors\[0\] is not a certificate/);
  });
});

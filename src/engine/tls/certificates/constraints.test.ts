/**
 * The RFC 5280 rules the demo PKI has no ready-made certificate for, on certificates made here
 * with @peculiar/x509 and the demo CA keys: CA flags, path length, key usage of issuers,
 * extKeyUsage, unknown critical extensions, key identifiers, and anchors matched by key.
 */
import { faultText, stepText } from '../../../i18n/tls-failure';
import { ALERT_FOR_FAULT } from '../errors';
import type { CertificateError } from './errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EPOCH_MS } from '../../sim/clock';
import { DEMO_PKI } from '../pki/demo-pki';
import { pemToDerList } from './pem';
import { validateChain, type ChainResult } from './validate';
import { x509 } from './x509';

const RSA: RsaHashedImportParams & RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
};

interface Authority {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

/** The demo CA keys are in pem/ only: the app does not ship them. */
const caKeyPem = (file: string): string =>
  readFileSync(join(import.meta.dirname, '../pki/pem', `${file}.key.pem`), 'utf8');

async function demoAuthority(certificate: { certPem: string }, keyPem: string): Promise<Authority> {
  const cert = new x509.X509Certificate(certificate.certPem);
  const privateKey = await crypto.subtle.importKey(
    'pkcs8',
    pemToDerList(keyPem, 'PRIVATE KEY')[0]!,
    RSA,
    false,
    ['sign'],
  );
  return { cert, keys: { privateKey, publicKey: await cert.publicKey.export() } };
}

/** A fresh RSA key pair once for the whole file: generating one per certificate is slow. */
let sharedKeys: CryptoKeyPair;

async function craft(options: {
  commonName: string;
  issuer?: Authority;
  extensions: x509.Extension[];
  keys?: CryptoKeyPair;
  withKeyIds?: boolean;
  serialNumber?: string;
}): Promise<Authority> {
  const keys = options.keys ?? sharedKeys;
  const name: x509.JsonName = [{ O: ['Wirestep Demo'] }, { CN: [options.commonName] }];
  const extensions = [...options.extensions];
  if (options.withKeyIds !== false) {
    extensions.push(await x509.SubjectKeyIdentifierExtension.create(keys.publicKey));
    if (options.issuer) {
      extensions.push(
        await x509.AuthorityKeyIdentifierExtension.create(options.issuer.keys.publicKey),
      );
    }
  }
  const common = {
    serialNumber: options.serialNumber ?? '0a0b0c',
    notBefore: new Date(Date.UTC(2025, 0, 1)),
    notAfter: new Date(Date.UTC(2035, 0, 1)),
    extensions,
  };
  const cert = options.issuer
    ? await x509.X509CertificateGenerator.create({
        ...common,
        subject: name,
        issuer: options.issuer.cert.subjectName,
        publicKey: keys.publicKey,
        signingKey: options.issuer.keys.privateKey,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name, keys });
  return { cert, keys };
}

const der = (a: Authority): Uint8Array => new Uint8Array(a.cert.rawData);
const serverLeaf = (names = ['www.example.com']): x509.Extension[] => [
  new x509.BasicConstraintsExtension(false, undefined, true),
  new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
  new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
  new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: 'dns' as const, value }))),
];
const caExtensions = (pathLength?: number): x509.Extension[] => [
  new x509.BasicConstraintsExtension(true, pathLength, true),
  new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
];

let root: Authority;
let intermediate: Authority;
let rsaLeaf: Authority;
const ROOT_ANCHOR = pemToDerList(DEMO_PKI.root.certPem);
const INTERMEDIATE = pemToDerList(DEMO_PKI.intermediate.certPem)[0]!;

beforeAll(async () => {
  sharedKeys = (await crypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  root = await demoAuthority(DEMO_PKI.root, caKeyPem('root'));
  intermediate = await demoAuthority(DEMO_PKI.intermediate, caKeyPem('intermediate'));
  rsaLeaf = await demoAuthority(DEMO_PKI.leaves.rsa, DEMO_PKI.leaves.rsa.keyPem);
});

function validate(
  chain: Uint8Array[],
  hostname = 'www.example.com',
  trustAnchors: Uint8Array[] = ROOT_ANCHOR,
): Promise<ChainResult> {
  return validateChain(chain, { hostname, now: DEMO_EPOCH_MS, trustAnchors });
}

async function refused(result: Promise<ChainResult>) {
  const settled = await result;
  if (settled.ok) throw new Error('expected the chain to be refused');
  return settled;
}

/** A refusal as a person reads it: the kind, the alert it ends in and the English sentence. */
function view(error: CertificateError) {
  return { kind: error.kind, alert: ALERT_FOR_FAULT[error.fault], sentence: faultText(error) };
}

describe('issuers must be CAs (RFC 5280 §4.2.1.9)', () => {
  it('refuses a certificate signed by a leaf', async () => {
    const forged = await craft({
      commonName: 'evil.example.com',
      issuer: rsaLeaf,
      extensions: serverLeaf(['evil.example.com']),
    });
    const chain = [der(forged), ...pemToDerList(DEMO_PKI.leaves.rsa.chainPem)];
    const result = await refused(validate(chain, 'evil.example.com'));
    expect(view(result.error)).toEqual({
      kind: 'not_a_ca',
      alert: 'unknown_ca',
      sentence:
        'www.example.com issued the certificate for evil.example.com, but it is not a certificate authority (its basicConstraints does not say CA), so it may not issue certificates.',
    });
    expect(result.steps.at(-1)!.check).toBe('basic_constraints');
  });

  it('refuses a CA below the intermediate, whose pathLenConstraint is 0', async () => {
    const subCa = await craft({
      commonName: 'Sub CA',
      issuer: intermediate,
      extensions: caExtensions(),
    });
    const leaf = await craft({
      commonName: 'www.example.com',
      issuer: subCa,
      extensions: serverLeaf(),
    });
    const result = await refused(validate([der(leaf), der(subCa), INTERMEDIATE]));
    expect(view(result.error)).toEqual({
      kind: 'not_a_ca',
      alert: 'unknown_ca',
      sentence:
        'Wirestep Demo Intermediate CA may have at most 0 CA certificates below it (pathLenConstraint 0), but the chain has 1.',
    });
    expect(result.steps.at(-1)!.check).toBe('path_length');
  });

  it('accepts a CA below a root without pathLenConstraint', async () => {
    const subCa = await craft({ commonName: 'Sub CA', issuer: root, extensions: caExtensions(0) });
    const leaf = await craft({
      commonName: 'www.example.com',
      issuer: subCa,
      extensions: serverLeaf(),
    });
    const result = await validate([der(leaf), der(subCa)]);
    expect(result.ok).toBe(true);
  });
});

describe('key usage (RFC 5280 §4.2.1.3, §4.2.1.12)', () => {
  it('refuses an issuer whose keyUsage lacks keyCertSign', async () => {
    const noCertSign = await craft({
      commonName: 'CRL-only Root',
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.cRLSign, true),
      ],
    });
    const leafKeys = (await crypto.subtle.generateKey(RSA, true, ['sign'])) as CryptoKeyPair;
    const leaf = await craft({
      commonName: 'www.example.com',
      issuer: noCertSign,
      extensions: serverLeaf(),
      keys: leafKeys,
    });
    const result = await refused(validate([der(leaf)], 'www.example.com', [der(noCertSign)]));
    expect(view(result.error)).toEqual({
      kind: 'key_usage',
      alert: 'unsupported_certificate',
      sentence:
        'CRL-only Root issued the certificate for www.example.com, but its keyUsage does not allow it to sign certificates (keyCertSign).',
    });
  });

  it('refuses a leaf whose extKeyUsage is clientAuth only', async () => {
    const leaf = await craft({
      commonName: 'www.example.com',
      issuer: intermediate,
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
        new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'www.example.com' }]),
      ],
    });
    const result = await refused(validate([der(leaf), INTERMEDIATE]));
    expect(view(result.error)).toEqual({
      kind: 'key_usage',
      alert: 'unsupported_certificate',
      sentence:
        'The certificate for www.example.com is not meant for TLS servers: its extKeyUsage does not include serverAuth.',
    });
  });

  it('accepts a leaf with neither keyUsage nor extKeyUsage: absent means unrestricted', async () => {
    const leaf = await craft({
      commonName: 'www.example.com',
      issuer: intermediate,
      extensions: [
        new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'www.example.com' }]),
      ],
    });
    const result = await validate([der(leaf), INTERMEDIATE]);
    if (!result.ok) throw new Error(faultText(result.error));
    expect(
      stepText(
        result.steps.find((s) => s.check === 'key_usage' && s.subject === 'www.example.com')!,
      ),
    ).toBe('No keyUsage extension, so signing is not restricted.');
  });
});

describe('extensions and names', () => {
  it('refuses a critical extension it does not understand (RFC 5280 §4.2)', async () => {
    const leaf = await craft({
      commonName: 'www.example.com',
      issuer: intermediate,
      extensions: [
        ...serverLeaf(),
        new x509.Extension('1.3.6.1.4.1.99999.1', true, new Uint8Array([5, 0])),
      ],
    });
    const result = await refused(validate([der(leaf), INTERMEDIATE]));
    expect(view(result.error)).toEqual({
      kind: 'unhandled_critical_extension',
      alert: 'unsupported_certificate',
      sentence:
        'The certificate for www.example.com has a critical extension (1.3.6.1.4.1.99999.1) that this client does not understand, so it must be refused.',
    });
  });

  it('ignores a non-critical extension it does not understand', async () => {
    const leaf = await craft({
      commonName: 'www.example.com',
      issuer: intermediate,
      extensions: [
        ...serverLeaf(),
        new x509.Extension('1.3.6.1.4.1.99999.1', false, new Uint8Array([5, 0])),
      ],
    });
    expect((await validate([der(leaf), INTERMEDIATE])).ok).toBe(true);
  });

  it('refuses a certificate with the same extension twice as malformed', async () => {
    const leaf = await craft({
      commonName: 'www.example.com',
      issuer: intermediate,
      extensions: [
        ...serverLeaf(),
        new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'other.example.com' }]),
      ],
    });
    const result = await refused(validate([der(leaf), INTERMEDIATE]));
    expect(result.error.kind).toBe('malformed');
    expect(faultText(result.error)).toBe(
      'Certificate 1 of 2 that the server sent is not a valid DER X.509 certificate: it has the extension 2.5.29.17 twice.',
    );
  });

  it('does not fall back to the common name when there is no subjectAltName', async () => {
    const leaf = await craft({
      commonName: 'www.example.com',
      issuer: intermediate,
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
    });
    const result = await refused(validate([der(leaf), INTERMEDIATE]));
    expect(view(result.error)).toEqual({
      kind: 'hostname_mismatch',
      alert: 'bad_certificate',
      sentence:
        'The certificate for www.example.com is not valid for www.example.com: it has no subjectAltName, and the common name is not used to match hosts.',
    });
  });
});

describe('finding issuers and anchors', () => {
  it('follows the authority key identifier: a name match with another key id is no issuer', async () => {
    const otherKeys = (await crypto.subtle.generateKey(RSA, true, ['sign'])) as CryptoKeyPair;
    // Signed by the intermediate, but claiming the key id of some other key of the same name.
    const leaf = await craft({
      commonName: 'www.example.com',
      issuer: intermediate,
      withKeyIds: false,
      extensions: [
        ...serverLeaf(),
        await x509.AuthorityKeyIdentifierExtension.create(otherKeys.publicKey),
      ],
    });
    const result = await refused(validate([der(leaf), INTERMEDIATE]));
    expect(result.error.kind).toBe('missing_intermediate');
  });

  it('chains by name alone when there are no key identifiers', async () => {
    const leaf = await craft({
      commonName: 'www.example.com',
      issuer: intermediate,
      withKeyIds: false,
      extensions: serverLeaf(),
    });
    expect((await validate([der(leaf), INTERMEDIATE])).ok).toBe(true);
  });

  it('trusts a re-issued root with the same name and key as an anchor', async () => {
    // Same subject and key as the demo root, other serial and bytes.
    const reissued = await craft({
      commonName: 'Wirestep Demo Root CA',
      keys: root.keys,
      serialNumber: '7777',
      extensions: caExtensions(),
    });
    expect(der(reissued)).not.toEqual(ROOT_ANCHOR[0]);
    const chain = pemToDerList(DEMO_PKI.leaves.rsa.chainPem);
    const result = await validate(chain, 'www.example.com', [der(reissued)]);
    if (!result.ok) throw new Error(faultText(result.error));
    expect(result.chain[2]!.serialHex).toBe('7777');
  });

  it('does not trust a root of the same name with another key', async () => {
    const impostor = await craft({
      commonName: 'Wirestep Demo Root CA',
      extensions: caExtensions(),
    });
    const chain = pemToDerList(DEMO_PKI.leaves.rsa.chainPem);
    const result = await refused(validate(chain, 'www.example.com', [der(impostor)]));
    expect(result.error.kind).toBe('unknown_ca');
  });
});

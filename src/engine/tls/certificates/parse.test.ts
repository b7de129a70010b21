/**
 * parse.ts reads certificates with @peculiar/asn1-x509 alone. These tests hold it to what
 * @peculiar/x509 (which the engine used before, and which the PKI script still uses) reads from
 * the same bytes, field by field, and check the signed bytes and the signature checks against
 * node:crypto: for every demo certificate, and for certificates made here with the algorithms,
 * names and extensions the demo PKI does not have (ECDSA and RSA-PSS issuers among them).
 */
import { faultText, stepText } from '../../../i18n/tls-failure';
import { constants, X509Certificate, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  Name,
  RelativeDistinguishedName,
  SubjectPublicKeyInfo,
} from '@peculiar/asn1-x509';
import { toHex } from '../../bytes/hex';
import { DEMO_EPOCH_MS } from '../../sim/clock';
import { DEMO_PKI } from '../pki/demo-pki';
import { parseCertificate, type ParsedCertificate } from './parse';
import { pemToDerList } from './pem';
import { summarizeParsed } from './summary';
import { validateChain } from './validate';
import { x509 } from './x509';

/** The fields parse.ts reads, as @peculiar/x509 reads them: a second reader to compare with. */
function fieldsByX509(der: Uint8Array<ArrayBuffer>) {
  const cert = new x509.X509Certificate(der);
  const ext = <T extends x509.Extension>(type: new (raw: BufferSource) => T): T | null =>
    cert.getExtension(type as never) as T | null;
  const basic = ext(x509.BasicConstraintsExtension);
  const keyUsage = ext(x509.KeyUsagesExtension);
  const eku = ext(x509.ExtendedKeyUsageExtension);
  const san = ext(x509.SubjectAlternativeNameExtension);
  const ski = ext(x509.SubjectKeyIdentifierExtension);
  const aki = ext(x509.AuthorityKeyIdentifierExtension);
  const lastCn = (name: x509.Name, fallback: string): string =>
    name.getField('CN').at(-1) ?? fallback;
  const key = cert.publicKey.algorithm as Algorithm & {
    modulusLength?: number;
    namedCurve?: string;
  };
  return {
    // The bytes X509Certificate.verify() checks (a private getter in its typings).
    tbs: new Uint8Array((cert as unknown as { tbs: ArrayBuffer }).tbs),
    signatureValue: new Uint8Array(cert.signature),
    serialHex: cert.serialNumber.toUpperCase(),
    label: lastCn(cert.subjectName, cert.subject),
    issuerLabel: lastCn(cert.issuerName, cert.issuer),
    subject: cert.subject,
    issuer: cert.issuer,
    subjectDer: new Uint8Array(cert.subjectName.toArrayBuffer()),
    issuerDer: new Uint8Array(cert.issuerName.toArrayBuffer()),
    notBefore: cert.notBefore.getTime(),
    notAfter: cert.notAfter.getTime(),
    spki: new Uint8Array(cert.publicKey.rawData),
    // The key's kind as the library's WebCrypto algorithm name gives it.
    keyKind:
      key.name === 'RSASSA-PKCS1-v1_5' || key.name === 'RSA-PSS'
        ? 'RSA'
        : key.name === 'ECDSA'
          ? 'EC'
          : key.name === 'Ed25519'
            ? 'Ed25519'
            : 'other',
    pss: key.name.startsWith('RSA') ? key.name === 'RSA-PSS' : undefined,
    keyBits: key.modulusLength,
    curve: key.namedCurve,
    basicConstraints: basic
      ? basic.pathLength === undefined
        ? { ca: basic.ca }
        : { ca: basic.ca, pathLen: basic.pathLength }
      : null,
    keyUsage: keyUsage ? keyUsage.usages : null,
    extKeyUsage: eku ? eku.usages.map(String) : null,
    san: san
      ? {
          dns: san.names.items.filter((n) => n.type === 'dns').map((n) => n.value),
          ip: san.names.items.filter((n) => n.type === 'ip').map((n) => n.value),
        }
      : null,
    subjectKeyId: ski ? ski.keyId.toLowerCase() : null,
    authorityKeyId: aki?.keyId ? aki.keyId.toLowerCase() : null,
    criticalExtensions: cert.extensions.filter((e) => e.critical).map((e) => e.type),
  };
}

function fieldsByParse(parsed: ParsedCertificate) {
  const key = parsed.publicKey;
  return {
    tbs: parsed.tbs,
    signatureValue: parsed.signatureValue,
    serialHex: parsed.serialHex,
    label: parsed.label,
    issuerLabel: parsed.issuerLabel,
    subject: parsed.subject,
    issuer: parsed.issuer,
    subjectDer: parsed.subjectDer,
    issuerDer: parsed.issuerDer,
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    spki: parsed.spki,
    keyKind: key.kind,
    pss: key.kind === 'RSA' ? key.pss : undefined,
    keyBits: key.kind === 'RSA' ? key.bits : undefined,
    curve: key.kind === 'EC' ? key.curve : undefined,
    basicConstraints: parsed.basicConstraints,
    keyUsage: parsed.keyUsage,
    extKeyUsage: parsed.extKeyUsage,
    san: parsed.san,
    subjectKeyId: parsed.subjectKeyId,
    authorityKeyId: parsed.authorityKeyId,
    criticalExtensions: parsed.criticalExtensions,
  };
}

/** The certificate's signature checked by OpenSSL through node:crypto, over parse.ts's TBS bytes. */
function nodeVerifiesTbs(parsed: ParsedCertificate, issuerKey: KeyObject): boolean {
  const name = parsed.signatureAlgorithm;
  if (name === 'ED25519') return nodeVerify(null, parsed.tbs, issuerKey, parsed.signatureValue);
  if (name === 'rsassaPss') {
    return nodeVerify(
      'sha256',
      parsed.tbs,
      { key: issuerKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
      parsed.signatureValue,
    );
  }
  const digest = ['sha256', 'sha384', 'sha512'].find((h) => name.toLowerCase().includes(h))!;
  return nodeVerify(digest, parsed.tbs, issuerKey, parsed.signatureValue);
}

const DEMO: [string, string, string][] = [
  ['root', DEMO_PKI.root.certPem, DEMO_PKI.root.certPem],
  ['intermediate', DEMO_PKI.intermediate.certPem, DEMO_PKI.root.certPem],
  ...Object.entries(DEMO_PKI.leaves).map(([name, leaf]): [string, string, string] => [
    name,
    leaf.certPem,
    name === 'selfSigned' ? leaf.certPem : DEMO_PKI.intermediate.certPem,
  ]),
  ['rogue root', DEMO_PKI.rogue.root.certPem, DEMO_PKI.rogue.root.certPem],
  ['rogue leaf', DEMO_PKI.rogue.leaf.certPem, DEMO_PKI.rogue.root.certPem],
];

const derOf = (pem: string): Uint8Array<ArrayBuffer> => Uint8Array.from(pemToDerList(pem)[0]!);

describe('parseCertificate on the demo PKI', () => {
  it.each(DEMO)('reads %s exactly as @peculiar/x509 does', (_name, pem) => {
    const der = derOf(pem);
    expect(fieldsByParse(parseCertificate(der))).toEqual(fieldsByX509(der));
  });

  it.each(DEMO)('gives the exact signed bytes of %s: node:crypto verifies them', (_n, pem, by) => {
    const parsed = parseCertificate(derOf(pem));
    expect(nodeVerifiesTbs(parsed, new X509Certificate(by).publicKey)).toBe(true);
    // And the TBS is a slice of the certificate itself, starting after the outer header.
    const at = toHex(parsed.der).indexOf(toHex(parsed.tbs));
    expect(at).toBe(2 * 4);
  });
});

describe('parseCertificate remembers parses', () => {
  it.each(DEMO)(
    'of %s by content, never taking other bytes of the same length for them',
    (_n, pem) => {
      const der = derOf(pem);
      const first = parseCertificate(der);
      // The same bytes in another array: the parse made before.
      expect(parseCertificate(der.slice())).toBe(first);
      // The last byte of the signature changed: another certificate, read afresh.
      const other = der.slice();
      other[other.length - 1] ^= 0x01;
      const parsed = parseCertificate(other);
      expect(parsed).not.toBe(first);
      expect(toHex(parsed.der)).toBe(toHex(other));
      expect(toHex(parsed.signatureValue)).not.toBe(toHex(first.signatureValue));
      // And the original is still itself, whichever was read last.
      expect(toHex(parseCertificate(der).der)).toBe(toHex(der));
      // A summary is a copy each time, with the same content.
      expect(summarizeParsed(first)).not.toBe(summarizeParsed(first));
      expect(summarizeParsed(first)).toEqual(summarizeParsed(first));
    },
  );
});

describe('parseCertificate on certificates the demo PKI does not have', () => {
  const NOW = DEMO_EPOCH_MS;
  const serverExtensions = (names: x509.JsonGeneralNames): x509.Extension[] => [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension(names),
  ];
  const caExtensions = (): x509.Extension[] => [
    new x509.BasicConstraintsExtension(true, 1, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  ];
  const period = {
    notBefore: new Date(Date.UTC(2025, 0, 1)),
    notAfter: new Date(Date.UTC(2050, 5, 1)),
  };

  interface Issued {
    der: Uint8Array<ArrayBuffer>;
    cert: x509.X509Certificate;
    keys: CryptoKeyPair;
  }

  async function selfSigned(
    name: string,
    keys: CryptoKeyPair,
    signingAlgorithm: Algorithm & Record<string, unknown>,
  ): Promise<Issued> {
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name,
      keys,
      signingAlgorithm,
      extensions: [
        ...caExtensions(),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
      ...period,
    });
    return { der: new Uint8Array(cert.rawData), cert, keys };
  }

  async function issue(
    issuer: Issued,
    subject: string | x509.Name,
    keys: CryptoKeyPair,
    signingAlgorithm: Algorithm & Record<string, unknown>,
    extensions: x509.Extension[],
    publicKey: CryptoKey | x509.PublicKey = keys.publicKey,
  ): Promise<Issued> {
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: '00ff0102',
      subject,
      issuer: issuer.cert.subjectName,
      publicKey,
      signingKey: issuer.keys.privateKey,
      signingAlgorithm,
      extensions: [
        ...extensions,
        await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
      ],
      ...period,
    });
    return { der: new Uint8Array(cert.rawData), cert, keys };
  }

  const ec = (namedCurve: string) =>
    crypto.subtle.generateKey({ name: 'ECDSA', namedCurve }, true, [
      'sign',
      'verify',
    ]) as Promise<CryptoKeyPair>;
  const rsa = (name: 'RSASSA-PKCS1-v1_5' | 'RSA-PSS', hash: string) =>
    crypto.subtle.generateKey(
      { name, hash, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
      true,
      ['sign', 'verify'],
    ) as Promise<CryptoKeyPair>;

  let p256Root: Issued;
  let p384Root: Issued;
  let pssRoot: Issued;
  let rsaRoot: Issued;
  let ed25519Root: Issued;
  let leafKeys: CryptoKeyPair;

  beforeAll(async () => {
    leafKeys = await ec('P-256');
    p256Root = await selfSigned('CN=P-256 Root', await ec('P-256'), {
      name: 'ECDSA',
      hash: 'SHA-256',
    });
    p384Root = await selfSigned('CN=P-384 Root', await ec('P-384'), {
      name: 'ECDSA',
      hash: 'SHA-384',
    });
    pssRoot = await selfSigned('CN=PSS Root', await rsa('RSA-PSS', 'SHA-256'), {
      name: 'RSA-PSS',
      hash: 'SHA-256',
      saltLength: 32,
    });
    rsaRoot = await selfSigned('CN=RSA-512 Root', await rsa('RSASSA-PKCS1-v1_5', 'SHA-512'), {
      name: 'RSASSA-PKCS1-v1_5',
      hash: 'SHA-512',
    });
    const edKeys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    ed25519Root = await selfSigned('CN=Ed25519 Root', edKeys, { name: 'Ed25519' });
  });

  const roots = (): [string, () => Issued, Algorithm & Record<string, unknown>, string][] => [
    ['ECDSA P-256', () => p256Root, { name: 'ECDSA', hash: 'SHA-256' }, 'ecdsa-with-SHA256'],
    ['ECDSA P-384', () => p384Root, { name: 'ECDSA', hash: 'SHA-384' }, 'ecdsa-with-SHA384'],
    [
      'RSASSA-PSS',
      () => pssRoot,
      { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 },
      'rsassaPss',
    ],
    [
      'RSA SHA-512',
      () => rsaRoot,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
      'sha512WithRSAEncryption',
    ],
    ['Ed25519', () => ed25519Root, { name: 'Ed25519' }, 'ED25519'],
  ];

  it.each(roots())(
    'verifies a leaf signed by the %s root, as node:crypto does',
    async (_n, root, alg, name) => {
      const leaf = await issue(
        root(),
        'CN=www.example.com',
        leafKeys,
        alg,
        serverExtensions([{ type: 'dns', value: 'www.example.com' }]),
      );
      const parsed = parseCertificate(leaf.der);
      expect(parsed.signatureAlgorithm).toBe(name);
      expect(fieldsByParse(parsed)).toEqual(fieldsByX509(leaf.der));
      expect(parseCertificate(root().der).signatureAlgorithm).toBe(name);
      // 00ff0102: the leading zero only keeps the INTEGER positive.
      expect(summarizeParsed(parsed).serialHex).toBe(new X509Certificate(leaf.der).serialNumber);
      expect(new X509Certificate(leaf.der).verify(new X509Certificate(root().der).publicKey)).toBe(
        true,
      );
      expect(nodeVerifiesTbs(parsed, new X509Certificate(root().der).publicKey)).toBe(true);

      const result = await validateChain([leaf.der], {
        hostname: 'www.example.com',
        now: NOW,
        trustAnchors: [root().der],
      });
      expect(result.ok ? 'ok' : faultText(result.error)).toBe('ok');
      expect(result.steps.filter((s) => s.check === 'signature').map((s) => stepText(s))).toEqual([
        `The ${name} signature verifies with the public key of ${root().cert.subjectName.getField('CN')[0]}.`,
      ]);
    },
  );

  it.each(roots())('refuses an altered %s signature', async (_n, root, alg) => {
    const leaf = await issue(
      root(),
      'CN=www.example.com',
      leafKeys,
      alg,
      serverExtensions([{ type: 'dns', value: 'www.example.com' }]),
    );
    // Flip one bit of the signature, well inside the BIT STRING.
    const tampered = new Uint8Array(leaf.der);
    tampered[tampered.length - 10]! ^= 0x01;
    const result = await validateChain([tampered], {
      hostname: 'www.example.com',
      now: NOW,
      trustAnchors: [root().der],
    });
    expect(result.ok ? 'ok' : result.error.kind).toBe('bad_signature');
  });

  it('verifies a certificate signed by an id-RSASSA-PSS key (imported as rsaEncryption)', async () => {
    // The same RSA key, labelled id-RSASSA-PSS in its SubjectPublicKeyInfo (RFC 4055 §1.2).
    const spki = AsnConvert.parse(pssRoot.cert.publicKey.rawData, SubjectPublicKeyInfo);
    spki.algorithm = new AlgorithmIdentifier({ algorithm: '1.2.840.113549.1.1.10' });
    const pssLabelled = new x509.PublicKey(AsnConvert.serialize(spki));
    const pssKeyCa = await issue(
      pssRoot,
      'CN=PSS-key CA',
      pssRoot.keys,
      { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 },
      caExtensions(),
      pssLabelled,
    );
    const parsedCa = parseCertificate(pssKeyCa.der);
    expect(parsedCa.publicKey).toEqual({ kind: 'RSA', pss: true });
    expect(summarizeParsed(parsedCa).keyType).toBe('RSA');
    const leaf = await issue(
      pssKeyCa,
      'CN=www.example.com',
      leafKeys,
      { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 },
      serverExtensions([{ type: 'dns', value: 'www.example.com' }]),
    );
    expect(new X509Certificate(leaf.der).verify(new X509Certificate(pssKeyCa.der).publicKey)).toBe(
      true,
    );
    const result = await validateChain([leaf.der, pssKeyCa.der], {
      hostname: 'www.example.com',
      now: NOW,
      trustAnchors: [pssRoot.der],
    });
    expect(result.ok ? 'ok' : faultText(result.error)).toBe('ok');
  });

  it('renders names and SANs as @peculiar/x509 does: escapes, multi-valued RDNs, IPv6, other types', async () => {
    const rdn = (...values: [string, Partial<AttributeValue>][]) =>
      new RelativeDistinguishedName(
        values.map(
          ([type, value]) => new AttributeTypeAndValue({ type, value: new AttributeValue(value) }),
        ),
      );
    const subject = new Name([
      rdn(['2.5.4.6', { printableString: 'KR' }]),
      rdn(['2.5.4.10', { utf8String: 'Example, Inc.' }], ['2.5.4.11', { utf8String: 'Web' }]),
      rdn(['2.5.4.3', { utf8String: '#a "quoted" <name>; x\n\t ' }]),
      rdn(['2.5.4.3', { utf8String: 'www.example.com' }]),
      rdn(['1.2.840.113549.1.9.1', { ia5String: 'admin@example.com' }]),
      rdn(['1.3.6.1.4.1.99999.3', { anyValue: new Uint8Array([2, 1, 5]).buffer }]),
      rdn(['2.5.4.97', { utf8String: '서울 교실' }]),
    ]);
    const leaf = await issue(
      p256Root,
      new x509.Name(subject),
      leafKeys,
      { name: 'ECDSA', hash: 'SHA-256' },
      [
        ...serverExtensions([
          { type: 'dns', value: 'a.example.com' },
          { type: 'email', value: 'admin@example.com' },
          { type: 'ip', value: '2001:db8::1' },
          { type: 'url', value: 'https://example.com/' },
          { type: 'ip', value: '192.0.2.7' },
          { type: 'dns', value: '*.example.com' },
        ]),
        new x509.Extension('1.3.6.1.4.1.99999.1', false, new Uint8Array([5, 0])),
        new x509.Extension('1.3.6.1.4.1.99999.2', true, new Uint8Array([5, 0])),
      ],
    );
    const parsed = parseCertificate(leaf.der);
    expect(fieldsByParse(parsed)).toEqual(fieldsByX509(leaf.der));
    // Only the first control character is hex-escaped: @peculiar/x509's rendering, kept as is.
    expect(parsed.subject).toBe(
      'C=KR, O=Example\\, Inc.+OU=Web, CN=\\#a \\"quoted\\" \\<name\\>\\; x\\0A\t\\ , ' +
        'CN=www.example.com, E=admin@example.com, 1.3.6.1.4.1.99999.3=#020105, 2.5.4.97=서울 교실',
    );
    expect(parsed.label).toBe('www.example.com');
    expect(parsed.san).toEqual({
      dns: ['a.example.com', '*.example.com'],
      ip: ['2001:db8::1', '192.0.2.7'],
    });
    expect(parsed.criticalExtensions).toEqual(['2.5.29.19', '2.5.29.15', '1.3.6.1.4.1.99999.2']);
  });
});

describe('parseCertificate on damaged certificates', () => {
  it('fails where @peculiar/x509 fails, and reads the same fields where it does not', () => {
    // A fixed linear congruential sequence, so a failure names a reproducible case.
    let seed = 7;
    const next = (below: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return Math.floor((seed / 2 ** 32) * below);
    };
    const outcome = (read: () => unknown): unknown => {
      try {
        return read();
      } catch {
        return 'throws';
      }
    };
    for (let n = 0; n < 300; n++) {
      const der = new Uint8Array(derOf(DEMO[n % DEMO.length]![1]));
      // Inside the tbsCertificate, after the outer header: names, dates, key and extensions.
      for (let k = 0; k <= next(3); k++) der[4 + next(Math.min(der.length, 700) - 4)] = next(256);
      const ours = outcome(() => fieldsByParse(parseCertificate(der)));
      const theirs = outcome(() => fieldsByX509(der));
      expect(ours, `case ${n}: ${toHex(der)}`).toEqual(theirs);
    }
  });
});

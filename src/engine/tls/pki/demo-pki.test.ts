/**
 * The generated demo PKI is what types.ts and the design say it is, checked by two parsers
 * that are not ours: node:crypto's X509Certificate and the openssl command line.
 */
import { spawnSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_EPOCH_MS } from '../../sim/clock';
import { DEMO_PKI } from './demo-pki';
import type { DemoCertificate, DemoCredential } from './types';

const PEM_DIR = join(import.meta.dirname, 'pem');
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const { root, intermediate, leaves, rogue } = DEMO_PKI;

const cert = (c: DemoCertificate): X509Certificate => new X509Certificate(c.certPem);
const iso = (node: X509Certificate, field: 'validFrom' | 'validTo'): string =>
  new Date(node[field]).toISOString();

interface LeafClaim {
  credential: DemoCredential;
  issuer: DemoCertificate;
  key: 'rsa' | 'ec';
  from: string;
  to: string;
  hosts: string[];
  notHosts: string[];
  ip?: string;
}

const EXAMPLE_COM = ['www.example.com', 'example.com', 'localhost'];
const LEAF_CLAIMS: Record<string, LeafClaim> = {
  rsa: leafClaim(leaves.rsa, {}),
  ecdsa: leafClaim(leaves.ecdsa, { key: 'ec' }),
  wildcard: leafClaim(leaves.wildcard, {
    hosts: ['a.example.org', 'www.example.org', 'example.org'],
    notHosts: ['a.b.example.org', 'www.example.com'],
    ip: undefined,
  }),
  expired: leafClaim(leaves.expired, { from: '2020', to: '2021' }),
  notYetValid: leafClaim(leaves.notYetValid, { from: '2040', to: '2045' }),
  wrongHost: leafClaim(leaves.wrongHost, {
    hosts: ['www.example.net'],
    notHosts: ['www.example.com', 'example.com'],
    ip: undefined,
  }),
  selfSigned: leafClaim(leaves.selfSigned, { issuer: leaves.selfSigned }),
  noDigitalSignature: leafClaim(leaves.noDigitalSignature, {}),
  rogueLeaf: leafClaim(rogue.leaf, { issuer: rogue.root }),
};

function leafClaim(
  credential: DemoCredential,
  changes: Partial<Omit<LeafClaim, 'from' | 'to'>> & { from?: string; to?: string },
): LeafClaim {
  return {
    credential,
    issuer: intermediate,
    key: 'rsa',
    hosts: EXAMPLE_COM,
    notHosts: ['www.example.net', 'a.www.example.com'],
    ip: '127.0.0.1',
    ...changes,
    from: `${changes.from ?? '2025'}-01-01T00:00:00.000Z`,
    to: `${changes.to ?? '2035'}-01-01T00:00:00.000Z`,
  };
}

describe('demo PKI, read by node:crypto', () => {
  it('has a self-signed root CA valid 2025 to 2045', () => {
    const node = cert(root);
    expect(node.subject).toBe('O=Wirestep Demo\nCN=Wirestep Demo Root CA');
    expect(node.issuer).toBe(node.subject);
    expect(node.ca).toBe(true);
    expect(node.verify(node.publicKey)).toBe(true);
    expect(iso(node, 'validFrom')).toBe('2025-01-01T00:00:00.000Z');
    expect(iso(node, 'validTo')).toBe('2045-01-01T00:00:00.000Z');
    expect(node.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('has an intermediate CA signed by the root, valid 2025 to 2040', () => {
    const node = cert(intermediate);
    expect(node.subject).toBe('O=Wirestep Demo\nCN=Wirestep Demo Intermediate CA');
    expect(node.issuer).toBe(cert(root).subject);
    expect(node.ca).toBe(true);
    expect(node.verify(cert(root).publicKey)).toBe(true);
    expect(node.verify(node.publicKey)).toBe(false);
    expect(iso(node, 'validTo')).toBe('2040-01-01T00:00:00.000Z');
    expect(node.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('has a rogue root that is not the demo root', () => {
    const node = cert(rogue.root);
    expect(node.subject).toBe('O=Rogue Attacker\nCN=Rogue Attacker Root CA');
    expect(node.ca).toBe(true);
    expect(node.verify(node.publicKey)).toBe(true);
    expect(node.verify(cert(root).publicKey)).toBe(false);
  });

  it('pairs every certificate with its private key; the CA keys are in pem/ only', () => {
    const caKeyPem = (file: string): string =>
      readFileSync(join(PEM_DIR, `${file}.key.pem`), 'utf8');
    const all: [string, DemoCertificate, string][] = [
      ['root', root, caKeyPem('root')],
      ['intermediate', intermediate, caKeyPem('intermediate')],
      ['rogue.root', rogue.root, caKeyPem('rogue-root')],
      ...Object.entries(LEAF_CLAIMS).map(
        ([n, c]) => [n, c.credential, c.credential.keyPem] as [string, DemoCertificate, string],
      ),
    ];
    for (const [name, certificate, keyPem] of all) {
      const key = createPrivateKey(keyPem);
      expect(key.type, name).toBe('private');
      expect(cert(certificate).checkPrivateKey(key), name).toBe(true);
    }
    for (const ca of [root, intermediate, rogue.root]) expect(ca).not.toHaveProperty('keyPem');
    expect(cert(leaves.rsa).checkPrivateKey(createPrivateKey(leaves.ecdsa.keyPem))).toBe(false);
  });

  it('gives each defective leaf the good RSA leaf key, and other servers keys of their own', () => {
    const { rsa, ecdsa, wildcard, ...defective } = leaves;
    for (const [name, leaf] of Object.entries(defective))
      expect(leaf.keyPem, name).toBe(rsa.keyPem);
    const distinct = new Set([rsa.keyPem, ecdsa.keyPem, wildcard.keyPem, rogue.leaf.keyPem]);
    expect(distinct.size).toBe(4);
  });

  for (const [name, claim] of Object.entries(LEAF_CLAIMS)) {
    it(`leaf ${name}: issuer, signature, dates, key, names, serverAuth`, () => {
      const node = cert(claim.credential);
      const issuer = cert(claim.issuer);
      expect(node.issuer).toBe(issuer.subject);
      expect(node.verify(issuer.publicKey)).toBe(true);
      expect(node.ca).toBe(false);
      expect(iso(node, 'validFrom')).toBe(claim.from);
      expect(iso(node, 'validTo')).toBe(claim.to);
      expect(node.publicKey.asymmetricKeyType).toBe(claim.key);
      if (claim.key === 'ec') {
        expect(node.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
      } else {
        expect(node.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
      }
      expect(node.keyUsage).toEqual([SERVER_AUTH]);
      for (const host of claim.hosts) expect(node.checkHost(host), host).toBeDefined();
      for (const host of claim.notHosts) expect(node.checkHost(host), host).toBeUndefined();
      if (claim.ip) expect(node.checkIP(claim.ip)).toBe(claim.ip);
      else expect(node.checkIP('127.0.0.1')).toBeUndefined();
    });
  }

  it('gives every certificate a distinct serial number', () => {
    const serials = [root, intermediate, rogue.root, ...Object.values(leaves), rogue.leaf].map(
      (c) => cert(c).serialNumber,
    );
    expect(new Set(serials).size).toBe(serials.length);
  });

  it('builds each chainPem from the leaf and then its issuer', () => {
    const chainOf = (pem: string): string[] =>
      pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g) ?? [];
    expect(chainOf(leaves.rsa.chainPem)).toEqual([leaves.rsa.certPem, intermediate.certPem]);
    expect(chainOf(leaves.ecdsa.chainPem)).toEqual([leaves.ecdsa.certPem, intermediate.certPem]);
    expect(chainOf(leaves.selfSigned.chainPem)).toEqual([leaves.selfSigned.certPem]);
    expect(chainOf(rogue.leaf.chainPem)).toEqual([rogue.leaf.certPem, rogue.root.certPem]);
  });
});

describe('demo PKI files under pem/', () => {
  const FILES: [string, DemoCertificate & { keyPem?: string; chainPem?: string }][] = [
    ['root', root],
    ['intermediate', intermediate],
    ['rsa', leaves.rsa],
    ['ecdsa', leaves.ecdsa],
    ['wildcard', leaves.wildcard],
    ['expired', leaves.expired],
    ['not-yet-valid', leaves.notYetValid],
    ['wrong-host', leaves.wrongHost],
    ['self-signed', leaves.selfSigned],
    ['no-digital-signature', leaves.noDigitalSignature],
    ['rogue-root', rogue.root],
    ['rogue-leaf', rogue.leaf],
  ];

  it('hold the same PEMs as demo-pki.ts', () => {
    for (const [name, credential] of FILES) {
      const read = (suffix: string): string =>
        readFileSync(join(PEM_DIR, `${name}.${suffix}.pem`), 'utf8');
      expect(read('cert'), name).toBe(credential.certPem);
      if (credential.keyPem) expect(read('key'), name).toBe(credential.keyPem);
      else expect(read('key'), name).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      if (credential.chainPem) expect(read('chain'), name).toBe(credential.chainPem);
    }
  });
});

describe('demo PKI, checked by openssl verify', () => {
  const at = String(Math.floor(DEMO_EPOCH_MS / 1000));
  const pem = (name: string): string => join(PEM_DIR, `${name}.cert.pem`);
  const verify = (leaf: string, host: string, untrusted = 'intermediate') => {
    const run = spawnSync(
      'openssl',
      [
        'verify',
        ...['-attime', at, '-x509_strict', '-purpose', 'sslserver'],
        ...['-verify_hostname', host, '-CAfile', pem('root'), '-untrusted', pem(untrusted)],
        pem(leaf),
      ],
      { encoding: 'utf8' },
    );
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  };

  it.each([
    ['rsa', 'www.example.com'],
    ['ecdsa', 'localhost'],
    ['wildcard', 'a.example.org'],
  ])('accepts the %s leaf for %s', (leaf, host) => {
    const result = verify(leaf, host);
    expect(result.output.trim()).toBe(`${pem(leaf)}: OK`);
    expect(result.status).toBe(0);
  });

  it.each([
    [
      'expired',
      'www.example.com',
      'intermediate',
      'error 10 at 0 depth lookup: certificate has expired',
    ],
    [
      'not-yet-valid',
      'www.example.com',
      'intermediate',
      'error 9 at 0 depth lookup: certificate is not yet valid',
    ],
    [
      'wrong-host',
      'www.example.com',
      'intermediate',
      'error 62 at 0 depth lookup: hostname mismatch',
    ],
    [
      'wildcard',
      'a.b.example.org',
      'intermediate',
      'error 62 at 0 depth lookup: hostname mismatch',
    ],
    ['self-signed', 'www.example.com', 'intermediate', 'error 18 at 0 depth lookup'],
    ['rogue-leaf', 'www.example.com', 'rogue-root', 'error 19 at 1 depth lookup'],
  ])('refuses %s for %s (untrusted %s)', (leaf, host, untrusted, error) => {
    const result = verify(leaf, host, untrusted);
    expect(result.output).toContain(error);
    expect(result.status).not.toBe(0);
  });

  it('shows the extensions the design asks for', () => {
    const ext = (name: string): string =>
      spawnSync(
        'openssl',
        ['x509', '-in', pem(name), '-noout', '-ext', 'basicConstraints,keyUsage'],
        { encoding: 'utf8' },
      ).stdout.replace(/\s+/g, ' ');
    expect(ext('root')).toBe(
      'X509v3 Basic Constraints: critical CA:TRUE X509v3 Key Usage: critical Certificate Sign, CRL Sign ',
    );
    expect(ext('intermediate')).toBe(
      'X509v3 Basic Constraints: critical CA:TRUE, pathlen:0 X509v3 Key Usage: critical Certificate Sign, CRL Sign ',
    );
    expect(ext('rsa')).toBe(
      'X509v3 Basic Constraints: critical CA:FALSE X509v3 Key Usage: critical Digital Signature, Key Encipherment ',
    );
    expect(ext('ecdsa')).toBe(
      'X509v3 Basic Constraints: critical CA:FALSE X509v3 Key Usage: critical Digital Signature ',
    );
    expect(ext('no-digital-signature')).toBe(
      'X509v3 Basic Constraints: critical CA:FALSE X509v3 Key Usage: critical Key Encipherment ',
    );
  });
});

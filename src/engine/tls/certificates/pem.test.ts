import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_PKI } from '../pki/demo-pki';
import { PemError, derToPem, pemToDerList } from './pem';

describe('pemToDerList', () => {
  it('reads every certificate of a chain, in order', () => {
    const [leaf, issuer] = pemToDerList(DEMO_PKI.leaves.rsa.chainPem);
    expect(new X509Certificate(leaf!).raw).toEqual(
      new X509Certificate(DEMO_PKI.leaves.rsa.certPem).raw,
    );
    expect(new X509Certificate(issuer!).subject).toBe(
      'O=Wirestep Demo\nCN=Wirestep Demo Intermediate CA',
    );
  });

  it('reads keys and certificates from one file, and filters by label', () => {
    const mixed = `comment before\n${DEMO_PKI.leaves.ecdsa.keyPem}between\n${DEMO_PKI.leaves.ecdsa.certPem}`;
    expect(pemToDerList(mixed)).toHaveLength(2);
    const [key] = pemToDerList(mixed, 'PRIVATE KEY');
    const [cert] = pemToDerList(mixed, 'CERTIFICATE');
    const nodeKey = createPrivateKey(DEMO_PKI.leaves.ecdsa.keyPem);
    expect(key).toEqual(new Uint8Array(nodeKey.export({ type: 'pkcs8', format: 'der' })));
    expect(cert).toEqual(new Uint8Array(new X509Certificate(DEMO_PKI.leaves.ecdsa.certPem).raw));
  });

  it('skips other labels and finds nothing in plain text', () => {
    expect(
      pemToDerList(
        '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n',
      ),
    ).toEqual([]);
    expect(pemToDerList('no pem here')).toEqual([]);
  });

  it('refuses mismatched labels and bad base64', () => {
    expect(() =>
      pemToDerList('-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----'),
    ).toThrow(PemError);
    expect(() =>
      pemToDerList('-----BEGIN CERTIFICATE-----\nAA*A\n-----END CERTIFICATE-----'),
    ).toThrow(/not valid base64/);
    expect(() =>
      pemToDerList('-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----'),
    ).toThrow(/not valid base64/);
  });
});

describe('derToPem', () => {
  it('writes what openssl writes: 64-character lines', () => {
    const [der] = pemToDerList(DEMO_PKI.root.certPem);
    expect(derToPem(der!, 'CERTIFICATE')).toBe(DEMO_PKI.root.certPem);
    expect(new X509Certificate(DEMO_PKI.root.certPem).toString()).toBe(DEMO_PKI.root.certPem);
  });

  it('round-trips bytes of every length mod 3', () => {
    for (const length of [1, 2, 3, 47, 48, 49]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      expect(pemToDerList(derToPem(bytes, 'PRIVATE KEY'))).toEqual([bytes]);
    }
  });
});

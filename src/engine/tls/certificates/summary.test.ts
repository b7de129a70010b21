import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_PKI } from '../pki/demo-pki';
import { pemToDerList } from './pem';
import { CertificateParseError } from './parse';
import { leafPublicKey, summarizeCertificate } from './summary';

const der = (pem: string): Uint8Array => pemToDerList(pem)[0]!;

describe('summarizeCertificate', () => {
  it('summarizes the RSA leaf as node:crypto reads it', () => {
    const node = new X509Certificate(DEMO_PKI.leaves.rsa.certPem);
    const summary = summarizeCertificate(der(DEMO_PKI.leaves.rsa.certPem));
    expect(summary).toEqual({
      subject: 'O=Wirestep Demo, CN=www.example.com',
      issuer: 'O=Wirestep Demo, CN=Wirestep Demo Intermediate CA',
      serialHex: node.serialNumber,
      notBefore: '2025-01-01T00:00:00.000Z',
      notAfter: '2035-01-01T00:00:00.000Z',
      san: ['DNS:www.example.com', 'DNS:example.com', 'DNS:localhost', 'IP:127.0.0.1'],
      keyType: 'RSA',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      isCa: false,
      sha256Fingerprint: node.fingerprint256,
    });
  });

  it('summarizes the ECDSA leaf and the root', () => {
    const ecdsa = summarizeCertificate(der(DEMO_PKI.leaves.ecdsa.certPem));
    expect(ecdsa.keyType).toBe('EC');
    expect(ecdsa.curve).toBe('P-256');
    expect(ecdsa.keyBits).toBeUndefined();
    expect(ecdsa.signatureAlgorithm).toBe('sha256WithRSAEncryption'); // signed by the RSA intermediate
    const root = summarizeCertificate(der(DEMO_PKI.root.certPem));
    expect(root.isCa).toBe(true);
    expect(root.san).toEqual([]);
    expect(root.subject).toBe(root.issuer);
    expect(root.sha256Fingerprint).toBe(new X509Certificate(DEMO_PKI.root.certPem).fingerprint256);
  });

  it('throws CertificateParseError for bytes that are not a certificate', () => {
    expect(() => summarizeCertificate(new Uint8Array([0x30, 0x03, 1, 2, 3]))).toThrow(
      CertificateParseError,
    );
  });
});

describe('leafPublicKey', () => {
  it('gives the SPKI that node:crypto exports, and the TLS key type', () => {
    for (const [credential, keyType] of [
      [DEMO_PKI.leaves.rsa, 'RSA'],
      [DEMO_PKI.leaves.ecdsa, 'ECDSA_P256'],
    ] as const) {
      const spki = new X509Certificate(credential.certPem).publicKey.export({
        type: 'spki',
        format: 'der',
      });
      expect(leafPublicKey(der(credential.certPem))).toEqual({
        spki: new Uint8Array(spki),
        keyType,
      });
    }
  });
});

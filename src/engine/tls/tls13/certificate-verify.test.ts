import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromHex } from '../../bytes/hex';
import { parseCertificate } from '../certificates/parse';
import { pemToDerList } from '../certificates/pem';
import { SignatureScheme } from '../enums';
import { DEMO_PKI } from '../pki/demo-pki';
import {
  Tls13SchemeMismatch,
  certificateVerifyContent,
  signCertificateVerify,
  verifyCertificateVerify,
} from './certificate-verify';
import { DOWNGRADE_TLS12, downgradeSentinelOf, withDowngradeSentinel } from './downgrade';

const rsaKey = pemToDerList(DEMO_PKI.leaves.rsa.keyPem)[0]!;
const rsaSpki = parseCertificate(pemToDerList(DEMO_PKI.leaves.rsa.certPem)[0]!).spki;
const ecKey = pemToDerList(DEMO_PKI.leaves.ecdsa.keyPem)[0]!;
const ecSpki = parseCertificate(pemToDerList(DEMO_PKI.leaves.ecdsa.certPem)[0]!).spki;
const transcriptHash = fromHex('01'.repeat(32));
const dir = mkdtempSync(join(tmpdir(), 'cv13-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TLS 1.3 CertificateVerify (RFC 8446, Section 4.4.3)', () => {
  it('signs 64 spaces, the context string, a zero byte and the transcript hash', () => {
    const content = certificateVerifyContent('server', transcriptHash);
    expect(content.subarray(0, 64).every((b) => b === 0x20)).toBe(true);
    const context = 'TLS 1.3, server CertificateVerify';
    expect(new TextDecoder().decode(content.subarray(64, 64 + context.length))).toBe(context);
    expect(content[64 + context.length]).toBe(0);
    expect(content.subarray(65 + context.length)).toEqual(transcriptHash);
    expect(content.length).toBe(64 + 33 + 1 + 32);
  });

  it.each([
    ['rsa_pss_rsae_sha256', SignatureScheme.rsa_pss_rsae_sha256, rsaKey, rsaSpki],
    ['rsa_pss_rsae_sha384', SignatureScheme.rsa_pss_rsae_sha384, rsaKey, rsaSpki],
    ['rsa_pss_rsae_sha512', SignatureScheme.rsa_pss_rsae_sha512, rsaKey, rsaSpki],
    ['ecdsa_secp256r1_sha256', SignatureScheme.ecdsa_secp256r1_sha256, ecKey, ecSpki],
  ])('%s: verifies what it signs, and not for the other side', async (_n, scheme, key, spki) => {
    const signature = await signCertificateVerify('server', scheme, key, transcriptHash);
    expect(await verifyCertificateVerify('server', scheme, spki, transcriptHash, signature)).toBe(
      true,
    );
    expect(await verifyCertificateVerify('client', scheme, spki, transcriptHash, signature)).toBe(
      false,
    );
  });

  it('verifies a signature that OpenSSL made over the same content (RSA-PSS, salt = hash length)', async () => {
    const content = certificateVerifyContent('server', transcriptHash);
    writeFileSync(join(dir, 'content'), content);
    writeFileSync(join(dir, 'key.pem'), DEMO_PKI.leaves.rsa.keyPem);
    execFileSync('openssl', [
      'dgst',
      '-sha256',
      '-sigopt',
      'rsa_padding_mode:pss',
      '-sigopt',
      'rsa_pss_saltlen:digest',
      '-sign',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'sig'),
      join(dir, 'content'),
    ]);
    const signature = new Uint8Array(readFileSync(join(dir, 'sig')));
    expect(
      await verifyCertificateVerify(
        'server',
        SignatureScheme.rsa_pss_rsae_sha256,
        rsaSpki,
        transcriptHash,
        signature,
      ),
    ).toBe(true);
  });

  it('refuses PKCS#1 v1.5 and an ECDSA hash bound to another curve', async () => {
    await expect(
      signCertificateVerify('server', SignatureScheme.rsa_pkcs1_sha256, rsaKey, transcriptHash),
    ).rejects.toBeInstanceOf(Tls13SchemeMismatch);
    await expect(
      signCertificateVerify(
        'server',
        SignatureScheme.ecdsa_secp384r1_sha384,
        ecKey,
        transcriptHash,
      ),
    ).rejects.toBeInstanceOf(Tls13SchemeMismatch);
  });
});

describe('downgrade sentinels (RFC 8446, Section 4.1.3)', () => {
  it('writes DOWNGRD 01 into the last 8 bytes and reads it back', () => {
    const random = withDowngradeSentinel(new Uint8Array(32).fill(7));
    expect(Buffer.from(random.subarray(24)).toString('hex')).toBe('444f574e47524401');
    expect(random.subarray(0, 24).every((b) => b === 7)).toBe(true);
    expect(downgradeSentinelOf(random)).toBe('tls12');
    expect(downgradeSentinelOf(new Uint8Array(32))).toBeUndefined();
    expect(DOWNGRADE_TLS12.length).toBe(8);
  });
});

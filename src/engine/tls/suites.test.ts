import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AEAD_KEY_LENGTH } from '../crypto/aead';
import { signatureSchemeKeyFamily } from '../crypto/signature';
import { DEFAULT_SUITE_ORDER, SUITES, schemesForAuth, suiteByName, suiteParams } from './suites';

describe('cipher suites', () => {
  it('has the four suites with their IANA codes and names', () => {
    expect(SUITES.map((s) => [s.id, s.name])).toEqual([
      [0xc02f, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
      [0xc030, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
      [0xcca8, 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256'],
      [0xc02b, 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'],
    ]);
  });

  it('names each suite as the installed openssl does (code, IANA name, OpenSSL name)', () => {
    // `openssl ciphers -V -stdname` prints "0xC0,0x2F - TLS_ECDHE_... - ECDHE-... TLSv1.2 ...".
    const listed = execFileSync(
      'openssl',
      ['ciphers', '-V', '-stdname', SUITES.map((s) => s.openssl).join(':')],
      { encoding: 'utf8' },
    );
    const tls12 = listed
      .split('\n')
      .map((line) => /^\s*0x([0-9A-F]{2}),0x([0-9A-F]{2}) - (\S+)\s+- (\S+)\s+TLSv1\.2/.exec(line))
      .filter((m) => m !== null)
      .map((m) => ({ id: parseInt(m[1]! + m[2]!, 16), name: m[3]!, openssl: m[4]! }));
    expect(tls12).toEqual(SUITES.map(({ id, name, openssl }) => ({ id, name, openssl })));
  });

  it('finds a suite by its IANA or OpenSSL name in any case, and no other', () => {
    for (const s of SUITES) {
      expect(suiteByName(s.name)).toBe(s);
      expect(suiteByName(s.openssl.toLowerCase())).toBe(s);
    }
    expect(suiteByName('ECDHE-ECDSA-AES256-GCM-SHA384')).toBeUndefined();
    expect(suiteByName('TLS_EMPTY_RENEGOTIATION_INFO_SCSV')).toBeUndefined();
  });

  it('derives auth, AEAD and PRF hash from the name, and the key length from the AEAD', () => {
    for (const s of SUITES) {
      expect(s.auth).toBe(s.name.includes('_ECDSA_') ? 'ECDSA' : 'RSA');
      expect(s.hash).toBe(s.name.endsWith('SHA384') ? 'sha384' : 'sha256');
      expect(s.name).toContain(s.aead);
      expect(s.keyLength).toBe(AEAD_KEY_LENGTH[s.aead]);
    }
  });

  it('uses RFC 5288 nonces for GCM and RFC 7905 nonces for ChaCha20, both 12 bytes in all', () => {
    expect(suiteParams(0xc02f)).toMatchObject({
      fixedIvLength: 4,
      recordIvLength: 8,
      tagLength: 16,
      verifyDataLength: 12,
    });
    expect(suiteParams(0xcca8)).toMatchObject({
      fixedIvLength: 12,
      recordIvLength: 0,
      tagLength: 16,
      verifyDataLength: 12,
    });
    for (const s of SUITES) expect(s.fixedIvLength + s.recordIvLength).toBe(12);
  });

  it('finds suites by code and nothing else', () => {
    expect(suiteParams(0xc030)?.aead).toBe('AES_256_GCM');
    expect(suiteParams(0x009c)).toBeUndefined(); // TLS_RSA_WITH_AES_128_GCM_SHA256: no forward secrecy, not offered
  });

  it('puts ECDHE-RSA-AES128-GCM-SHA256 first by default', () => {
    expect(DEFAULT_SUITE_ORDER[0]).toBe(0xc02f);
    expect([...DEFAULT_SUITE_ORDER].sort()).toEqual(SUITES.map((s) => s.id).sort());
  });

  it('offers signature schemes that fit each auth type', () => {
    expect(schemesForAuth('RSA')).toEqual([0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601]);
    expect(schemesForAuth('ECDSA')).toEqual([0x0403, 0x0503, 0x0603]);
    for (const code of schemesForAuth('RSA')) expect(signatureSchemeKeyFamily(code)).toBe('RSA');
    for (const code of schemesForAuth('ECDSA'))
      expect(signatureSchemeKeyFamily(code)).toBe('ECDSA');
  });
});

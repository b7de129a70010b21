/**
 * Certificate signatures with the SHA-384 and SHA-512 algorithms, issued by openssl at test time:
 * ecdsa-with-SHA384/512 on P-384 and P-521 issuers (RFC 5758 §3.2), sha384/512WithRSAEncryption
 * (RFC 4055 §5) and RSASSA-PSS with SHA-384 and SHA-512 (RFC 4055 §3.1).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate, type ParsedCertificate } from './parse';
import { pemToDerList } from './pem';
import { signatureVerifies } from './signature';

let dir: string;

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function load(name: string): ParsedCertificate {
  return parseCertificate(pemToDerList(readFileSync(join(dir, name), 'utf8'))[0]!);
}

/** A self-signed CA with `keyArgs`, its certificate signed with `signArgs`. */
function selfSignedCa(name: string, keyArgs: string[], signArgs: string[]): void {
  openssl('genpkey', ...keyArgs, '-out', `${name}.key`);
  openssl(
    'req',
    '-x509',
    '-key',
    `${name}.key`,
    '-subj',
    `/CN=${name}`,
    '-days',
    '2',
    ...signArgs,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-out',
    `${name}.pem`,
  );
}

/** A leaf with `keyArgs` issued by `ca`, signed with `signArgs`. */
function leaf(name: string, ca: string, keyArgs: string[], signArgs: string[]): void {
  openssl('genpkey', ...keyArgs, '-out', `${name}.key`);
  openssl('req', '-new', '-key', `${name}.key`, '-subj', `/CN=${name}`, '-out', `${name}.csr`);
  openssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}.key`,
    '-set_serial',
    '7',
    '-days',
    '2',
    ...signArgs,
    '-out',
    `${name}.pem`,
  );
}

const ec = (curve: string) => ['-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`];
const rsa = ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];
const pss = ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:digest'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wirestep-cert-sigs-'));
  selfSignedCa('p384-ca', ec('P-384'), ['-sha512']);
  leaf('p521-leaf', 'p384-ca', ec('P-521'), ['-sha384']);
  selfSignedCa('p521-ca', ec('P-521'), ['-sha384']);
  leaf('p384-leaf', 'p521-ca', ec('P-384'), ['-sha512']);
  selfSignedCa('rsa-ca', rsa, ['-sha512']);
  leaf('sha384-leaf', 'rsa-ca', ec('P-256'), ['-sha384']);
  leaf('pss384-leaf', 'rsa-ca', ec('P-256'), ['-sha384', ...pss]);
  leaf('pss512-leaf', 'rsa-ca', ec('P-256'), ['-sha512', ...pss]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The same certificate with one byte of its tbsCertificate changed. */
function tampered(cert: ParsedCertificate): ParsedCertificate {
  const tbs = cert.tbs.slice();
  tbs[tbs.length - 3]! ^= 0x01;
  return { ...cert, tbs };
}

describe('certificate signatures with SHA-384 and SHA-512', () => {
  const cases = [
    ['p384-ca', 'p384-ca', 'ecdsa-with-SHA512'],
    ['p521-leaf', 'p384-ca', 'ecdsa-with-SHA384'],
    ['p521-ca', 'p521-ca', 'ecdsa-with-SHA384'],
    ['p384-leaf', 'p521-ca', 'ecdsa-with-SHA512'],
    ['rsa-ca', 'rsa-ca', 'sha512WithRSAEncryption'],
    ['sha384-leaf', 'rsa-ca', 'sha384WithRSAEncryption'],
    ['pss384-leaf', 'rsa-ca', 'rsassaPss'],
    ['pss512-leaf', 'rsa-ca', 'rsassaPss'],
  ] as const;

  for (const [child, issuer, algorithm] of cases) {
    it(`${child} (${algorithm}) verifies with ${issuer}'s key, and not once altered`, async () => {
      const c = load(`${child}.pem`);
      const i = load(`${issuer}.pem`);
      expect(c.signatureAlgorithm).toBe(algorithm);
      expect(c.signatureScheme).not.toBeNull();
      expect(await signatureVerifies(c, i)).toBe(true);
      expect(await signatureVerifies(tampered(c), i)).toBe(false);
    });
  }

  it('does not verify with another issuer of the same kind', async () => {
    expect(await signatureVerifies(load('p521-leaf.pem'), load('p521-ca.pem'))).toBe(false);
    expect(await signatureVerifies(load('p384-leaf.pem'), load('p384-ca.pem'))).toBe(false);
  });

  it('reads the PSS hash from the parameters (RFC 4055 §3.1)', () => {
    expect(load('pss384-leaf.pem').signatureScheme).toEqual({
      name: 'RSA-PSS',
      hash: 'SHA-384',
      saltLength: 48,
    });
    expect(load('pss512-leaf.pem').signatureScheme).toEqual({
      name: 'RSA-PSS',
      hash: 'SHA-512',
      saltLength: 64,
    });
  });
});

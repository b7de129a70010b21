/** Reading certificates and keys from PEM files for the CLI, and checking they pair, with one-line errors. */
import { readFileSync } from 'node:fs';
import { utf8 } from '../../engine/bytes/hex';
import { sign, verify, type SignatureKeyType } from '../../engine/crypto/signature';
import { pemToDerList } from '../../engine/tls/certificates/pem';
import { CliError } from '../args';

export function readPemFile(
  path: string,
  what: string,
  only?: 'CERTIFICATE' | 'PRIVATE KEY',
): Uint8Array[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot read ${what} '${path}': ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  let ders: Uint8Array[];
  try {
    ders = pemToDerList(text, only);
  } catch (e) {
    throw new CliError(
      `bad PEM in ${what} '${path}': ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (ders.length === 0) throw new CliError(`no ${only ?? 'PEM'} blocks in ${what} '${path}'`);
  return ders;
}

/** The scheme each key type proves possession with: the first one our server would sign with. */
const PROOF_SCHEME: Readonly<Record<SignatureKeyType, { code: number; article: string }>> = {
  RSA: { code: 0x0401, article: 'an RSA' }, // rsa_pkcs1_sha256
  ECDSA_P256: { code: 0x0403, article: 'an ECDSA P-256' }, // ecdsa_secp256r1_sha256
  ECDSA_P384: { code: 0x0503, article: 'an ECDSA P-384' }, // ecdsa_secp384r1_sha384
  ECDSA_P521: { code: 0x0603, article: 'an ECDSA P-521' }, // ecdsa_secp521r1_sha512
};

/**
 * Refuses a private key that is not the certificate's, as nginx and `openssl s_server` do at start
 * (X509_check_private_key): sign a test message with the key and verify it with the certificate's
 * public key. A key of another type fails to import for the certificate's algorithm.
 */
export async function checkKeyPair(
  keyType: SignatureKeyType,
  spki: Uint8Array,
  privateKeyPkcs8: Uint8Array,
  files: { cert: string; key: string },
): Promise<void> {
  const { code, article } = PROOF_SCHEME[keyType];
  const message = utf8(`wirestep key check for ${files.cert}`);
  let signature: Uint8Array;
  try {
    signature = await sign(code, privateKeyPkcs8, message);
  } catch {
    throw new CliError(
      `the key in '${files.key}' is not ${article} private key, which the certificate in '${files.cert}' needs`,
    );
  }
  if (!(await verify(code, spki, message, signature)))
    throw new CliError(
      `the key in '${files.key}' does not match the certificate in '${files.cert}'`,
    );
}

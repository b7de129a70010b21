/**
 * Generates the Wirestep demo PKI, so the certificates can be made again with new dates: a root CA, an intermediate
 * CA, the leaves the demo servers use, and leaves with one defect each for the failure
 * scenarios. Writes src/engine/tls/pki/demo-pki.ts and the same PEMs under
 * src/engine/tls/pki/pem/.
 *
 *   npm run pki
 *
 * Keys are fresh on every run, so the output changes every time: run it only when the PKI
 * itself has to change, and commit the result.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { derToPem } from '../engine/tls/certificates/pem';
import { x509 } from '../engine/tls/certificates/x509';
import type { DemoCertificate, DemoCredential, DemoLeaf, DemoPki } from '../engine/tls/pki/types';
import { renderPkiModules } from './pki-module';

const PKI_DIR = join(dirname(fileURLToPath(import.meta.url)), '../engine/tls/pki');
const PEM_DIR = join(PKI_DIR, 'pem');

const RSA_2048: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};
const P_256: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

const utc = (year: number): Date => new Date(Date.UTC(year, 0, 1));

/** The names every good leaf carries, so one server can answer as any of them. */
const EXAMPLE_COM_NAMES: x509.JsonGeneralNames = [
  { type: 'dns', value: 'www.example.com' },
  { type: 'dns', value: 'example.com' },
  { type: 'dns', value: 'localhost' },
  { type: 'ip', value: '127.0.0.1' },
];

interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

interface CertSpec {
  commonName: string;
  organization: string;
  keyAlgorithm: RsaHashedKeyGenParams | EcKeyGenParams;
  notBefore: Date;
  notAfter: Date;
  /** Omitted for a self-signed certificate. */
  issuer?: Issued;
  /** The key pair to certify; a fresh one when omitted. */
  keys?: CryptoKeyPair;
  extensions: x509.Extension[];
}

async function issue(spec: CertSpec): Promise<Issued> {
  const keys =
    spec.keys ??
    ((await crypto.subtle.generateKey(spec.keyAlgorithm, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair);
  const name: x509.JsonName = [{ O: [spec.organization] }, { CN: [spec.commonName] }];
  const common = {
    serialNumber: randomSerial(),
    notBefore: spec.notBefore,
    notAfter: spec.notAfter,
  };
  // RFC 5280 §4.2.1.2: a key identifier on every certificate, so path builders can tell keys
  // apart; §4.2.1.1: the authority's identifier on all but self-signed ones.
  const extensions = [
    ...spec.extensions,
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (!spec.issuer) {
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      ...common,
      name,
      keys,
      extensions,
    });
    return { cert, keys };
  }
  extensions.push(await x509.AuthorityKeyIdentifierExtension.create(spec.issuer.keys.publicKey));
  const cert = await x509.X509CertificateGenerator.create({
    ...common,
    subject: name,
    issuer: spec.issuer.cert.subjectName,
    publicKey: keys.publicKey,
    signingKey: spec.issuer.keys.privateKey,
    extensions,
  });
  return { cert, keys };
}

/**
 * RFC 5280 §4.1.2.2: a positive integer of at most 20 octets. 16 random octets with the top bit
 * clear, as CAs do, so that two runs of this script never reuse an issuer + serial pair.
 */
function randomSerial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function caExtensions(pathLength: number | undefined): x509.Extension[] {
  // RFC 5280 §4.2.1.9: basicConstraints MUST be critical in CA certificates; §4.2.1.3:
  // keyUsage SHOULD be, and a CA key signs certificates and CRLs.
  return [
    new x509.BasicConstraintsExtension(true, pathLength, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  ];
}

function leafExtensions(
  names: x509.JsonGeneralNames,
  usages: x509.KeyUsageFlags,
): x509.Extension[] {
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(usages, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension(names),
  ];
}

/**
 * RSA keys sign the ServerKeyExchange in ECDHE_RSA and decrypt the premaster secret in plain
 * RSA key exchange; ECDSA keys only sign (RFC 5246 §7.4.2, RFC 8422 §5.3).
 */
const RSA_LEAF_USAGE = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment;
const ECDSA_LEAF_USAGE = x509.KeyUsageFlags.digitalSignature;

async function generate(): Promise<{ pki: DemoPki; files: Map<string, string> }> {
  const root = await issue({
    commonName: 'Wirestep Demo Root CA',
    organization: 'Wirestep Demo',
    keyAlgorithm: RSA_2048,
    notBefore: utc(2025),
    notAfter: utc(2045),
    extensions: caExtensions(undefined),
  });
  const intermediate = await issue({
    commonName: 'Wirestep Demo Intermediate CA',
    organization: 'Wirestep Demo',
    keyAlgorithm: RSA_2048,
    notBefore: utc(2025),
    notAfter: utc(2040),
    issuer: root,
    // pathLen 0: it may sign leaves only, never another CA.
    extensions: caExtensions(0),
  });

  /** A leaf like the good RSA one, with `changes` applied: each negative case changes one thing. */
  const leaf = ({
    names = EXAMPLE_COM_NAMES,
    usage = RSA_LEAF_USAGE,
    ...changes
  }: Partial<CertSpec> & {
    names?: x509.JsonGeneralNames;
    usage?: x509.KeyUsageFlags;
  }): Promise<Issued> =>
    issue({
      commonName: 'www.example.com',
      organization: 'Wirestep Demo',
      keyAlgorithm: RSA_2048,
      notBefore: utc(2025),
      notAfter: utc(2035),
      issuer: intermediate,
      extensions: leafExtensions(names, usage),
      ...changes,
    });

  const rogueRoot = await issue({
    commonName: 'Rogue Attacker Root CA',
    organization: 'Rogue Attacker',
    keyAlgorithm: RSA_2048,
    notBefore: utc(2025),
    notAfter: utc(2045),
    extensions: caExtensions(undefined),
  });

  const rsa = await leaf({});
  /**
   * A leaf with one defect is the good server's key under a faulty certificate, as when a site's
   * certificate lapses or is issued for the wrong name: the key is not what is wrong. Sharing it
   * also keeps five RSA keys out of the app's bundle.
   */
  const defective = (changes: Parameters<typeof leaf>[0]): Promise<Issued> =>
    leaf({ keys: rsa.keys, ...changes });

  const issued = {
    rsa,
    ecdsa: await leaf({ keyAlgorithm: P_256, usage: ECDSA_LEAF_USAGE }),
    wildcard: await leaf({
      commonName: '*.example.org',
      names: [
        { type: 'dns', value: '*.example.org' },
        { type: 'dns', value: 'example.org' },
      ],
    }),
    expired: await defective({ notBefore: utc(2020), notAfter: utc(2021) }),
    notYetValid: await defective({ notBefore: utc(2040), notAfter: utc(2045) }),
    wrongHost: await defective({
      commonName: 'www.example.net',
      names: [{ type: 'dns', value: 'www.example.net' }],
    }),
    selfSigned: await defective({ issuer: undefined }),
    noDigitalSignature: await defective({ usage: x509.KeyUsageFlags.keyEncipherment }),
    rogueLeaf: await leaf({ issuer: rogueRoot }),
  };

  const files = new Map<string, string>();
  const credential = async (file: string, it: Issued): Promise<DemoCredential> => {
    const certPem = authority(file, it).certPem;
    const keyPem = derToPem(
      new Uint8Array(await crypto.subtle.exportKey('pkcs8', it.keys.privateKey)),
      'PRIVATE KEY',
    );
    files.set(`${file}.key.pem`, keyPem);
    return { certPem, keyPem };
  };
  /**
   * A CA ships as its certificate alone: nothing in the app or the CLI issues certificates, so
   * the CA keys stay in pem/ (for tests and for anyone extending the PKI) and out of the bundle.
   */
  const authority = (file: string, it: Issued): DemoCertificate => {
    const certPem = certToPem(it.cert);
    files.set(`${file}.cert.pem`, certPem);
    return { certPem };
  };
  const authorityWithKeyFile = async (file: string, it: Issued): Promise<DemoCertificate> => ({
    certPem: (await credential(file, it)).certPem,
  });
  const demoLeaf = async (file: string, it: Issued, chain: Issued[]): Promise<DemoLeaf> => {
    const { certPem, keyPem } = await credential(file, it);
    const chainPem = [certPem, ...chain.map((c) => certToPem(c.cert))].join('');
    files.set(`${file}.chain.pem`, chainPem);
    return { certPem, keyPem, chainPem };
  };

  const pki: DemoPki = {
    root: await authorityWithKeyFile('root', root),
    intermediate: await authorityWithKeyFile('intermediate', intermediate),
    leaves: {
      rsa: await demoLeaf('rsa', issued.rsa, [intermediate]),
      ecdsa: await demoLeaf('ecdsa', issued.ecdsa, [intermediate]),
      wildcard: await demoLeaf('wildcard', issued.wildcard, [intermediate]),
      expired: await demoLeaf('expired', issued.expired, [intermediate]),
      notYetValid: await demoLeaf('not-yet-valid', issued.notYetValid, [intermediate]),
      wrongHost: await demoLeaf('wrong-host', issued.wrongHost, [intermediate]),
      selfSigned: await demoLeaf('self-signed', issued.selfSigned, []),
      noDigitalSignature: await demoLeaf('no-digital-signature', issued.noDigitalSignature, [
        intermediate,
      ]),
    },
    rogue: {
      root: await authorityWithKeyFile('rogue-root', rogueRoot),
      leaf: await demoLeaf('rogue-leaf', issued.rogueLeaf, [rogueRoot]),
    },
  };
  return { pki, files };
}

function certToPem(cert: x509.X509Certificate): string {
  return derToPem(new Uint8Array(cert.rawData), 'CERTIFICATE');
}

async function main(): Promise<void> {
  const { pki, files } = await generate();
  const modules = renderPkiModules(pki);
  await writeFile(join(PKI_DIR, 'demo-pki-core.ts'), modules.core);
  await writeFile(join(PKI_DIR, 'demo-pki.ts'), modules.full);

  await mkdir(PEM_DIR, { recursive: true });
  for (const stale of await readdir(PEM_DIR)) {
    if (stale.endsWith('.pem')) await rm(join(PEM_DIR, stale));
  }
  for (const [name, pem] of files) await writeFile(join(PEM_DIR, name), pem);
  console.log(`wrote demo-pki-core.ts, demo-pki.ts and ${files.size} PEM files under ${PKI_DIR}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

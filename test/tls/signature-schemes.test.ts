/**
 * The SHA-384 and SHA-512 signature schemes against real peers on loopback, both ways:
 * ecdsa_secp384r1_sha384, ecdsa_secp521r1_sha512, rsa_pss_rsae_sha384/512 and rsa_pkcs1_sha384/512
 * (RFC 8446, Section 4.2.3, as TLS 1.2 uses them through RFC 5246, Section 7.4.1.4.1).
 *
 * - Our client against `openssl s_server -sigalgs X`, which may sign only with X.
 * - `openssl s_client -sigalgs X` against `tls serve`, reading s_client's own report of what we
 *   signed with ("Peer signing digest", "Peer signature type").
 * - `gnutls-cli` with a priority string that allows one SIGN-* against `tls serve`.
 *
 * The demo PKI holds RSA and P-256 leaves only, and it is not regenerated here (golden transcripts
 * depend on it): P-384 and P-521 leaves are made at test time with openssl in a temp dir, signed
 * by the demo intermediate CA with sha384WithRSAEncryption and sha512WithRSAEncryption, and one
 * RSA leaf is signed with RSASSA-PSS, so the chain checks meet those algorithms too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClientConfig } from '../../src/engine/scenarios/tls-demo-config';
import { SignatureScheme, signatureSchemeName } from '../../src/engine/tls/enums';
import {
  freePort,
  pemPath,
  runCli,
  runOurClient,
  startChild,
  startCli,
  within,
  type Child,
} from './support/peers';

interface Leaf {
  cert: string;
  key: string;
  /** Leaf then the demo intermediate, for `tls serve --cert`. */
  chain: string;
}

let dir: string;
const leaves: Record<'P-384' | 'P-521' | 'RSA-PSS-signed', Leaf> = {} as never;
const DEMO_RSA: Leaf = {
  cert: pemPath('rsa.cert.pem'),
  key: pemPath('rsa.key.pem'),
  chain: pemPath('rsa.chain.pem'),
};
const DEMO_P256: Leaf = {
  cert: pemPath('ecdsa.cert.pem'),
  key: pemPath('ecdsa.key.pem'),
  chain: pemPath('ecdsa.chain.pem'),
};

function openssl(args: readonly string[]): string {
  return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

/** A leaf for www.example.com issued by the demo intermediate CA, as the demo leaves are. */
function issueLeaf(name: string, keyArgs: readonly string[], signArgs: readonly string[]): Leaf {
  const key = join(dir, `${name}.key.pem`);
  const cert = join(dir, `${name}.cert.pem`);
  const chain = join(dir, `${name}.chain.pem`);
  openssl(['genpkey', ...keyArgs, '-out', key]);
  openssl(['req', '-new', '-key', key, '-subj', '/CN=www.example.com', '-out', `${name}.csr`]);
  openssl([
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    pemPath('intermediate.cert.pem'),
    '-CAkey',
    pemPath('intermediate.key.pem'),
    '-set_serial',
    '0x' + Buffer.from(name).toString('hex'),
    '-days',
    '2',
    ...signArgs,
    '-extfile',
    'leaf.ext',
    '-out',
    cert,
  ]);
  writeFileSync(chain, readFileSync(cert, 'utf8') + readFileSync(pemPath('intermediate.cert.pem')));
  return { cert, key, chain };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wirestep-sigschemes-'));
  writeFileSync(
    join(dir, 'leaf.ext'),
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=DNS:www.example.com,IP:127.0.0.1',
      '',
    ].join('\n'),
  );
  const ec = (curve: string) => ['-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`];
  leaves['P-384'] = issueLeaf('p384', ec('P-384'), ['-sha384']);
  leaves['P-521'] = issueLeaf('p521', ec('P-521'), ['-sha512']);
  leaves['RSA-PSS-signed'] = issueLeaf(
    'rsa-pss-signed',
    ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    ['-sha384', '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:digest'],
  );
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Case {
  scheme: number;
  /** The -sigalgs spelling OpenSSL accepts. */
  openssl: string;
  /** What s_client prints as "Peer signature type" and "Peer signing digest". */
  type: 'ECDSA' | 'RSA-PSS' | 'RSA';
  digest: 'SHA256' | 'SHA384' | 'SHA512';
  leaf: () => Leaf;
}

const CASES: Case[] = [
  {
    scheme: SignatureScheme.ecdsa_secp384r1_sha384,
    openssl: 'ECDSA+SHA384',
    type: 'ECDSA',
    digest: 'SHA384',
    leaf: () => leaves['P-384'],
  },
  {
    scheme: SignatureScheme.ecdsa_secp521r1_sha512,
    openssl: 'ECDSA+SHA512',
    type: 'ECDSA',
    digest: 'SHA512',
    leaf: () => leaves['P-521'],
  },
  {
    scheme: SignatureScheme.rsa_pss_rsae_sha384,
    openssl: 'rsa_pss_rsae_sha384',
    type: 'RSA-PSS',
    digest: 'SHA384',
    leaf: () => DEMO_RSA,
  },
  {
    scheme: SignatureScheme.rsa_pss_rsae_sha512,
    openssl: 'rsa_pss_rsae_sha512',
    type: 'RSA-PSS',
    digest: 'SHA512',
    leaf: () => DEMO_RSA,
  },
  {
    scheme: SignatureScheme.rsa_pkcs1_sha384,
    openssl: 'RSA+SHA384',
    type: 'RSA',
    digest: 'SHA384',
    leaf: () => DEMO_RSA,
  },
  {
    scheme: SignatureScheme.rsa_pkcs1_sha512,
    openssl: 'RSA+SHA512',
    type: 'RSA',
    digest: 'SHA512',
    leaf: () => DEMO_RSA,
  },
];

/** `openssl s_server -tls1_2 -www` with `leaf` on an OS-chosen loopback port. */
async function startSServer(
  leaf: Leaf,
  extra: readonly string[],
): Promise<{ child: Child; port: number }> {
  const child = startChild('openssl', [
    's_server',
    '-accept',
    '127.0.0.1:0',
    '-tls1_2',
    '-www',
    '-cert',
    leaf.cert,
    '-key',
    leaf.key,
    '-cert_chain',
    pemPath('intermediate.cert.pem'),
    ...extra,
  ]);
  try {
    const [, port] = await child.waitFor(/ACCEPT 127\.0\.0\.1:(\d+)/, 'openssl s_server to listen');
    return { child, port: Number(port) };
  } catch (e) {
    await child.stop();
    throw e;
  }
}

/** Our client, with its default offer (every scheme, OpenSSL's order), against s_server. */
async function ourClientAgainst(leaf: Leaf, sigalgs: string) {
  const sServer = await startSServer(leaf, ['-sigalgs', sigalgs]);
  try {
    const { conn, response } = await runOurClient(
      sServer.port,
      demoClientConfig('www.example.com'),
    );
    return {
      failure: conn.failure ?? null,
      scheme: conn.negotiated.signatureScheme,
      status: response.split('\r\n')[0],
    };
  } finally {
    await sServer.child.stop();
  }
}

describe('our client against openssl s_server -sigalgs X', () => {
  for (const c of CASES) {
    it(`${signatureSchemeName(c.scheme)}: verifies the ${c.openssl} ServerKeyExchange and gets the 200`, async () => {
      expect(await ourClientAgainst(c.leaf(), c.openssl)).toEqual({
        failure: null,
        scheme: c.scheme,
        status: 'HTTP/1.0 200 ok',
      });
    });
  }

  it('a P-256 server signing with SHA-384 under ecdsa_secp384r1_sha384 (TLS 1.2 binds no curve)', async () => {
    expect(await ourClientAgainst(DEMO_P256, 'ECDSA+SHA384')).toEqual({
      failure: null,
      scheme: SignatureScheme.ecdsa_secp384r1_sha384,
      status: 'HTTP/1.0 200 ok',
    });
  });

  it('validates a chain whose leaf is signed with RSASSA-PSS (SHA-384)', async () => {
    expect(await ourClientAgainst(leaves['RSA-PSS-signed'], 'rsa_pss_rsae_sha512')).toEqual({
      failure: null,
      scheme: SignatureScheme.rsa_pss_rsae_sha512,
      status: 'HTTP/1.0 200 ok',
    });
  });

  it('tls connect prints the scheme the server signed with', async () => {
    const sServer = await startSServer(leaves['P-521'], ['-sigalgs', 'ECDSA+SHA512']);
    try {
      const { code, stdout, stderr } = await runCli([
        'tls',
        'connect',
        `127.0.0.1:${sServer.port}`,
        '--servername',
        'www.example.com',
      ]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toContain('\nsignature: ecdsa_secp521r1_sha512\n');
      expect(stdout).toContain('suite: TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256');
      expect(stdout.trimEnd().split('\n').at(-1)).toBe('HTTP/1.0 200 ok');
    } finally {
      await sServer.child.stop();
    }
  });
});

/** `tls serve` on a free port, with `leaf` (or the demo RSA and P-256 leaves when absent). */
async function startServe(leaf?: Leaf): Promise<{ child: Child; port: number }> {
  const port = await freePort();
  const credential = leaf ? ['--cert', leaf.chain, '--key', leaf.key] : [];
  const child = startCli(['tls', 'serve', '--port', String(port), ...credential]);
  await child.waitFor(new RegExp(`listening on 127\\.0\\.0\\.1:${port} `), 'tls serve to listen');
  return { child, port };
}

/** s_client's own account of a handshake with `port`, offering `args` beyond the basics. */
async function sClient(port: number, args: readonly string[]) {
  const child = startChild(
    'openssl',
    [
      's_client',
      '-connect',
      `127.0.0.1:${port}`,
      '-tls1_2',
      '-CAfile',
      pemPath('root.cert.pem'),
      '-servername',
      'www.example.com',
      '-verify_return_error',
      '-ign_eof',
      ...args,
    ],
    'GET / HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n',
  );
  try {
    const code = await within(child.exited, 'openssl s_client to finish');
    const out = child.stdout() + child.stderr();
    return {
      code,
      type: /Peer signature type: (\S+)/.exec(out)?.[1],
      digest: /Peer signing digest: (\S+)/.exec(out)?.[1],
      verified: out.includes('Verify return code: 0 (ok)'),
      status: /HTTP\/1\.1 \d+ \w+/.exec(out)?.[0],
    };
  } finally {
    await child.stop();
  }
}

describe('openssl s_client -sigalgs X against tls serve', () => {
  const servers: Partial<Record<'demo' | 'P-384' | 'P-521', { child: Child; port: number }>> = {};
  beforeAll(async () => {
    servers.demo = await startServe();
    servers['P-384'] = await startServe(leaves['P-384']);
    servers['P-521'] = await startServe(leaves['P-521']);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((s) => s?.child.stop()));
  });

  const portFor = (c: Case) =>
    (c.leaf() === leaves['P-384']
      ? servers['P-384']
      : c.leaf() === leaves['P-521']
        ? servers['P-521']
        : servers.demo)!.port;

  for (const c of CASES) {
    it(`${signatureSchemeName(c.scheme)}: s_client reports ${c.type} with ${c.digest}`, async () => {
      expect(await sClient(portFor(c), ['-sigalgs', c.openssl])).toEqual({
        code: 0,
        type: c.type,
        digest: c.digest,
        verified: true,
        status: 'HTTP/1.1 200 OK',
      });
    });
  }

  it('our P-256 key signs with SHA-384 or SHA-512 when those are all the client offers', async () => {
    for (const [sigalgs, digest] of [
      ['ECDSA+SHA384', 'SHA384'],
      ['ECDSA+SHA512', 'SHA512'],
    ] as const) {
      const result = await sClient(servers.demo!.port, [
        '-cipher',
        'ECDHE-ECDSA-AES128-GCM-SHA256',
        '-sigalgs',
        sigalgs,
      ]);
      expect(result).toEqual({
        code: 0,
        type: 'ECDSA',
        digest,
        verified: true,
        status: 'HTTP/1.1 200 OK',
      });
    }
  });

  it('picks by its own order, as openssl s_server -serverpref does with the same offer', async () => {
    const offer = ['-sigalgs', 'RSA+SHA512:rsa_pss_rsae_sha256:ECDSA+SHA256'];
    const sServer = await startSServer(DEMO_RSA, ['-serverpref']);
    try {
      const theirs = await sClient(sServer.port, offer);
      const ours = await sClient(servers.demo!.port, [
        ...offer,
        '-cipher',
        'ECDHE-RSA-AES128-GCM-SHA256',
      ]);
      expect(theirs).toMatchObject({ type: 'RSA-PSS', digest: 'SHA256' });
      expect(ours).toMatchObject({ code: 0, type: theirs.type, digest: theirs.digest });
    } finally {
      await sServer.child.stop();
    }
  });

  it('a P-384 server whose curve the client does not list answers handshake_failure', async () => {
    const result = await sClient(servers['P-384']!.port, ['-groups', 'X25519:P-256']);
    expect(result.code).not.toBe(0);
    expect(result.status).toBeUndefined();
    await servers['P-384']!.child.waitFor(
      /error: alert handshake_failure sent by the server: no cipher suite in common/,
      'tls serve to log the failure',
    );
  });

  /** gnutls-cli allowing only `sign` (a TLS 1.2 SIGN-* name); its "Description" names the one used. */
  async function gnutlsCli(
    port: number,
    sign: string,
  ): Promise<{ code: number | string; description?: string }> {
    const child = startChild(
      'gnutls-cli',
      [
        '--port',
        String(port),
        '127.0.0.1',
        '--x509cafile',
        pemPath('root.cert.pem'),
        '--sni-hostname',
        'www.example.com',
        '--verify-hostname',
        'www.example.com',
        '--priority',
        `NORMAL:-VERS-ALL:+VERS-TLS1.2:-SIGN-ALL:+${sign}`,
      ],
      '',
    );
    try {
      const code = await within(child.exited, 'gnutls-cli to finish');
      return { code, description: /- Description: (\S+)/.exec(child.stdout())?.[1] };
    } finally {
      await child.stop();
    }
  }

  it('gnutls-cli forcing SIGN-ECDSA-SHA512 completes with our P-521 key', async () => {
    expect(await gnutlsCli(servers['P-521']!.port, 'SIGN-ECDSA-SHA512')).toEqual({
      code: 0,
      description: '(TLS1.2-X.509)-(ECDHE-X25519)-(ECDSA-SHA512)-(AES-128-GCM)',
    });
  });

  it('gnutls-cli forcing SIGN-RSA-PSS-RSAE-SHA384 completes with our RSA key', async () => {
    const result = await gnutlsCli(servers.demo!.port, 'SIGN-RSA-PSS-RSAE-SHA384');
    expect(result.code).toBe(0);
    expect(result.description).toMatch(
      /^\(TLS1\.2-X\.509\)-\(ECDHE-X25519\)-\(RSA-PSS-RSAE-SHA384\)-/,
    );
  });

  it('gnutls-cli forcing SIGN-ECDSA-SHA384 completes with our P-384 key', async () => {
    expect(await gnutlsCli(servers['P-384']!.port, 'SIGN-ECDSA-SHA384')).toEqual({
      code: 0,
      description: '(TLS1.2-X.509)-(ECDHE-X25519)-(ECDSA-SHA384)-(AES-128-GCM)',
    });
  });
});

/**
 * Our client against real servers that ask for a client certificate and go on without one
 * (RFC 5246, Sections 7.4.4 and 7.4.6): gnutls-serv with its defaults, openssl s_server -verify 1,
 * nginx with ssl_verify_client optional, and Python's ssl with CERT_OPTIONAL. Each must accept our
 * empty Certificate and our Finished, whose transcript covers CertificateRequest and that
 * Certificate, and answer GET / with a 200 that says it saw no client certificate. The same servers
 * without client authentication, and gnutls-serv requiring a certificate, complete the picture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClientConfig } from '../../src/engine/scenarios/tls-demo-config';
import type { MessageEvent } from '../../src/engine/trace';
import type { CertificateRequest } from '../../src/engine/tls/messages/certificate-request';
import { DEMO_ROOT_NAME } from '../fixtures/tls/samples';
import { pemPath, runCli, runOurClient, type OurClientRun } from './support/peers';
import {
  startGnutlsServ,
  startNginx,
  startOpensslServer,
  startPythonServer,
  type RealServer,
} from './support/servers';
import { toHex } from '../../src/engine/bytes/hex';

const SERVER_NAME = 'www.example.com';

/** Our client (in this process, over a real socket) against `server`: handshake, GET /, close. */
async function connect(server: RealServer): Promise<OurClientRun> {
  return runOurClient(server.port, demoClientConfig(SERVER_NAME), server.host);
}

function messages(run: OurClientRun): MessageEvent[] {
  return run.trace
    .toTrace()
    .events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'tls');
}

/** The handshake as the diagram shows it: direction and name, up to our Finished. */
function flight(run: OurClientRun): string[] {
  const names = messages(run).map((m) => `${m.from === 'Client' ? '→' : '←'} ${m.name}`);
  return names.slice(0, names.indexOf('→ Finished') + 1);
}

function certificateRequest(run: OurClientRun): CertificateRequest | undefined {
  const event = messages(run).find((m) => m.name === 'CertificateRequest');
  return (event?.decoded as { body: CertificateRequest } | undefined)?.body;
}

const WITH_REQUEST = [
  '→ ClientHello',
  '← ServerHello',
  '← Certificate',
  '← ServerKeyExchange',
  '← CertificateRequest',
  '← ServerHelloDone',
  '→ Certificate (empty)',
  '→ ClientKeyExchange',
  '→ ChangeCipherSpec',
  '→ Finished',
];

const WITHOUT_REQUEST = WITH_REQUEST.filter(
  (m) => m !== '← CertificateRequest' && m !== '→ Certificate (empty)',
);

/**
 * The run completed: the server accepted our Finished (so its transcript, CertificateRequest and
 * our empty Certificate included, matched ours), sent its own, and answered with a 200.
 */
function expectCompleted(run: OurClientRun): void {
  expect(run.conn.failure).toBeUndefined();
  expect(run.response).toMatch(/^HTTP\/1\.[01] 200 /);
  expect(messages(run).some((m) => m.from === 'Server' && m.name === 'Finished')).toBe(true);
}

/** Our client's empty Certificate, as the trace recorded it: msg_type 11, empty list. */
function clientCertificateHex(run: OurClientRun): string | undefined {
  const event = messages(run).find((m) => m.from === 'Client' && m.name === 'Certificate (empty)');
  return event ? toHex(event.bytes.subarray(5)) : undefined;
}

describe('gnutls-serv with its defaults (asks for a client certificate)', () => {
  let server: RealServer;
  beforeAll(async () => {
    server = await startGnutlsServ();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('accepts our empty Certificate and Finished, and answers 200', async () => {
    const run = await connect(server);
    expectCompleted(run);
    expect(flight(run)).toEqual(WITH_REQUEST);
    expect(clientCertificateHex(run)).toBe('0b000003000000');
    const request = certificateRequest(run)!;
    expect(request.certificateTypes.length).toBeGreaterThan(0);
    expect(request.signatureSchemes.length).toBeGreaterThan(0);
    // No --x509cafile: gnutls-serv names no CA.
    expect(request.certificateAuthorities).toEqual([]);
    // gnutls-serv's page describes the session it agreed.
    expect(run.response).toMatch(/Protocol version:(<[^>]+>)*TLS1\.2/);
  });

  it('tls connect prints both messages and the 200', async () => {
    const { code, stdout, stderr } = await runCli([
      'tls',
      'connect',
      `127.0.0.1:${server.port}`,
      '--servername',
      SERVER_NAME,
      '--versions',
      '1.2',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^← CertificateRequest +\d+ bytes$/m);
    expect(stdout).toMatch(/^→ Certificate \(empty\) +12 bytes$/m);
    expect(stdout).toMatch(
      /^client certificate: requested by the server; none sent \(empty Certificate\)$/m,
    );
    expect(stdout.trim().split('\n').at(-1)).toBe('HTTP/1.0 200 OK');
  });

  // RFC 8446, Section 4.4.2: in TLS 1.3 the request and the empty answer are encrypted, and no
  // CertificateVerify follows an empty Certificate.
  it('tls connect over TLS 1.3 answers the encrypted CertificateRequest and gets the 200', async () => {
    const { code, stdout, stderr } = await runCli([
      'tls',
      'connect',
      `127.0.0.1:${server.port}`,
      '--servername',
      SERVER_NAME,
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^version: TLSv1\.3$/m);
    expect(stdout).toMatch(/^← CertificateRequest +\d+ bytes +\(encrypted\)$/m);
    expect(stdout).toMatch(/^→ Certificate \(empty\) +\d+ bytes +\(encrypted\)$/m);
    expect(stdout).not.toMatch(/^→ CertificateVerify/m);
    expect(stdout.trim().split('\n').at(-1)).toBe('HTTP/1.0 200 OK');
  });
});

it('gnutls-serv --require-client-cert refuses us with one fatal alert, which our client reports', async () => {
  const server = await startGnutlsServ(['--require-client-cert']);
  try {
    const run = await connect(server);
    expect(flight(run)).toEqual(WITH_REQUEST);
    // GnuTLS 3.7 logs "No certificate was found", sends decode_error (to openssl s_client too) and
    // closes without reading the rest of our flight. Our next write may then meet the closed
    // socket (EPIPE) before the alert is read; either way the client stops at once, with no 200.
    const failure = run.conn.failure;
    expect(
      failure?.fault === 'alert_received' ? `alert ${failure.params.description}` : failure?.fault,
    ).toMatch(/^(alert decode_error|transport\.)/);
    await server.child.waitFor(/No certificate was found/, 'gnutls-serv to log why');
    expect(run.response).toBe('');
  } finally {
    await server.stop();
  }
});

it('gnutls-serv --disable-client-cert: a plain handshake and a 200', async () => {
  const server = await startGnutlsServ(['--disable-client-cert']);
  try {
    const run = await connect(server);
    expectCompleted(run);
    expect(flight(run)).toEqual(WITHOUT_REQUEST);
  } finally {
    await server.stop();
  }
});

it('openssl s_server -verify 1 names its CA, accepts our empty Certificate and answers 200', async () => {
  const server = await startOpensslServer(['-verify', '1', '-CAfile', pemPath('root.cert.pem')]);
  try {
    const run = await connect(server);
    expectCompleted(run);
    expect(flight(run)).toEqual(WITH_REQUEST);
    // -CAfile puts the root's name in certificate_authorities.
    expect(certificateRequest(run)!.certificateAuthorities.map(toHex)).toEqual([
      toHex(DEMO_ROOT_NAME),
    ]);
    const event = messages(run).find((m) => m.name === 'CertificateRequest')!;
    expect(JSON.stringify(event.spans)).toContain(
      '"value":"O=Wirestep Demo, CN=Wirestep Demo Root CA"',
    );
    expect(run.response).toMatch(/no client certificate available\n/);
    // s_server's page shows its master secret: the EMS session hash it computed, over a transcript
    // with CertificateRequest and our Certificate in it, gave the same secret as ours.
    expect(run.conn.negotiated.extendedMasterSecret).toBe(true);
    expect(run.response).toContain(
      `Master-Key: ${toHex(run.conn.negotiated.masterSecret!).toUpperCase()}\n`,
    );
  } finally {
    await server.stop();
  }
});

describe('nginx', () => {
  it('ssl_verify_client optional: our empty Certificate, and $ssl_client_verify is NONE', async () => {
    const server = await startNginx('optional');
    try {
      const run = await connect(server);
      expectCompleted(run);
      expect(flight(run)).toEqual(WITH_REQUEST);
      expect(certificateRequest(run)!.certificateAuthorities.map(toHex)).toEqual([
        toHex(DEMO_ROOT_NAME),
      ]);
      expect(run.response).toMatch(/\r\n\r\nnginx: ssl_client_verify=NONE TLSv1\.2\n$/);
    } finally {
      await server.stop();
    }
  });
});

describe('Python ssl (/usr/bin/python3)', () => {
  it('CERT_OPTIONAL: our empty Certificate, and no peer certificate on its side', async () => {
    const server = await startPythonServer('optional');
    try {
      const run = await connect(server);
      expectCompleted(run);
      expect(flight(run)).toEqual(WITH_REQUEST);
      expect(run.response).toMatch(/\r\n\r\npython: peercert=None TLSv1\.2\n$/);
    } finally {
      await server.stop();
    }
  });

  it('CERT_NONE: a plain handshake and a 200', async () => {
    const server = await startPythonServer('none');
    try {
      const run = await connect(server);
      expectCompleted(run);
      expect(flight(run)).toEqual(WITHOUT_REQUEST);
      expect(run.response).toMatch(/\r\n\r\npython: peercert=None TLSv1\.2\n$/);
    } finally {
      await server.stop();
    }
  });
});

/**
 * `tls serve` refuses renegotiation at all (the mitigation RFC 5746 §5 names). A ClientHello after
 * the handshake gets a no_renegotiation warning alert ("sent by the server in response to a client
 * hello after initial handshaking", RFC 5246 §7.2.2), exactly what `openssl s_server
 * -no_renegotiation` sends: each real client below is run against both servers and must see the
 * same alerts. Both clients then give up with a fatal alert of their own, which the log reports as
 * coming after the handshake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pemPath, startChild, waitUntil, within } from './support/peers';
import { INTERMEDIATE, RSA_LEAF, startSServer, type SServer } from './support/s-server';
import { expectNoStackTrace, startServe, type Serve } from './support/serve';

/** Runs `command args` with `input` on stdin to its exit. */
async function run(
  command: string,
  args: readonly string[],
  input: string,
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const child = startChild(command, args, input);
  try {
    const code = await within(child.exited, command);
    return { code, stdout: child.stdout(), stderr: child.stderr() };
  } finally {
    await child.stop();
  }
}

/**
 * `openssl s_client -msg` asks to renegotiate when it reads "R" after its handshake. Its record
 * lines from its second ClientHello on (the ClientHello's bytes left out: its random differs on
 * every run), each alert's two bytes (level, description) after its line.
 */
async function sClientRenegotiates(port: number): Promise<string[]> {
  const { stdout } = await run(
    'openssl',
    [
      's_client',
      '-connect',
      `127.0.0.1:${port}`,
      '-tls1_2',
      '-servername',
      'www.example.com',
      '-msg',
    ],
    'R\n',
  );
  const lines = stdout.split('\n');
  const hellos = lines.flatMap((l, i) => (/^>>> .*, ClientHello$/.test(l) ? [i] : []));
  expect(hellos, stdout).toHaveLength(2);
  // Its record header's line and bytes come first.
  const after = lines.slice(hellos[1]! - 2);
  return after.flatMap((line, i) =>
    /^(<<<|>>>) /.test(line)
      ? [line, ...(line.includes(' Alert ') ? [after[i + 1]!.trim()] : [])]
      : [],
  );
}

/**
 * `gnutls-cli --rehandshake` renegotiates at once after its handshake. What it reports: the
 * alerts it received (stdout) and its errors (stderr), each a line starting '***'.
 */
async function gnutlsRehandshakes(
  port: number,
): Promise<{ code: number | string; alerts: string[]; errors: string[] }> {
  const { code, stdout, stderr } = await run(
    'gnutls-cli',
    [
      '--rehandshake',
      '--x509cafile',
      pemPath('root.cert.pem'),
      '--verify-hostname',
      'www.example.com',
      '--priority',
      'NORMAL:-VERS-ALL:+VERS-TLS1.2',
      '-p',
      String(port),
      '127.0.0.1',
    ],
    '',
  );
  const starred = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('***'));
  return { code, alerts: starred(stdout), errors: starred(stderr) };
}

/**
 * The reference: `openssl s_server -no_renegotiation` with the same chain, interactive (without
 * -www, whose loop sleeps a second before each answer to a renegotiation attempt).
 */
function startReference(): Promise<SServer> {
  return startSServer(['-tls1_2', '-no_renegotiation', ...RSA_LEAF, ...INTERMEDIATE]);
}

describe('tls serve refuses renegotiation with a no_renegotiation warning', () => {
  let serve: Serve;
  let reference: SServer;
  beforeAll(async () => {
    serve = await startServe();
    reference = await startReference();
  });
  afterAll(async () => {
    await serve?.child.stop();
    await reference?.child.stop();
  });

  it('openssl s_client "R": warning no_renegotiation (01 64), then its own fatal handshake_failure', async () => {
    const ours = await sClientRenegotiates(serve.port);
    expect(ours).toEqual([
      '>>> TLS 1.2, RecordHeader [length 0005]',
      '>>> TLS 1.2, Handshake [length 00de], ClientHello',
      '<<< TLS 1.2, RecordHeader [length 0005]',
      '<<< TLS 1.2, Alert [length 0002], warning no_renegotiation',
      '01 64',
      '>>> TLS 1.2, RecordHeader [length 0005]',
      '>>> TLS 1.2, Alert [length 0002], fatal handshake_failure',
      '02 28',
    ]);
    expect(await sClientRenegotiates(reference.port)).toEqual(ours);

    await waitUntil(() => serve.connectionLines().length === 1, 'tls serve to log the connection');
    expect(serve.connectionLines()[0]).toMatch(
      /^127\.0\.0\.1:\d+ error: alert handshake_failure received from the client after the handshake; renegotiation refused \(1 no_renegotiation warning sent\)$/,
    );
  });

  it('gnutls-cli --rehandshake: the same alerts as from openssl s_server, and it gives up', async () => {
    const ours = await gnutlsRehandshakes(serve.port);
    expect(ours.code).toBe(1);
    expect(new Set(ours.alerts)).toEqual(
      new Set(['*** Received alert [100]: No renegotiation is allowed']),
    );
    expect(ours.errors).toContain('*** ReHandshake has failed');
    expect(ours).toEqual(await gnutlsRehandshakes(reference.port));

    // GnuTLS retries its handshake after each warning, so it was refused more than once.
    await waitUntil(() => serve.connectionLines().length === 2, 'tls serve to log the connection');
    const refused = ours.alerts.length;
    const line = serve.connectionLines()[1]!;
    expect(line).toMatch(
      /^127\.0\.0\.1:\d+ error: alert internal_error received from the client after the handshake; renegotiation refused \(\d+ no_renegotiation warnings sent\)$/,
    );
    expect(Number(/\((\d+) no_renegotiation/.exec(line)![1])).toBeGreaterThanOrEqual(refused);
    expectNoStackTrace(serve);
  });
});

/**
 * `openssl s_client` as a strict TLS 1.2 client: it checks the chain against one CA file and the
 * host name at a given time, and aborts the handshake with an alert when verification fails
 * (-verify_return_error), as a browser does.
 */
import { DEMO_EPOCH_MS } from '../../../src/engine/sim/clock';
import { pemPath, startChild, within } from '../../tls/support/peers';

export interface SClientRun {
  code: number | string;
  out: string;
  /** s_client's "verify error:num=N:text" line, if verification failed. */
  verifyError?: { num: number; text: string };
}

export async function sClientVerify(
  port: number,
  options: { caFile?: string; host?: string; atMs?: number } = {},
): Promise<SClientRun> {
  const host = options.host ?? 'www.example.com';
  const child = startChild(
    'openssl',
    [
      's_client',
      '-connect',
      `127.0.0.1:${port}`,
      '-tls1_2',
      '-servername',
      host,
      '-CAfile',
      pemPath(options.caFile ?? 'root.cert.pem'),
      '-verify_hostname',
      host,
      '-verify_return_error',
      // The lab runs on the virtual clock, so OpenSSL checks validity at the same instant.
      '-attime',
      String(Math.floor((options.atMs ?? DEMO_EPOCH_MS) / 1000)),
    ],
    '',
  );
  try {
    const code = await within(child.exited, 'openssl s_client to finish');
    const out = child.stdout() + child.stderr();
    const m = /verify error:num=(\d+):(.*)/.exec(out);
    return { code, out, ...(m ? { verifyError: { num: Number(m[1]), text: m[2]!.trim() } } : {}) };
  } finally {
    await child.stop();
  }
}

/**
 * `openssl s_server` as a peer for our client, on an OS-chosen loopback port, and the `tls connect`
 * runs pointed at it: the TLS 1.2 and TLS 1.3 client tests start and read them the same way.
 */
import { pemPath, runCli, startChild, type Child } from './peers';

/** The demo PKI's RSA leaf and its key, and the intermediate that completes its chain. */
export const RSA_LEAF = ['-cert', pemPath('rsa.cert.pem'), '-key', pemPath('rsa.key.pem')];
export const ECDSA_LEAF = ['-cert', pemPath('ecdsa.cert.pem'), '-key', pemPath('ecdsa.key.pem')];
export const INTERMEDIATE = ['-cert_chain', pemPath('intermediate.cert.pem')];

export interface SServer {
  child: Child;
  port: number;
}

/** `openssl s_server ARGS`; the caller names the version (-tls1_2, -tls1_3) and -www. */
export async function startSServer(args: readonly string[]): Promise<SServer> {
  const child = startChild('openssl', ['s_server', '-accept', '127.0.0.1:0', ...args]);
  try {
    const [, port] = await child.waitFor(/ACCEPT 127\.0\.0\.1:(\d+)/, 'openssl s_server to listen');
    return { child, port: Number(port) };
  } catch (e) {
    await child.stop();
    throw e;
  }
}

/** Output lines, the empty ones dropped. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** `tls connect 127.0.0.1:PORT --servername www.example.com EXTRA…`, its output as lines. */
export async function connectTo(
  port: number,
  ...extra: string[]
): Promise<{ code: number | string; stderr: string; out: string[] }> {
  const { code, stdout, stderr } = await runCli([
    'tls',
    'connect',
    `127.0.0.1:${port}`,
    '--servername',
    'www.example.com',
    ...extra,
  ]);
  return { code, stderr, out: lines(stdout) };
}

/** The message lines of a `tls connect` output, each as "→ Name" or "← Name". */
export function messageNames(out: readonly string[]): string[] {
  return out.filter((l) => /^[←→]/.test(l)).map((l) => l.split(/\s{2,}/)[0]!);
}

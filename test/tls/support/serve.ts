/**
 * `tls serve` as a child process for the tests that point real clients at it: started on a free
 * loopback port, its log lines read per client port, its output checked for stack traces.
 */
import { expect } from 'vitest';
import { freePort, startCli, waitUntil, type Child } from './peers';

export interface Serve {
  child: Child;
  port: number;
  /** The log lines for the connection from `clientPort`. */
  linesFor(clientPort: number): string[];
  /** Every per-connection log line (those that start with the client's address). */
  connectionLines(): string[];
}

export async function startServe(flags: readonly string[] = []): Promise<Serve> {
  const port = await freePort();
  const child = startCli(['tls', 'serve', '--port', String(port), ...flags]);
  try {
    await child.waitFor(new RegExp(`listening on 127\\.0\\.0\\.1:${port} `), 'tls serve to listen');
  } catch (e) {
    await child.stop();
    throw e;
  }
  const connectionLines = (): string[] =>
    child
      .stdout()
      .split('\n')
      .filter((l) => /^127\.0\.0\.1:\d+ /.test(l));
  return {
    child,
    port,
    linesFor: (clientPort) =>
      connectionLines().filter((l) => l.startsWith(`127.0.0.1:${clientPort} `)),
    connectionLines,
  };
}

/** Waits for exactly one log line about `clientPort` and returns it. */
export async function logLineFor(serve: Serve, clientPort: number): Promise<string> {
  await waitUntil(
    () => serve.linesFor(clientPort).length > 0,
    `tls serve to log the connection from port ${clientPort}`,
  );
  const lines = serve.linesFor(clientPort);
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

export function expectNoStackTrace(serve: Serve): void {
  expect(serve.child.stdout()).not.toMatch(/^\s+at /m);
  expect(serve.child.stderr()).toBe('');
}

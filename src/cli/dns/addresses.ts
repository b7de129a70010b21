/** Socket addresses on the command line: `IP:PORT` or `[IPv6]:PORT`, with IP a literal address. */
import { isIP } from 'node:net';
import { CliError } from '../args';

export interface SocketAddress {
  host: string;
  port: number;
}

/**
 * `127.0.0.1:5353`, `[::1]:53`, or a bare address when `defaultPort` is given. `allowZero` lets
 * port 0 through, for "any free port".
 */
export function parseSocketAddress(
  text: string,
  what: string,
  opts: { defaultPort?: number; allowZero?: boolean } = {},
): SocketAddress {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::([0-9]{1,5}))?$/.exec(text) ?? undefined;
  const bareV6 = !m && isIP(text) === 6 ? text : undefined;
  const host = bareV6 ?? m?.[1] ?? m?.[2];
  const portText = bareV6 ? undefined : m?.[3];
  if (host === undefined || isIP(host) === 0)
    throw new CliError(`${what} must be an IP address with an optional :PORT, got '${text}'`, 2);
  if (portText === undefined) {
    if (opts.defaultPort === undefined)
      throw new CliError(`${what} needs IP:PORT, got '${text}'`, 2);
    return { host, port: opts.defaultPort };
  }
  const port = Number(portText);
  const lowest = opts.allowZero ? 0 : 1;
  if (port < lowest || port > 65535)
    throw new CliError(`${what}: port out of range in '${text}' (${lowest} to 65535)`, 2);
  return { host, port };
}

export function formatSocketAddress({ host, port }: SocketAddress): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

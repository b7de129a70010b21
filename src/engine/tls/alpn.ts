/** The application protocol (RFC 7301, Section 3.2), shared by the TLS 1.2 and 1.3 servers. */
import type { ServerConfig } from './config';
import { fail } from './errors';
import { findExtension } from './messages/extensions';
import type { ClientHello } from './messages/client-hello';

/**
 * The first of our protocols that the client offers; none in common is no_application_protocol.
 * Without ALPN from the client, or none configured, there is nothing to choose.
 */
export function chooseAlpn(config: ServerConfig, hello: ClientHello): string | undefined {
  const offered = findExtension(hello.extensions, 'alpn');
  if (!offered || config.alpn.length === 0) return undefined;
  const pick = config.alpn.find((p) => offered.protocols.includes(p));
  if (!pick) {
    fail({
      fault: 'peer_incompatible.no_application_protocol',
      params: { offered: offered.protocols },
    });
  }
  return pick;
}

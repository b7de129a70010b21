/**
 * TLS 1.3's codecs and record protection, as the code that TLS 1.2 shares with them reaches them:
 * the hello codecs hand TLS 1.3's extensions to them, the handshake framing its messages, the
 * connection its records. A TLS 1.2 handshake never reads or writes any of them, so they come with
 * the TLS 1.3 machines (`loadTls13`) rather than with the page's first load. A module that reads
 * TLS 1.3 at once (the decoder, a capture, the CLI) imports ./tls13/install.ts instead.
 *
 * The bytes a seed makes do not depend on when they arrive: a codec that meets TLS 1.3 before
 * then throws Tls13NotLoaded, having read nothing, and the connection loads them and reads again.
 */
import type { Tls13RecordProtection } from './tls13/key-schedule';
import type * as Tls13Messages from './tls13/messages';

export type Tls13Parts = typeof Tls13Messages & {
  Tls13RecordProtection: typeof Tls13RecordProtection;
};

let installed: Tls13Parts | undefined;

/** Called once by ./tls13/install.ts, when it is evaluated. */
export function installTls13(parts: Tls13Parts): void {
  installed = parts;
}

/** TLS 1.3 was met before its codecs had loaded: `loadTls13`, then try again. */
export class Tls13NotLoaded extends Error {
  constructor() {
    super('the TLS 1.3 codecs have not loaded yet');
    this.name = 'Tls13NotLoaded';
  }
}

export function tls13Parts(): Tls13Parts {
  if (!installed) throw new Tls13NotLoaded();
  return installed;
}

export function loadTls13(): Promise<void> {
  return installed ? Promise.resolve() : import('./tls13/install').then(() => undefined);
}

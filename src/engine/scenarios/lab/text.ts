/**
 * Every English sentence the TLS lab shows, in one table, so it can be translated in one place.
 * Keys are scenario ids and preset ids; the UI looks its own translations up by the same keys and
 * falls back to these. Sentences are short and literal on purpose: they are written to be
 * translated (many classrooms that use Wirestep are Korean).
 */

export interface LabText {
  title: string;
  /** Titles of the named starting points, by preset id. */
  presets: Record<string, string>;
}

export const LAB_TEXT = {
  'lab-tls-negotiation': {
    title: 'Cipher suite negotiation',
    presets: {
      'server-order': 'The server’s order wins',
      'client-order': 'The client’s order wins',
      'no-overlap': 'No cipher suite in common',
      'no-common-group': 'No key exchange group in common',
      'misbehaving-server': 'A server that picks a suite the client never offered',
      'tls13-both': 'Both sides speak TLS 1.3',
      'tls13-client-tls12-server': 'A TLS 1.3 client meets a TLS 1.2 server',
      'downgrade-attack': 'An attacker strips TLS 1.3 and is caught',
    },
  },
  'lab-tls-resumption': {
    title: 'Session resumption',
    presets: {
      'by-session-id': 'Resume with a session ID',
      'by-ticket': 'Resume with a session ticket',
      'cache-cleared': 'The server restarted and lost its session cache',
      'cache-cleared-ticket': 'The server restarted, but the client has a ticket',
      'ticket-key-rotated': 'The server changed its ticket key',
      'lifetime-passed': 'The client comes back six minutes later',
    },
  },
  'lab-tls-certificates': {
    title: 'Certificate problems',
    presets: {
      none: 'A valid certificate',
      expired: 'An expired certificate',
      'not-yet-valid': 'A certificate that is not valid yet',
      'wrong-host': 'A certificate for another host',
      'self-signed': 'A self-signed certificate',
      'unknown-ca': 'A certificate from an unknown CA',
      'missing-intermediate': 'The intermediate certificate is missing',
    },
  },
  'lab-tls-mitm': {
    title: 'Man in the middle',
    presets: {
      rejected: 'The client does not trust the attacker’s CA',
      trusted: 'The attacker’s root certificate is installed on the client',
    },
  },
  'lab-tls-tamper': {
    title: 'Tampering in flight',
    presets: {
      'client-random': 'One byte of the ClientHello random',
      'client-hello-server-name': 'One letter of the server name in the ClientHello',
      'client-hello-server-name-no-ems':
        'One letter of the server name, without the extended master secret',
      'server-hello-extensions-length': 'The extensions length in the ServerHello',
      'server-key-exchange-public-key': 'One byte of the server’s ECDHE public key',
      'server-key-exchange-signature': 'One byte of the server’s signature',
      'client-key-exchange-public-key': 'One byte of the client’s ECDHE public key',
      'client-finished': 'One byte of the client’s encrypted Finished',
      'new-session-ticket': 'One byte of the session ticket',
      'http-request': 'One byte of the encrypted HTTP request',
      'record-length': 'The length in the ClientHello’s record header',
    },
  },
  'lab-tls-ems': {
    title: 'Extended master secret',
    presets: {
      both: 'The client offers it and the server accepts it',
      'client-off': 'The client does not offer it',
      'server-off': 'The server does not support it',
    },
  },
} as const satisfies Record<string, LabText>;

export type LabScenarioId = keyof typeof LAB_TEXT;

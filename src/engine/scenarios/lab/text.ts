/**
 * Every English sentence the TLS lab shows, in one table, so it can be translated in one place.
 * Keys are scenario ids and preset ids; the UI looks its own translations up by the same keys and
 * falls back to these. Sentences are short and literal on purpose: they are written to be
 * translated (many classrooms that use Wirestep are Korean).
 */

export interface LabText {
  title: string;
  /** One paragraph: what to watch for. */
  lesson: string;
  /** Titles of the named starting points, by preset id. */
  presets: Record<string, string>;
}

export const LAB_TEXT = {
  'lab-tls-negotiation': {
    title: 'Cipher suite negotiation',
    lesson:
      'The client lists the cipher suites, groups and signature algorithms it can use, in its order of preference, and the server picks one of each from its own lists. Whose order wins is a server setting; most servers prefer their own. Change either list and watch the ServerHello: a note from the server says why it chose that suite. If the two sides have no suite in common, the server ends the handshake with a handshake_failure alert. The client checks the choice too: if a server picks a suite that the client never offered, the client answers with an illegal_parameter alert.',
    presets: {
      'server-order': 'The server’s order wins',
      'client-order': 'The client’s order wins',
      'no-overlap': 'No cipher suite in common',
      'no-common-group': 'No key exchange group in common',
      'misbehaving-server': 'A server that picks a suite the client never offered',
    },
  },
  'lab-tls-resumption': {
    title: 'Session resumption',
    lesson:
      'A full handshake costs two round trips and a signature. When the client connects again, it can skip most of that. It sends the session ID that the server gave it, or a session ticket, and if the server still knows the session, both sides derive new keys from the old master secret. This abbreviated handshake has no Certificate and no key exchange, and the client can send its request after one round trip. A session ID works only while the server keeps the session in its cache. A ticket carries the session itself, encrypted under a key that only the server has. If the server has lost the session or has changed its ticket key, it simply does a full handshake. After five minutes, both sides forget the session, and the client starts again with a full handshake.',
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
    lesson:
      'Before the client trusts the server’s key, it checks the certificate chain. Every signature must lead up to a root certificate that the client trusts, every certificate must be valid on today’s date, and the certificate must name the host that the client asked for. Each problem here ends the same way: the client sends a fatal alert and stops, and a browser would show the warning below. The alert says what kind of problem it was: certificate_expired, bad_certificate or unknown_ca.',
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
    lesson:
      'An attacker sits on the network between the client and the server. To the client it pretends to be the server, with a certificate for www.example.com that it made itself. To the server it is an ordinary client. The client checks the certificate, finds that no CA it trusts has signed it, and stops with an unknown_ca alert, so the attacker learns nothing. Now turn on “trust the attacker’s CA”. This happens when someone installs an extra root certificate on a device. The client accepts the forged certificate, and the attacker decrypts the request, reads it, sends it on to the real server, and passes the answer back. Both connections use proper TLS, and neither end can tell.',
    presets: {
      rejected: 'The client does not trust the attacker’s CA',
      trusted: 'The attacker’s root certificate is installed on the client',
    },
  },
  'lab-tls-tamper': {
    title: 'Tampering in flight',
    lesson:
      'Change one byte of one message on its way across the network, and see where TLS notices. Handshake messages are not encrypted, but they are protected in other ways. The server signs both hello randoms together with its ECDHE key, so a change to any of them is caught as soon as the client checks the signature (decrypt_error). Both sides hash every handshake message into their Finished messages, so any other change is caught at the latest there: the Finished does not match (decrypt_error). With the extended master secret, the hash of the handshake also goes into the keys, so the two sides end up with different keys and the Finished cannot even be decrypted (bad_record_mac). Once the records are encrypted, each one carries an authentication tag, and any change makes it fail to decrypt (bad_record_mac). A changed length field usually makes the message impossible to read (decode_error), or leaves the receiver waiting for bytes that never come.',
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
    lesson:
      'Both sides compute the master secret from the ECDHE result with a pseudorandom function (PRF). Classic TLS 1.2 gives the PRF the label “master secret” and the two hello randoms. An attacker in the middle can make two different connections end up with the same randoms and the same master secret (the triple handshake attack). The extended master secret (RFC 7627) prevents this: the label becomes “extended master secret”, and the seed is a hash of the whole handshake up to the ClientKeyExchange, so the master secret belongs to this one handshake. It is used only when the client offers it and the server accepts it.',
    presets: {
      both: 'The client offers it and the server accepts it',
      'client-off': 'The client does not offer it',
      'server-off': 'The server does not support it',
    },
  },
} as const satisfies Record<string, LabText>;

export type LabScenarioId = keyof typeof LAB_TEXT;

/**
 * The English text of the inspector's Keys tab: what each value of the key schedule is. Fetched
 * with the tab (src/ui/lazy.ts), not before the first drawing; ./index.ts merges it into the
 * English table (en.ts), and the Korean table (ko.ts) holds all of it.
 */
import type { Table } from './en';

/** The key schedule, keyed by the secret events' `explain` keys. */
const secrets: Table = {
  'secret.tls13.traffic':
    'A TLS 1.3 traffic secret, read from the key log (SSLKEYLOGFILE): the handshake secret protects the handshake up to Finished, the application secret what follows (RFC 8446, Section 7.1).',
  'secret.tls13.key':
    'HKDF-Expand-Label(traffic secret, “key”, “”, key length): the AEAD key of this direction (RFC 8446, Section 7.3).',
  'secret.tls13.iv':
    'HKDF-Expand-Label(traffic secret, “iv”, “”, 12): XORed with the record’s sequence number to make each nonce (RFC 8446, Sections 5.3 and 7.3).',
  'secret.tls13.early_secret':
    'Early Secret = HKDF-Extract(salt = 0, IKM = 0): with no pre-shared key the first stage of the TLS 1.3 schedule is a fixed value, the same in every full handshake. It only starts the chain (RFC 8446, Section 7.1).',
  'secret.tls13.early_secret.psk':
    'Early Secret = HKDF-Extract(salt = 0, IKM = PSK): resumption puts the pre-shared key from the ticket in at the very first stage, so everything derived later depends on the earlier session (RFC 8446, Section 7.1).',
  'secret.tls13.binder_key':
    'binder_key = Derive-Secret(Early Secret, “res binder”, “”): the key the PSK binder is made with. “res” marks a PSK from a NewSessionTicket, “ext” one provisioned outside TLS (RFC 8446, Section 7.1).',
  'secret.tls13.binder':
    'The PSK binder: HMAC(finished key of binder_key, hash of the ClientHello up to the binders). It proves the client holds the PSK and ties the PSK to this ClientHello; the server computes the same value and refuses the PSK when it differs (RFC 8446, Section 4.2.11.2).',
  'secret.tls13.client_early_traffic_secret':
    'client_early_traffic_secret = Derive-Secret(Early Secret, “c e traffic”, ClientHello): the key for 0-RTT early data, which an attacker may replay (RFC 8446, Sections 2.3 and 7.1).',
  'secret.tls13.derived_early':
    'Derive-Secret(Early Secret, “derived”, “”): the Early Secret turned into the salt of the next stage, so the PSK (or the zeros) flows into the Handshake Secret (RFC 8446, Section 7.1).',
  'secret.tls13.ecdhe':
    'The (EC)DHE shared secret: this side’s private key from its key_share combined with the peer’s key_share. It never travels on the wire, and it is the IKM of the Handshake Secret (RFC 8446, Sections 4.2.8 and 7.4).',
  'secret.tls13.handshake_secret':
    'Handshake Secret = HKDF-Extract(salt = derived, IKM = (EC)DHE shared secret): the stage where the fresh key exchange enters, which gives forward secrecy (RFC 8446, Section 7.1).',
  'secret.tls13.client_handshake_traffic_secret':
    'client_handshake_traffic_secret = Derive-Secret(Handshake Secret, “c hs traffic”, ClientHello…ServerHello): protects what the client sends during the handshake, its Certificate, CertificateVerify and Finished (RFC 8446, Section 7.1). Key logs call it CLIENT_HANDSHAKE_TRAFFIC_SECRET.',
  'secret.tls13.server_handshake_traffic_secret':
    'server_handshake_traffic_secret = Derive-Secret(Handshake Secret, “s hs traffic”, ClientHello…ServerHello): protects the server’s flight right after ServerHello, from EncryptedExtensions to Finished. In TLS 1.3 the certificate is already encrypted (RFC 8446, Section 7.1).',
  'secret.tls13.derived_handshake':
    'Derive-Secret(Handshake Secret, “derived”, “”): the salt of the last stage, the Master Secret (RFC 8446, Section 7.1).',
  'secret.tls13.master_secret':
    'Master Secret = HKDF-Extract(salt = derived, IKM = 0): the last stage. It adds no new input; it separates the application keys from the handshake keys (RFC 8446, Section 7.1).',
  'secret.tls13.client_application_traffic_secret_0':
    'client_application_traffic_secret_0 = Derive-Secret(Master Secret, “c ap traffic”, ClientHello…server Finished): protects the client’s application data, such as the HTTP request. A KeyUpdate moves it on to _1, _2, … (RFC 8446, Section 7.1).',
  'secret.tls13.server_application_traffic_secret_0':
    'server_application_traffic_secret_0 = Derive-Secret(Master Secret, “s ap traffic”, ClientHello…server Finished): protects the server’s application data, such as the HTTP response (RFC 8446, Section 7.1).',
  'secret.tls13.exporter_master_secret':
    'exporter_master_secret = Derive-Secret(Master Secret, “exp master”, ClientHello…server Finished): what keying-material exporters (RFC 5705, as TLS 1.3 redefines them) derive from; it never protects a record (RFC 8446, Section 7.5).',
  'secret.tls13.resumption_master_secret':
    'resumption_master_secret = Derive-Secret(Master Secret, “res master”, ClientHello…client Finished): the secret each NewSessionTicket’s PSK is expanded from (RFC 8446, Section 7.1).',
  'secret.tls13.ticket_psk':
    'The PSK a NewSessionTicket stands for: HKDF-Expand-Label(resumption_master_secret, “resumption”, ticket_nonce, Hash.length). The nonce makes each ticket’s PSK different (RFC 8446, Section 4.6.1).',
  'secret.tls13.finished_key':
    'finished_key = HKDF-Expand-Label(base key, “finished”, “”, Hash.length): the HMAC key for Finished, from this side’s handshake traffic secret (or, for a binder, from binder_key) (RFC 8446, Section 4.4.4).',
  'secret.tls13.verify_data':
    'verify_data = HMAC(finished_key, hash of the transcript so far): what Finished carries. The peer computes the same value; a match proves both saw the same handshake and hold the same keys (RFC 8446, Section 4.4.4).',
  'secret.tls13.traffic_update':
    'application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N, “traffic upd”, “”, Hash.length): the next generation after a KeyUpdate. The old keys are dropped, so a later leak does not expose earlier records (RFC 8446, Section 7.2).',
  'secret.pre_master.ecdhe':
    'The ECDHE shared secret: this side’s private key combined with the peer’s public key. Both sides arrive at the same value, and it never travels on the wire (RFC 8422, Section 5.10).',
  'secret.master':
    '48 bytes: PRF(pre_master_secret, “master secret”, client_random + server_random) (RFC 5246, Section 8.1).',
  'secret.master.ems':
    '48 bytes: PRF(pre_master_secret, “extended master secret”, session_hash). The session hash covers every handshake message up to ClientKeyExchange, which binds the keys to this exact handshake (RFC 7627, Section 4).',
  'secret.key_block':
    'PRF(master_secret, “key expansion”, server_random + client_random), long enough to cut into the write keys and IVs (RFC 5246, Section 6.3). Note the randoms are in the opposite order to the master secret’s.',
  'secret.client_write_key':
    'The key that encrypts what the client sends. The server uses it to decrypt.',
  'secret.server_write_key':
    'The key that encrypts what the server sends. The client uses it to decrypt.',
  'secret.client_write_iv':
    'The client’s implicit IV: for AES-GCM the 4-byte salt that starts each nonce (RFC 5288), for ChaCha20-Poly1305 12 bytes mixed with the sequence number (RFC 7905).',
  'secret.server_write_iv':
    'The server’s implicit IV, used the same way for the records the server sends.',
  'secret.verify_data.client':
    'PRF(master_secret, “client finished”, hash of the handshake messages), 12 bytes: what the client’s Finished carries (RFC 5246, Section 7.4.9).',
  'secret.verify_data.server':
    'PRF(master_secret, “server finished”, hash of the handshake messages, now including the client’s Finished), 12 bytes: what the server’s Finished carries.',
};

/** Titles for the key schedule's steps, keyed by secret name. */
const secretTitles: Table = {
  pre_master_secret: 'Pre-master secret',
  master_secret: 'Master secret',
  key_block: 'Key block',
  client_write_key: 'client_write_key',
  server_write_key: 'server_write_key',
  client_write_IV: 'client_write_IV',
  server_write_IV: 'server_write_IV',
  client_verify_data: 'Client verify_data',
  server_verify_data: 'Server verify_data',
  early_secret: 'Early Secret',
  binder_key: 'binder_key',
  binder_finished_key: 'Binder finished_key',
  binder: 'PSK binder',
  client_early_traffic_secret: 'client_early_traffic_secret',
  derived_early: 'Derived (Early → Handshake)',
  handshake_secret: 'Handshake Secret',
  client_handshake_traffic_secret: 'client_handshake_traffic_secret',
  server_handshake_traffic_secret: 'server_handshake_traffic_secret',
  server_finished_key: 'Server finished_key',
  client_finished_key: 'Client finished_key',
  derived_handshake: 'Derived (Handshake → Master)',
  client_application_traffic_secret_0: 'client_application_traffic_secret_0',
  server_application_traffic_secret_0: 'server_application_traffic_secret_0',
  exporter_master_secret: 'exporter_master_secret',
  resumption_master_secret: 'resumption_master_secret',
  ticket_psk: 'Ticket PSK',
};

/** The tab's own words, around the values. */
const ui = {
  keysIntro:
    'The key schedule as far as it is known at this step. Both sides compute every value on their own; none of these secrets is ever sent.',
  keysNone: 'No keys yet: the key exchange has not happened at this step.',
  keysPending: 'not known yet',
  keysKnownBy: 'Known to {lanes}',
  keysCommand: 'Recompute it with OpenSSL 3',
  keysCommandCopy: 'Copy command',
  keysCommandCopied: 'Copied',
  keysCommandColonHex:
    'It prints the bytes above, written AB:CD:…; the seed is the label’s ASCII bytes followed by the inputs, as RFC 5246 defines the PRF.',
  keysCommandHex:
    'It writes this side’s ECDHE private key and the peer’s public key as PEM files, then prints the shared secret in hex: the bytes above.',
  keysInputs: 'Inputs',
  keysSplit: 'How the key block is cut',
  keysVersion: 'TLS {version} key schedule',
  keysCompare:
    'The same request, two key schedules. TLS 1.2 makes one master secret with its PRF and cuts one key block from it. TLS 1.3 chains three HKDF-Extract stages (early, handshake and master secret) and expands a separate secret for each direction and each stage from every one of them, each bound to the transcript so far, so the handshake keys are never the ones that protect the application data.',
};

export const enKeys = { ui, secrets, secretTitles };

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
};

export const enKeys = { secrets, secretTitles };

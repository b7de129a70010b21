/**
 * What TLS 1.3's messages do and the TLS 1.3 engine's notes, in English. The default handshake is
 * TLS 1.2 and shows none of them; this part arrives before a trace with a TLS 1.3 message or a
 * tls13.* note is shown (./index.ts, `loadEnglishFor`), and with the prefetch after the first
 * drawing.
 */
import type { Table } from './en';

/**
 * What each TLS 1.3 message does, keyed by the engine's message name (see en.ts's `messages`), and
 * the messages that only TLS 1.3 sends, by their own names.
 */
const messages: Table = {
  EncryptedExtensions:
    'The first message of the server’s encrypted flight in TLS 1.3 (RFC 8446, Section 4.3.1). It carries the extensions that do not shape the key exchange, such as ALPN and the server name acknowledgement; in TLS 1.2 these sat in the ServerHello, readable by anyone. It is encrypted with the server handshake traffic key, so from here on an observer sees only record sizes.',
  KeyUpdate:
    'TLS 1.3’s way to change keys in the middle of a connection (RFC 8446, Section 4.6.3): the sender derives its next application traffic secret with “traffic upd” and switches to it for every record after this one. With request_update set, the peer updates its own sending keys too. TLS 1.2 needed a whole renegotiation for this.',
  'TLS 1.3 ClientHello':
    'The client opens a TLS 1.3 handshake. Its legacy_version still says TLS 1.2 so old middleboxes let it through; supported_versions lists the real versions. Unlike TLS 1.2, it already carries key shares (key_share) for the groups it guesses the server will pick, so the key exchange needs no extra round trip. Nothing here is encrypted.',
  'TLS 1.3 ServerHello':
    'The server picks TLS 1.3 (in supported_versions), a cipher suite and one of the client’s key shares, and sends its own share in key_share. With that, both sides can compute the (EC)DHE secret and the handshake traffic keys right away: everything the server sends after this message is encrypted. A TLS 1.3 suite names only the record cipher and the hash; the key exchange and the signature are negotiated separately (RFC 8446, Section 4.1.3).',
  'TLS 1.3 HelloRetryRequest':
    'A ServerHello with a fixed, special random (RFC 8446, Section 4.1.4): the server accepts TLS 1.3 but none of the client’s key shares is for a group it wants, so it names one in key_share. The client sends a second ClientHello with a share for that group, and the handshake costs one more round trip. The transcript replaces the first ClientHello with its hash, in a message_hash, so both sides still hash the same bytes.',
  'TLS 1.3 Certificate':
    'The server’s certificate chain, leaf first, as in TLS 1.2 but encrypted: an observer can no longer see which certificate the server used (RFC 8446, Section 4.4.2). Each entry may carry its own extensions (an OCSP response, for example), and the message starts with a certificate_request_context, empty for the server’s own certificate.',
  'TLS 1.3 Certificate (empty)':
    'The client’s answer to a CertificateRequest when it has no certificate: a Certificate with an empty list, and no CertificateVerify after it (RFC 8446, Section 4.4.2). It is encrypted, and hashed into the transcript like every handshake message.',
  'TLS 1.3 Finished':
    'An HMAC, keyed with this side’s finished_key, over the hash of every handshake message so far (RFC 8446, Section 4.4.4). It proves the sender derived the same keys and saw the same handshake. In TLS 1.3 the server sends its Finished first, at the end of its first flight, and may send application data straight after it; the client’s Finished completes the handshake.',
  'TLS 1.3 NewSessionTicket':
    'Sent after the handshake, encrypted under the application keys (RFC 8446, Section 4.6.1). Each ticket stands for a pre-shared key derived from the resumption_master_secret and the ticket’s nonce; a later connection offers it in pre_shared_key to skip the certificate, with a binder that proves it holds the PSK. The ticket_age_add hides how old the ticket is from observers.',
  'TLS 1.3 ChangeCipherSpec':
    'A dummy ChangeCipherSpec that TLS 1.3 sends only to look like a resumed TLS 1.2 handshake to middleboxes that would otherwise drop the connection (RFC 8446, Appendix D.4). It changes nothing: keys switch on their own, and the receiver ignores it. It is never encrypted and never hashed into the transcript.',
  'TLS 1.3 ApplicationData (GET /)':
    'The browser’s HTTP request, encrypted with the client application traffic key (RFC 8446, Section 5.2). The record header always says application_data and TLS 1.2; the real content type is hidden inside the encryption, and the nonce is the IV XORed with the sequence number, so no explicit nonce travels on the wire.',
  'TLS 1.3 ApplicationData (HTTP 200 OK)':
    'The server’s HTTP response, encrypted with the server application traffic key. An observer sees only an application_data record of some length: the content type, even the fact that it is a response and not a handshake message, is inside the ciphertext (RFC 8446, Section 5.2).',
  'TLS 1.3 ApplicationData':
    'A TLS 1.3 protected record (RFC 8446, Section 5.2): its outer type is always application_data, and the true content type (handshake, alert or data) is the last byte of the decrypted plaintext. The inspector shows the inside because this page holds the traffic keys.',
  'TLS 1.3 Alert close_notify':
    'An encrypted warning alert saying this side will send nothing more (RFC 8446, Section 6.1). In TLS 1.3 the alert is inside a protected record, so an observer cannot tell it from data.',
};

/** The TLS 1.3 engine's notes (`note` events). Params are filled in by name. */
const notes: Table = {
  'tls13.client.offer_psk':
    'The client offers a PSK from an earlier TLS 1.3 ticket ({suite}), with a binder that proves it holds the key (RFC 8446, Section 4.2.11).',
  'tls13.client.psk_declined':
    'The server did not take the offered PSK; the handshake goes on in full, with a certificate.',
  'tls13.client.server_hello':
    'The server chose TLS 1.3 with {suite} and {group}. PSK: {psk}. From here on its messages are encrypted under the handshake keys.',
  'tls13.client.server_chose_tls12':
    'The ServerHello has no supported_versions: the server chose TLS 1.2, and its random carries no downgrade sentinel. The TLS 1.2 client takes over.',
  'tls13.client.hello_retry':
    'The server sent a HelloRetryRequest (group {group}, cookie: {cookie}). The client sends its ClientHello again; the transcript now starts with a hash of the first one (RFC 8446, Section 4.4.1).',
  'tls13.client.certificate_requested':
    'The server asks for a client certificate. This client has none and will send an empty Certificate.',
  'tls13.client.certificate_verify_valid':
    'The server’s CertificateVerify ({scheme}) checks out: it holds the certificate’s private key and signed this very handshake.',
  'tls13.client.ticket_stored':
    'The client stored a NewSessionTicket (lifetime {lifetime} s) and the PSK derived from it, to resume later.',
  'tls13.client.key_update':
    'The server updated its traffic keys (KeyUpdate). The client answered with its own update: {answered}.',
  'tls13.client.key_update_sent':
    'The client sent a KeyUpdate with update_requested: its records from here on use client_application_traffic_secret_{generation}, and the server must update its own keys and answer with a KeyUpdate before its next data (RFC 8446, Section 4.6.3).',
  'tls13.client.key_update_answered':
    'The server answered the client’s KeyUpdate with its own: its records from here on use server_application_traffic_secret_{generation}. Both directions now run on fresh keys, and the old ones are gone (RFC 8446, Section 7.2).',
  'tls13.server.hello_retry':
    'None of the client’s key shares is for the group the server prefers, so it answers with a HelloRetryRequest asking for a {group} share: one extra round trip (RFC 8446, Section 4.1.4).',
  'tls13.server.compat_ccs':
    'The client sent a legacy session ID, so the server follows its first handshake message with a ChangeCipherSpec that means nothing, only so middleboxes see what looks like a TLS 1.2 resumption (RFC 8446, Appendix D.4).',
  'tls13.server.psk_accepted':
    'The server opened the client’s ticket (PSK identity {identity}) and its binder verified: the handshake resumes with that PSK, and a fresh ECDHE exchange keeps forward secrecy (psk_dhe_ke).',
  'tls13.server.psk_not_usable':
    'The server could not use any PSK the client offered (an unknown or expired ticket, or another hash), so it runs a full handshake.',
  'tls13.key_update':
    'A KeyUpdate: the sender’s next records use the next application traffic secret (RFC 8446, Section 4.6.3). Update requested in return: {request}.',
  'tls13.server.downgrade_sentinel':
    'This server also speaks TLS 1.3, so its TLS 1.2 ServerHello.random ends in “DOWNGRD” 01. A TLS 1.3 client that sees it knows someone removed 1.3 from its offer (RFC 8446, Section 4.1.3).',
  'tls13.server.early_data_skipped':
    'The client sent early (0-RTT) data, which this server never accepts: a record of {bytes} bytes that does not open under the handshake keys was skipped (RFC 8446, Section 4.2.10).',
  'tls13.ccs_ignored':
    'A TLS 1.3 peer sent ChangeCipherSpec only so that middleboxes see a familiar handshake (RFC 8446, Appendix D.4). It carries no meaning and was dropped.',
};

/** The states only the TLS 1.3 machines wait in (the diagram's pills). */
const states: Table = {
  ExpectEncryptedExtensions:
    'TLS 1.3: the client has the handshake keys from the ServerHello and waits for EncryptedExtensions, the first encrypted message of the server’s flight.',
  ExpectCertificateVerify:
    'TLS 1.3: the client has checked the server’s certificate and waits for CertificateVerify, a signature over the handshake so far made with the certificate’s key.',
  ExpectRetryClientHello:
    'TLS 1.3: the server has sent a HelloRetryRequest and waits for the client’s second ClientHello, which must carry a key share for the group it asked for and otherwise match the first (RFC 8446, Section 4.1.2).',
};

export const enTls13: { messages: Table; states: Table; notes: Table } = {
  messages,
  states,
  notes,
};

/**
 * What each field of a TLS or HTTP message is, for the field selected in Bytes or Fields: the span
 * explanations, keyed by the engine's `explain` keys (grep `explain:` in src/engine); DNS's are in
 * ./en-dns.ts. Nothing is selected in the first drawing, so this part comes with the tabs that
 * select fields (src/ui/lazy.ts); ./index.ts merges it into the English table (en.ts), and the
 * Korean table (ko.ts) holds all of it.
 */
import { SPAN_VALUE_TEXT_EN } from '../../i18n/span-values.en';
import type { Table } from './en';

const spans: Table = {
  'bytes.length':
    'A length prefix: how many bytes of the field follow. TLS and DNS prefix variable-length data so a parser knows where it ends.',

  'tls.record':
    'A TLS record: the unit TLS sends over TCP. Its 5-byte header gives the content type, the protocol version and the length of the fragment that follows (RFC 5246, Section 6.2.1).',
  'tls.record.type':
    'The content type: handshake (22), change_cipher_spec (20), alert (21) or application_data (23). It stays readable even when the record is encrypted.',
  'tls.record.version':
    'The record-layer version, 0x0303 for TLS 1.2 (0x0301 is common in the very first ClientHello for compatibility).',
  'tls.record.length':
    'The number of fragment bytes that follow the 5-byte record header (at most 2^14 plus expansion).',
  'tls.record.fragment':
    'The record’s payload: one or more handshake messages, an alert, a ChangeCipherSpec or application data.',
  'tls.record.encrypted':
    'An encrypted record: explicit nonce, AEAD ciphertext and authentication tag. Only the record header is readable on the wire.',
  'tls.record.nonce_explicit':
    'The explicit part of the AES-GCM nonce, sent in clear: here it is the record’s 64-bit sequence number (RFC 5288, Section 3).',
  'tls.record.ciphertext':
    'The encrypted content. Without the write key it looks like random bytes; its length equals the plaintext’s length.',
  'tls.record.tag':
    'The 16-byte authentication tag. The receiver recomputes it over the ciphertext and the AAD; any changed bit makes it reject the record with bad_record_mac.',

  'tls.handshake':
    'A handshake message: a 1-byte type and a 3-byte length, then the body (RFC 5246, Section 7.4). Every handshake message is hashed into the transcript that Finished checks.',
  'tls.handshake.msg_type':
    'Which handshake message this is, e.g. client_hello (1), server_hello (2), certificate (11).',
  'tls.handshake.length': 'The length of the handshake message body, in 3 bytes.',
  'tls.handshake.body': 'The body of the handshake message.',
  'tls.handshake.fragment': 'Part of a handshake message that was split across records.',

  'tls.client_hello.client_version':
    'The highest TLS version the client supports: 0x0303 is TLS 1.2 (TLS versions count on from SSL 3.0, which was 0x0300).',
  'tls.client_hello.random':
    '32 random bytes from the client. They go into the master secret and the key block, so every connection gets fresh keys even if the same key exchange were repeated.',
  'tls.client_hello.session_id':
    'A session ID to resume an earlier session; empty here, so this is a fresh session.',
  'tls.client_hello.cipher_suites':
    'The cipher suites the client can use, most preferred first. Each one fixes the key exchange, the authentication, the record cipher and the PRF hash.',
  'tls.client_hello.compression_methods':
    'Compression methods; only null (0). TLS compression was abandoned after the CRIME attack showed it leaks secrets.',
  'tls.client_hello.extensions':
    'Extensions: optional features the client asks for, each as type, length and data.',

  'tls.server_hello.server_version': 'The version the server picked: TLS 1.2 (0x0303).',
  'tls.server_hello.random':
    '32 random bytes from the server. With the client random they make the keys unique to this connection and stop replays.',
  'tls.server_hello.session_id':
    'The session ID the server assigned; the client can offer it later to resume this session.',
  'tls.server_hello.cipher_suite':
    'The one cipher suite the server chose from the client’s list. It decides the rest of the handshake: the certificate type, the signature and the record cipher.',
  'tls.server_hello.compression_method':
    'The compression method the server chose: null, no compression.',
  'tls.server_hello.extensions':
    'The extensions the server accepts. A server may only answer extensions that the client offered.',

  'tls.ext.extension_type': 'The extension’s type number (IANA “TLS ExtensionType Values”).',
  'tls.ext.extension_data': 'The extension’s data, with a 2-byte length.',
  'tls.ext.unknown': 'An extension this decoder does not know; kept as raw bytes.',
  'tls.ext.server_name':
    'Server Name Indication (RFC 6066, Section 3): the host the client wants, so one IP address can serve many sites. It is sent in clear.',
  'tls.ext.server_name.server_name_list': 'The list of names, in practice a single host_name.',
  'tls.ext.supported_groups':
    'The elliptic curves the client can do ECDHE on, most preferred first (RFC 8422, Section 5.1.1).',
  'tls.ext.supported_groups.named_group_list':
    'The named groups, 2 bytes each: x25519 (29), secp256r1 (23), secp384r1 (24).',
  'tls.ext.ec_point_formats':
    'The EC point formats the client can parse; uncompressed is the only one in use (RFC 8422).',
  'tls.ext.ec_point_formats.ec_point_format_list': 'The list of point formats: uncompressed (0).',
  'tls.ext.signature_algorithms':
    'The signature algorithms the client accepts in ServerKeyExchange and in certificates (RFC 5246, Section 7.4.1.4.1).',
  'tls.ext.signature_algorithms.supported_signature_algorithms':
    'Signature schemes, 2 bytes each: a hash and a signature algorithm, such as rsa_pss_rsae_sha256 (0x0804).',
  'tls.ext.extended_master_secret':
    'Extended master secret (RFC 7627): derive the master secret from a hash of the whole handshake, not just the randoms. This stops the triple-handshake attack.',
  'tls.ext.session_ticket':
    'Session tickets (RFC 5077): empty from the client means “I can take a ticket”; from the server, “I will send one”.',
  'tls.ext.session_ticket.ticket': 'A ticket from an earlier connection, offered to resume it.',
  'tls.ext.alpn':
    'Application-Layer Protocol Negotiation (RFC 7301): which protocol runs inside TLS, here http/1.1.',
  'tls.ext.alpn.protocol_name_list': 'The protocol names, each with a 1-byte length.',
  'tls.ext.renegotiation_info':
    'Secure renegotiation (RFC 5746). Empty on a first handshake; it ties any later renegotiation to this connection.',
  'tls.ext.renegotiation_info.renegotiated_connection': 'Empty on an initial handshake.',

  'tls.certificate.certificate_list':
    'The chain, leaf first, each certificate with a 3-byte length. The root is left out: the client must already have it.',
  'tls.certificate.der':
    'One X.509 certificate in DER: subject, issuer, validity, public key, extensions such as the names it is valid for, and the issuer’s signature over all of it.',
  'tls.certificate.certificate_list.empty':
    'An empty certificate list (length 0): the sender has no certificate to give. A client asked for one by CertificateRequest answers this way when it has none (RFC 5246, Section 7.4.6), and the server decides whether to go on without client authentication.',

  'tls.certificate_request.certificate_types':
    'The kinds of certificate the server accepts, by key type, most preferred first: rsa_sign (1), ecdsa_sign (64), …',
  'tls.certificate_request.supported_signature_algorithms':
    'The signature schemes the server can verify, 2 bytes each. A client that has a certificate signs its CertificateVerify with one of them.',
  'tls.certificate_request.certificate_authorities':
    'The CAs whose certificates the server accepts, each a distinguished name with a 2-byte length. Empty means the server names none: any CA may do.',
  'tls.certificate_request.distinguished_name':
    'One CA the server accepts: its X.501 distinguished name, with a 2-byte length.',
  'tls.certificate_request.distinguished_name.der':
    'The name in DER, shown decoded. A client with certificates picks one that chains up to this CA.',

  'tls.server_key_exchange.params':
    'The ECDHE parameters: the curve and the server’s ephemeral public key.',
  'tls.server_key_exchange.curve_type':
    'named_curve (3): the curve is named by number rather than spelled out.',
  'tls.server_key_exchange.named_curve':
    'The curve the server picked from the client’s supported_groups.',
  'tls.server_key_exchange.public':
    'The server’s ephemeral ECDHE public key (for x25519, 32 bytes). It is made fresh for this connection and then forgotten.',
  'tls.server_key_exchange.signed_params':
    'The signature algorithm and the signature over client_random + server_random + the ECDHE parameters.',
  'tls.server_key_exchange.algorithm':
    'The signature scheme used, one the client listed in signature_algorithms. In TLS 1.2 it fixes the hash and the kind of key (RSA-PSS, RSA PKCS#1 v1.5 or ECDSA) but not the curve: ecdsa_secp384r1_sha384 means ECDSA with SHA-384 on whatever curve the certificate’s key uses.',
  'tls.server_key_exchange.signature':
    'The signature made with the certificate’s private key. Checking it with the certificate’s public key proves the server holds that key and that nobody swapped the ECDHE key on the way.',
  'tls.server_key_exchange.unsupported':
    'Parameters for a key exchange this decoder does not handle; kept as raw bytes.',

  'tls.client_key_exchange.ecdh_Yc':
    'The client’s ephemeral ECDHE public key. With the server’s private key it yields the same shared secret the client got.',

  'tls.change_cipher_spec.type':
    'Always 1. The message only signals that the next record from this side is encrypted.',
  'tls.finished.verify_data':
    '12 bytes: PRF(master_secret, “client finished” or “server finished”, hash of all handshake messages so far). The peer computes the same value and compares.',
  'tls.new_session_ticket.ticket_lifetime_hint': 'How many seconds the client may keep the ticket.',
  'tls.new_session_ticket.ticket':
    'The ticket: the session state encrypted and authenticated with the server’s ticket key. The client cannot read it; it only stores it and sends it back.',

  'tls.alert': 'An alert: a level and a description (RFC 5246, Section 7.2).',
  'tls.alert.level': 'warning (1) or fatal (2). A fatal alert ends the connection at once.',
  'tls.alert.description':
    'Which condition the alert reports, such as close_notify (0) or bad_certificate (42).',
  'tls.application_data': 'Application data carried inside the TLS record.',

  'http.request': 'An HTTP/1.1 request.',
  'http.request.method': 'The HTTP method.',
  'http.request.uri': 'The path requested.',
  'http.response': 'An HTTP/1.1 response.',
  'http.response.code': 'The HTTP status code.',
  'http.start_line':
    'The HTTP start line: the method, path and version of a request, or the version and status of a response.',
  'http.header': 'One HTTP header line: a name, a colon and a value, ended by CRLF.',
  'http.end_of_headers': 'An empty line (CRLF) ends the headers; the body, if any, follows.',
  'http.body': 'The body of the HTTP message: here the HTML page.',
  'http.file_data': 'The file data carried in the HTTP body.',
};

/** The words of the Bytes and Fields tabs around the fields: the record's parts, the hex dump. */
const ui = {
  wireBytes: 'On the wire',
  ciphertext: 'Ciphertext (on the wire)',
  plaintext: 'Plaintext (decrypted with the session keys)',
  nonce: 'Nonce',
  aad: 'Additional authenticated data (AAD)',
  nonceHelp:
    'The AEAD nonce for this record. For AES-GCM it is the 4-byte salt from the key block followed by the 8-byte explicit nonce, which is the record sequence number (RFC 5288, Section 3). For ChaCha20-Poly1305 it is the 12-byte IV XORed with the sequence number (RFC 7905, Section 2).',
  aadHelp:
    'Authenticated but not encrypted: sequence number (8 bytes), record type (1), version (2) and plaintext length (2) (RFC 5246, Section 6.2.3.3). A change to any of them makes the tag check fail.',
  aadSeq: 'seq_num',
  aadType: 'type',
  aadVersion: 'version',
  aadLength: 'length',
  hexOffset: 'Offset',
  hexDumpLabel: 'Hex dump of {what}',
  hexHint: 'Hover over bytes to see their field; click to select it.',
  fieldNone: 'No field selected. Click bytes or a row in Fields.',
  fieldSelected: 'Selected field',
  fieldAt: 'bytes {start}–{end} ({count#one:# byte|other:# bytes})',
  fieldValue: 'Value',
  fieldPath: 'Path',
  fieldsLabel: 'Fields of {what}',
  fieldBytes: 'Bytes of {name}',
  showInBytes: 'Show in Bytes',
};

/** The words around the data in a field's value ("2 certificates"): ../../i18n/span-values.en.ts. */
const spanValues: Table = SPAN_VALUE_TEXT_EN;

export const enFields = { ui, spans, spanValues };

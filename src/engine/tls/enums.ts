/**
 * TLS 1.2 wire enumerations (RFC 5246 and the extension RFCs) and display names for them.
 *
 * Fields on the wire keep the raw number everywhere, so an unknown value survives decoding and
 * re-encoding (STYLE.md: rustls keeps the raw number). The constant objects name the values this
 * engine implements; the name tables below know many more, so `tls decode` of a browser's or
 * OpenSSL's hello reads well even where we do not implement a feature.
 */

/** RFC 5246, Section 6.2.1 (ContentType). */
export const ContentType = {
  change_cipher_spec: 20,
  alert: 21,
  handshake: 22,
  application_data: 23,
} as const;

/** RFC 5246, Section 7.4 (HandshakeType); new_session_ticket is RFC 5077, Section 3.3. */
export const HandshakeType = {
  hello_request: 0,
  client_hello: 1,
  server_hello: 2,
  new_session_ticket: 4,
  certificate: 11,
  server_key_exchange: 12,
  certificate_request: 13,
  server_hello_done: 14,
  certificate_verify: 15,
  client_key_exchange: 16,
  finished: 20,
  // RFC 8446, Section 4: the TLS 1.3 additions.
  end_of_early_data: 5,
  encrypted_extensions: 8,
  key_update: 24,
  /** Never on the wire: the synthetic message that replaces ClientHello1 in the transcript (RFC 8446, Section 4.4.1). */
  message_hash: 254,
} as const;

/** RFC 5246, Section 6.2.1 (ProtocolVersion): {major, minor} read as one 16-bit number. */
export const ProtocolVersion = {
  TLS10: 0x0301,
  TLS11: 0x0302,
  TLS12: 0x0303,
  /** RFC 8446, Section 4.2.1: only ever in supported_versions; legacy_version stays 0x0303. */
  TLS13: 0x0304,
} as const;

declare const cipherSuiteBrand: unique symbol;
declare const namedGroupBrand: unique symbol;
/**
 * A cipher suite's two-byte code (RFC 5246, Appendix A.5). Branded, so a group or a version
 * cannot stand where a suite belongs; any 16-bit value is one, so an unknown suite survives.
 */
export type CipherSuite = number & { readonly [cipherSuiteBrand]: true };
/** A named group's code (RFC 8422, Section 5.1.1; RFC 7919), branded like CipherSuite. */
export type NamedGroup = number & { readonly [namedGroupBrand]: true };

/** A suite code read off the wire or named by a user. */
export function cipherSuite(code: number): CipherSuite {
  return code as CipherSuite;
}

/** A group code read off the wire or named by a user. */
export function namedGroup(code: number): NamedGroup {
  return code as NamedGroup;
}

function brand<B extends number>() {
  return <K extends string, V extends number>(table: Record<K, V>): Readonly<Record<K, V & B>> =>
    table as Record<K, V & B>;
}

/** The suites this engine implements (RFC 5289, RFC 7905) and the renegotiation SCSV (RFC 5746, Section 3.3). */
export const CipherSuite = brand<CipherSuite>()({
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: 0xc02f,
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: 0xc030,
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: 0xcca8,
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 0xc02b,
  TLS_EMPTY_RENEGOTIATION_INFO_SCSV: 0x00ff,
});

/** RFC 8446, Appendix B.4: the TLS 1.3 suites we implement (only an AEAD and a hash each). */
export const Tls13CipherSuite = brand<CipherSuite>()({
  TLS_AES_128_GCM_SHA256: 0x1301,
  TLS_AES_256_GCM_SHA384: 0x1302,
  TLS_CHACHA20_POLY1305_SHA256: 0x1303,
});

/** RFC 8422, Section 5.1.1 (NamedCurve), renamed NamedGroup by RFC 7919. */
export const NamedGroup = brand<NamedGroup>()({
  x25519: 29,
  secp256r1: 23,
  secp384r1: 24,
  secp521r1: 25,
});

/** RFC 8446, Section 4.2.3 (SignatureScheme); in TLS 1.2 the same two bytes are {hash, signature} (RFC 5246, Section 7.4.1.4.1). */
export const SignatureScheme = {
  rsa_pkcs1_sha256: 0x0401,
  rsa_pkcs1_sha384: 0x0501,
  rsa_pkcs1_sha512: 0x0601,
  rsa_pss_rsae_sha256: 0x0804,
  rsa_pss_rsae_sha384: 0x0805,
  rsa_pss_rsae_sha512: 0x0806,
  ecdsa_secp256r1_sha256: 0x0403,
  ecdsa_secp384r1_sha384: 0x0503,
  ecdsa_secp521r1_sha512: 0x0603,
} as const;

/** RFC 5246, Section 7.4.1.4 (ExtensionType) and the RFCs that registered each value. */
export const ExtensionType = {
  server_name: 0,
  supported_groups: 10,
  ec_point_formats: 11,
  signature_algorithms: 13,
  application_layer_protocol_negotiation: 16,
  extended_master_secret: 23,
  session_ticket: 35,
  renegotiation_info: 0xff01,
  // RFC 8446, Section 4.2: the TLS 1.3 extensions.
  pre_shared_key: 41,
  early_data: 42,
  supported_versions: 43,
  cookie: 44,
  psk_key_exchange_modes: 45,
  key_share: 51,
} as const;

/** RFC 8446, Section 4.2.9 (PskKeyExchangeMode). */
export const PskKeyExchangeMode = {
  psk_ke: 0,
  psk_dhe_ke: 1,
} as const;

/** RFC 8446, Section 4.6.3 (KeyUpdateRequest). */
export const KeyUpdateRequest = {
  update_not_requested: 0,
  update_requested: 1,
} as const;

/** RFC 8422, Section 5.4 (ECCurveType). Only named_curve is allowed (RFC 8422 deprecates the explicit ones). */
export const CurveType = {
  explicit_prime: 1,
  explicit_char2: 2,
  named_curve: 3,
} as const;

/**
 * RFC 5246, Section 7.4.4 (ClientCertificateType), with ecdsa_sign and the fixed-ECDH types of
 * RFC 8422, Section 5.5.
 */
export const ClientCertificateType = {
  rsa_sign: 1,
  dss_sign: 2,
  rsa_fixed_dh: 3,
  dss_fixed_dh: 4,
  rsa_ephemeral_dh_RESERVED: 5,
  dss_ephemeral_dh_RESERVED: 6,
  fortezza_dms_RESERVED: 20,
  ecdsa_sign: 64,
  rsa_fixed_ecdh: 65,
  ecdsa_fixed_ecdh: 66,
} as const;

/** RFC 8422, Section 5.1.2 (ECPointFormat). */
export const ECPointFormat = {
  uncompressed: 0,
  ansiX962_compressed_prime: 1,
  ansiX962_compressed_char2: 2,
} as const;

/** RFC 5246, Section 7.4.1.2 (CompressionMethod); DEFLATE is RFC 3749. */
export const CompressionMethod = {
  null: 0,
  DEFLATE: 1,
} as const;

/** RFC 5246, Section 7.2 (AlertLevel). */
export const AlertLevel = {
  warning: 1,
  fatal: 2,
} as const;

/**
 * RFC 5246, Section 7.2 (AlertDescription), every value including the _RESERVED ones, plus
 * inappropriate_fallback (RFC 7507), unrecognized_name (RFC 6066) and no_application_protocol
 * (RFC 7301).
 */
export const AlertDescription = {
  close_notify: 0,
  unexpected_message: 10,
  bad_record_mac: 20,
  decryption_failed_RESERVED: 21,
  record_overflow: 22,
  decompression_failure: 30,
  handshake_failure: 40,
  no_certificate_RESERVED: 41,
  bad_certificate: 42,
  unsupported_certificate: 43,
  certificate_revoked: 44,
  certificate_expired: 45,
  certificate_unknown: 46,
  illegal_parameter: 47,
  unknown_ca: 48,
  access_denied: 49,
  decode_error: 50,
  decrypt_error: 51,
  export_restriction_RESERVED: 60,
  protocol_version: 70,
  insufficient_security: 71,
  internal_error: 80,
  inappropriate_fallback: 86,
  user_canceled: 90,
  no_renegotiation: 100,
  unsupported_extension: 110,
  unrecognized_name: 112,
  no_application_protocol: 120,
  // RFC 8446, Section 6.2: the TLS 1.3 additions.
  missing_extension: 109,
  unknown_psk_identity: 115,
  certificate_required: 116,
} as const;

// ---------------------------------------------------------------------------------------------
// Name tables. Each holds the implemented values above plus common ones seen from real peers.

function table(...sources: Record<string, number>[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const source of sources)
    for (const [name, value] of Object.entries(source)) out.set(value, name);
  return out;
}

const contentTypeNames = table(ContentType, { heartbeat: 24, tls12_cid: 25 });

const handshakeTypeNames = table(HandshakeType, {
  hello_verify_request: 3,
  end_of_early_data: 5,
  hello_retry_request_RESERVED: 6,
  encrypted_extensions: 8,
  certificate_url: 21,
  certificate_status: 22,
  supplemental_data: 23,
  key_update: 24,
  compressed_certificate: 25,
  message_hash: 254,
});

const versionNames = new Map<number, string>([
  [0x0002, 'SSL 2.0'],
  [0x0300, 'SSL 3.0'],
  [0x0301, 'TLS 1.0'],
  [0x0302, 'TLS 1.1'],
  [0x0303, 'TLS 1.2'],
  [0x0304, 'TLS 1.3'],
  [0xfeff, 'DTLS 1.0'],
  [0xfefd, 'DTLS 1.2'],
  [0xfefc, 'DTLS 1.3'],
]);

const cipherSuiteNames = table(CipherSuite, {
  // TLS 1.3 (RFC 8446, Appendix B.4).
  TLS_AES_128_GCM_SHA256: 0x1301,
  TLS_AES_256_GCM_SHA384: 0x1302,
  TLS_CHACHA20_POLY1305_SHA256: 0x1303,
  TLS_AES_128_CCM_SHA256: 0x1304,
  TLS_AES_128_CCM_8_SHA256: 0x1305,
  // ECDHE (RFC 8422, RFC 5289, RFC 7905, RFC 7251).
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: 0xc02c,
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: 0xcca9,
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: 0xc009,
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: 0xc00a,
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256: 0xc023,
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384: 0xc024,
  TLS_ECDHE_ECDSA_WITH_AES_128_CCM: 0xc0ac,
  TLS_ECDHE_ECDSA_WITH_AES_256_CCM: 0xc0ad,
  TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8: 0xc0ae,
  TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8: 0xc0af,
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: 0xc013,
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: 0xc014,
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256: 0xc027,
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384: 0xc028,
  TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA: 0xc012,
  TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256: 0xc05c,
  TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256: 0xc060,
  // DHE (RFC 5288, RFC 7905).
  TLS_DHE_RSA_WITH_AES_128_GCM_SHA256: 0x009e,
  TLS_DHE_RSA_WITH_AES_256_GCM_SHA384: 0x009f,
  TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256: 0xccaa,
  TLS_DHE_RSA_WITH_AES_128_CBC_SHA: 0x0033,
  TLS_DHE_RSA_WITH_AES_256_CBC_SHA: 0x0039,
  TLS_DHE_RSA_WITH_AES_128_CBC_SHA256: 0x0067,
  TLS_DHE_RSA_WITH_AES_256_CBC_SHA256: 0x006b,
  TLS_DHE_RSA_WITH_AES_128_CCM: 0xc09e,
  TLS_DHE_RSA_WITH_AES_256_CCM: 0xc09f,
  // Static RSA key exchange (RFC 5246, Appendix A.5; RFC 5288).
  TLS_RSA_WITH_AES_128_GCM_SHA256: 0x009c,
  TLS_RSA_WITH_AES_256_GCM_SHA384: 0x009d,
  TLS_RSA_WITH_AES_128_CBC_SHA: 0x002f,
  TLS_RSA_WITH_AES_256_CBC_SHA: 0x0035,
  TLS_RSA_WITH_AES_128_CBC_SHA256: 0x003c,
  TLS_RSA_WITH_AES_256_CBC_SHA256: 0x003d,
  TLS_RSA_WITH_3DES_EDE_CBC_SHA: 0x000a,
  TLS_RSA_WITH_RC4_128_SHA: 0x0005,
  TLS_RSA_WITH_RC4_128_MD5: 0x0004,
  TLS_RSA_WITH_NULL_SHA256: 0x003b,
  TLS_RSA_WITH_AES_128_CCM: 0xc09c,
  TLS_RSA_WITH_AES_256_CCM: 0xc09d,
  TLS_NULL_WITH_NULL_NULL: 0x0000,
  // PSK suites OpenSSL offers (RFC 5487, RFC 7905).
  TLS_PSK_WITH_AES_128_GCM_SHA256: 0x00a8,
  TLS_PSK_WITH_AES_256_GCM_SHA384: 0x00a9,
  TLS_PSK_WITH_CHACHA20_POLY1305_SHA256: 0xccab,
  TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256: 0xccac,
  TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256: 0xccad,
  TLS_DHE_PSK_WITH_AES_128_GCM_SHA256: 0x00aa,
  TLS_DHE_PSK_WITH_AES_256_GCM_SHA384: 0x00ab,
  TLS_RSA_PSK_WITH_AES_128_GCM_SHA256: 0x00ac,
  TLS_RSA_PSK_WITH_AES_256_GCM_SHA384: 0x00ad,
  TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256: 0xccae,
  // Signalling values (RFC 7507).
  TLS_FALLBACK_SCSV: 0x5600,
});

const namedGroupNames = table(NamedGroup, {
  sect163k1: 1,
  sect163r2: 3,
  sect233k1: 6,
  sect233r1: 7,
  sect283k1: 9,
  sect283r1: 10,
  sect409k1: 11,
  sect409r1: 12,
  sect571k1: 13,
  sect571r1: 14,
  secp160k1: 15,
  secp160r1: 16,
  secp160r2: 17,
  secp192k1: 18,
  secp192r1: 19,
  secp224k1: 20,
  secp224r1: 21,
  secp256k1: 22,
  brainpoolP256r1: 26,
  brainpoolP384r1: 27,
  brainpoolP512r1: 28,
  x448: 30,
  brainpoolP256r1tls13: 31,
  brainpoolP384r1tls13: 32,
  brainpoolP512r1tls13: 33,
  // RFC 7919 finite-field groups.
  ffdhe2048: 256,
  ffdhe3072: 257,
  ffdhe4096: 258,
  ffdhe6144: 259,
  ffdhe8192: 260,
  // Hybrid post-quantum groups (draft-ietf-tls-ecdhe-mlkem, draft-tls-westerbaan-xyber768d00).
  SecP256r1MLKEM768: 0x11eb,
  X25519MLKEM768: 0x11ec,
  SecP384r1MLKEM1024: 0x11ed,
  X25519Kyber768Draft00: 0x6399,
  arbitrary_explicit_prime_curves: 0xff01,
  arbitrary_explicit_char2_curves: 0xff02,
});

const signatureSchemeNames = table(SignatureScheme, {
  rsa_pkcs1_sha1: 0x0201,
  ecdsa_sha1: 0x0203,
  dsa_sha1: 0x0202,
  rsa_pkcs1_md5: 0x0101,
  // TLS 1.2 {hash, signature} pairs with SHA-224 and DSA (RFC 5246, Section 7.4.1.4.1).
  rsa_pkcs1_sha224: 0x0301,
  dsa_sha224: 0x0302,
  ecdsa_sha224: 0x0303,
  dsa_sha256: 0x0402,
  dsa_sha384: 0x0502,
  dsa_sha512: 0x0602,
  ed25519: 0x0807,
  ed448: 0x0808,
  rsa_pss_pss_sha256: 0x0809,
  rsa_pss_pss_sha384: 0x080a,
  rsa_pss_pss_sha512: 0x080b,
  ecdsa_brainpoolP256r1tls13_sha256: 0x081a,
  ecdsa_brainpoolP384r1tls13_sha384: 0x081b,
  ecdsa_brainpoolP512r1tls13_sha512: 0x081c,
  mldsa44: 0x0904,
  mldsa65: 0x0905,
  mldsa87: 0x0906,
});

const extensionNames = table(ExtensionType, {
  max_fragment_length: 1,
  client_certificate_url: 2,
  trusted_ca_keys: 3,
  truncated_hmac: 4,
  status_request: 5,
  user_mapping: 6,
  client_authz: 7,
  server_authz: 8,
  cert_type: 9,
  srp: 12,
  use_srtp: 14,
  heartbeat: 15,
  status_request_v2: 17,
  signed_certificate_timestamp: 18,
  client_certificate_type: 19,
  server_certificate_type: 20,
  padding: 21,
  encrypt_then_mac: 22,
  token_binding: 24,
  cached_info: 25,
  compress_certificate: 27,
  record_size_limit: 28,
  delegated_credential: 34,
  pre_shared_key: 41,
  early_data: 42,
  supported_versions: 43,
  cookie: 44,
  psk_key_exchange_modes: 45,
  certificate_authorities: 47,
  oid_filters: 48,
  post_handshake_auth: 49,
  signature_algorithms_cert: 50,
  key_share: 51,
  connection_id: 54,
  quic_transport_parameters: 57,
  next_protocol_negotiation: 13172,
  application_settings_old: 17513,
  application_settings: 17613,
  channel_id: 30032,
  encrypted_client_hello: 0xfe0d,
});

const alertDescriptionNames = table(AlertDescription, {
  bad_certificate_status_response: 113,
  bad_certificate_hash_value: 114,
  certificate_unobtainable: 111,
  unknown_psk_identity: 115,
  certificate_required: 116,
  missing_extension: 109,
});

const curveTypeNames = table(CurveType);
const clientCertificateTypeNames = table(ClientCertificateType);
const pointFormatNames = table(ECPointFormat);
const compressionNames = table(CompressionMethod);
const alertLevelNames = table(AlertLevel);

// ---------------------------------------------------------------------------------------------
// Name functions. They never throw: an unknown value is kept and shown as "unknown (0x1234)".

function hex(n: number, width: number): string {
  return `0x${n.toString(16).padStart(width * 2, '0')}`;
}

/** RFC 8701, Section 2: GREASE values are {0x?A, 0x?A} with both bytes equal. */
export function isGrease(n: number): boolean {
  return n >= 0 && n <= 0xffff && (n & 0x0f0f) === 0x0a0a && n >> 8 === (n & 0xff);
}

function lookup(names: Map<number, string>, n: number, width: number, grease = false): string {
  const name = names.get(n);
  if (name !== undefined) return name;
  if (grease && isGrease(n)) return 'GREASE';
  return `unknown (${hex(n, width)})`;
}

export function contentTypeName(n: number): string {
  return lookup(contentTypeNames, n, 1);
}
export function handshakeTypeName(n: number): string {
  return lookup(handshakeTypeNames, n, 1);
}
export function versionName(n: number): string {
  return lookup(versionNames, n, 2, true);
}
export function cipherSuiteName(n: number): string {
  return lookup(cipherSuiteNames, n, 2, true);
}
export function namedGroupName(n: number): string {
  return lookup(namedGroupNames, n, 2, true);
}
export function signatureSchemeName(n: number): string {
  return lookup(signatureSchemeNames, n, 2, true);
}
export function extensionName(n: number): string {
  return lookup(extensionNames, n, 2, true);
}
export function alertDescriptionName(n: number): string {
  return lookup(alertDescriptionNames, n, 1);
}
export function alertLevelName(n: number): string {
  return lookup(alertLevelNames, n, 1);
}
export function curveTypeName(n: number): string {
  return lookup(curveTypeNames, n, 1);
}
export function clientCertificateTypeName(n: number): string {
  return lookup(clientCertificateTypeNames, n, 1);
}
export function pointFormatName(n: number): string {
  return lookup(pointFormatNames, n, 1);
}
export function compressionMethodName(n: number): string {
  return lookup(compressionNames, n, 1);
}

// ---------------------------------------------------------------------------------------------
// Span values: the name with its number, in the base Wireshark uses for each field, so what the
// inspector shows can be compared with a capture at a glance. An unknown value already carries its
// number, so it is shown as is.

function labelled(name: string, number: string): string {
  return name.startsWith('unknown (') ? name : `${name} (${number})`;
}

export const showContentType = (n: number): string => labelled(contentTypeName(n), `${n}`);
export const showHandshakeType = (n: number): string => labelled(handshakeTypeName(n), `${n}`);
export const showVersion = (n: number): string => labelled(versionName(n), hex(n, 2));
export const showCipherSuite = (n: number): string => labelled(cipherSuiteName(n), hex(n, 2));
export const showNamedGroup = (n: number): string => labelled(namedGroupName(n), `${n}`);
export const showSignatureScheme = (n: number): string =>
  labelled(signatureSchemeName(n), hex(n, 2));
export const showExtensionType = (n: number): string => labelled(extensionName(n), `${n}`);
export const showAlertDescription = (n: number): string =>
  labelled(alertDescriptionName(n), `${n}`);
export const showAlertLevel = (n: number): string => labelled(alertLevelName(n), `${n}`);
export const showCurveType = (n: number): string => labelled(curveTypeName(n), `${n}`);
export const showClientCertificateType = (n: number): string =>
  labelled(clientCertificateTypeName(n), `${n}`);
export const showPointFormat = (n: number): string => labelled(pointFormatName(n), `${n}`);
export const showCompressionMethod = (n: number): string =>
  labelled(compressionMethodName(n), `${n}`);

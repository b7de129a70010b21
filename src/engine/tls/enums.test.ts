import { describe, expect, it } from 'vitest';
import {
  AlertDescription,
  alertDescriptionName,
  cipherSuiteName,
  contentTypeName,
  extensionName,
  handshakeTypeName,
  isGrease,
  namedGroupName,
  showCipherSuite,
  showExtensionType,
  showNamedGroup,
  showVersion,
  signatureSchemeName,
  versionName,
} from './enums';

describe('TLS enums and their names', () => {
  it('holds every RFC 5246, Section 7.2 alert with its number, plus the later ones we send', () => {
    expect(AlertDescription).toEqual({
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
      missing_extension: 109,
      unknown_psk_identity: 115,
      certificate_required: 116,
    });
  });

  it('names what we implement and common values we do not', () => {
    expect(cipherSuiteName(0xc02f)).toBe('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
    expect(cipherSuiteName(0x1301)).toBe('TLS_AES_128_GCM_SHA256');
    expect(cipherSuiteName(0x009c)).toBe('TLS_RSA_WITH_AES_128_GCM_SHA256');
    expect(cipherSuiteName(0x5600)).toBe('TLS_FALLBACK_SCSV');
    expect(namedGroupName(29)).toBe('x25519');
    expect(namedGroupName(30)).toBe('x448');
    expect(namedGroupName(25)).toBe('secp521r1');
    expect(namedGroupName(256)).toBe('ffdhe2048');
    expect(namedGroupName(0x11ec)).toBe('X25519MLKEM768');
    expect(signatureSchemeName(0x0807)).toBe('ed25519');
    expect(signatureSchemeName(0x0805)).toBe('rsa_pss_rsae_sha384');
    expect(signatureSchemeName(0x0503)).toBe('ecdsa_secp384r1_sha384');
    expect(extensionName(51)).toBe('key_share');
    expect(extensionName(43)).toBe('supported_versions');
    expect(extensionName(45)).toBe('psk_key_exchange_modes');
    expect(extensionName(5)).toBe('status_request');
    expect(extensionName(18)).toBe('signed_certificate_timestamp');
    expect(extensionName(22)).toBe('encrypt_then_mac');
    expect(extensionName(21)).toBe('padding');
    expect(extensionName(0xff01)).toBe('renegotiation_info');
    expect(alertDescriptionName(112)).toBe('unrecognized_name');
    expect(handshakeTypeName(13)).toBe('certificate_request');
    expect(contentTypeName(23)).toBe('application_data');
    expect(versionName(0x0304)).toBe('TLS 1.3');
  });

  it('keeps unknown values, in hex, and never throws', () => {
    expect(cipherSuiteName(0x1234)).toBe('unknown (0x1234)');
    expect(extensionName(0xfff0)).toBe('unknown (0xfff0)');
    expect(namedGroupName(0x0999)).toBe('unknown (0x0999)');
    expect(alertDescriptionName(201)).toBe('unknown (0xc9)');
    expect(contentTypeName(99)).toBe('unknown (0x63)');
    expect(handshakeTypeName(99)).toBe('unknown (0x63)');
    expect(versionName(0x7f1c)).toBe('unknown (0x7f1c)');
    for (const f of [
      cipherSuiteName,
      extensionName,
      namedGroupName,
      signatureSchemeName,
      versionName,
    ]) {
      expect(() => f(-1)).not.toThrow();
      expect(() => f(1e9)).not.toThrow();
      expect(() => f(Number.NaN)).not.toThrow();
    }
  });

  it('recognises GREASE (RFC 8701) in every 16-bit registry', () => {
    const grease = [0x0a0a, 0x1a1a, 0x2a2a, 0xfafa];
    for (const v of grease) {
      expect(isGrease(v)).toBe(true);
      expect(cipherSuiteName(v)).toBe('GREASE');
      expect(extensionName(v)).toBe('GREASE');
      expect(namedGroupName(v)).toBe('GREASE');
      expect(signatureSchemeName(v)).toBe('GREASE');
      expect(versionName(v)).toBe('GREASE');
    }
    expect(isGrease(0x0a1a)).toBe(false);
    expect(isGrease(0x0b0b)).toBe(false);
  });

  it('shows a value with its number in the base Wireshark uses', () => {
    expect(showVersion(0x0303)).toBe('TLS 1.2 (0x0303)');
    expect(showCipherSuite(0xc02f)).toBe('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f)');
    expect(showNamedGroup(29)).toBe('x25519 (29)');
    expect(showExtensionType(0)).toBe('server_name (0)');
    expect(showCipherSuite(0x0a0a)).toBe('GREASE (0x0a0a)');
    // An unknown value already carries its number.
    expect(showCipherSuite(0x1234)).toBe('unknown (0x1234)');
  });
});

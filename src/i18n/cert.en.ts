/**
 * The certificate validator's record of each check (ValidationStep, ../engine/tls/certificates/
 * steps.ts), in English. Plain data, read by the UI's tables, the CLI and the tests alike.
 * Extension and field names stay as RFC 5280 spells them.
 */
export const CERT_TEXT_EN = {
  'cert.step.parsed': 'Certificate {index} of {count} is a well-formed X.509 certificate.',
  'cert.step.not_parsed': 'Certificate {index} of {count} cannot be decoded: {cause}.',
  'cert.step.valid': 'Valid {notBefore} to {notAfter}; it is now {now}.',
  'cert.step.not_valid_now': 'Valid {notBefore} to {notAfter}, but it is now {now}.',
  'cert.step.critical_unknown':
    'Critical extension {extensions} is not one this client understands.',
  'cert.step.critical_known': 'Every critical extension is one this client understands.',
  'cert.step.not_ca': '{issuer} signed {subject}, but its basicConstraints does not say cA=TRUE.',
  'cert.step.ca': '{issuer} is a certificate authority (basicConstraints cA=TRUE).',
  'cert.step.path_length':
    'pathLenConstraint {pathLen} allows {pathLen#one:# CA certificate|other:# CA certificates} below it; {casBelow} follow.',
  'cert.step.no_cert_sign': "{issuer}'s keyUsage does not include keyCertSign.",
  'cert.step.cert_sign_unrestricted':
    'No keyUsage extension, so certificate signing is not restricted.',
  'cert.step.cert_sign': 'keyUsage includes keyCertSign.',
  'cert.step.no_digital_signature':
    'keyUsage does not include digitalSignature, which the ServerKeyExchange signature needs.',
  'cert.step.signing_unrestricted': 'No keyUsage extension, so signing is not restricted.',
  'cert.step.digital_signature':
    'keyUsage includes digitalSignature, so the key may sign the ServerKeyExchange.',
  'cert.step.no_server_auth': 'extKeyUsage does not include serverAuth.',
  'cert.step.any_purpose': 'No extKeyUsage extension, so any purpose is allowed.',
  'cert.step.server_auth': 'extKeyUsage includes serverAuth.',
  'cert.step.hostname_matches': '{hostname} matches the subjectAltName entry {matched}.',
  'cert.step.hostname_mismatch': '{hostname} matches none of the subjectAltName entries ({names}).',
  'cert.step.hostname_no_san': '{hostname} matches none of the subjectAltName entries (none).',
  'cert.step.trusted_root': '{subject} is one of the trusted root certificates.',
  'cert.step.bad_signature':
    'The signature on {subject} does not verify with the public key of {issuer}.',
  'cert.step.issued_by_root': 'Issued by {issuer}, a trusted root.',
  'cert.step.issued_by_chain': 'Issued by {issuer}, found in the chain the server sent.',
  'cert.step.signature_verifies':
    'The {algorithm} signature verifies with the public key of {issuer}.',
  'cert.step.bad_self_signature':
    '{subject} names itself as its issuer, but its signature does not verify with its own key.',
  'cert.step.self_signed_untrusted':
    '{subject} is self-signed and is not one of the trusted root certificates.',
  'cert.step.issuer_not_found':
    'The issuer of {subject}, {issuer}, is neither in the chain the server sent nor among the trusted roots.',

  // Why a certificate's DER did not parse; `{detail}` is the ASN.1 library's own message.
  'cert.parse.empty': 'it is empty',
  'cert.parse.asn1': '{detail}',
  'cert.parse.dates': 'its validity dates cannot be read',
  'cert.parse.no_tbs': 'its tbsCertificate is missing',
  'cert.parse.duplicate_extension': 'it has the extension {extension} twice',
  'cert.parse.not_sequence': 'it does not start with a DER SEQUENCE',
  'cert.parse.one_byte': 'it ends after one byte',
  'cert.parse.indefinite': 'its outer length is not a DER definite length',
  'cert.parse.length': 'its DER says {length} bytes but {given} were given',
} as const;

export type CertTextKey = keyof typeof CERT_TEXT_EN;
export type CertStepKey = Extract<CertTextKey, `cert.step.${string}`>;
export type CertParseKey = Extract<CertTextKey, `cert.parse.${string}`>;

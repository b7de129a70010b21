/** The certificate validator's record of each check, in Korean (./cert.en.ts). */
import type { CertTextKey } from './cert.en';

export const CERT_TEXT_KO: Readonly<Record<CertTextKey, string>> = {
  'cert.step.parsed': '인증서 {count}개 중 {index}번째는 올바른 X.509 인증서입니다.',
  'cert.step.not_parsed': '인증서 {count}개 중 {index}번째를 해석할 수 없습니다: {cause}.',
  'cert.step.valid': '유효 기간은 {notBefore}부터 {notAfter}까지이고, 지금은 {now}입니다.',
  'cert.step.not_valid_now': '유효 기간은 {notBefore}부터 {notAfter}까지인데, 지금은 {now}입니다.',
  'cert.step.critical_unknown':
    '중요(critical) 확장 {extensions|은/는} 이 클라이언트가 모르는 확장입니다.',
  'cert.step.critical_known': '중요(critical) 확장은 모두 이 클라이언트가 아는 확장입니다.',
  'cert.step.not_ca':
    '{issuer|이/가} {subject}에 서명했지만, 그 basicConstraints에 cA=TRUE가 없습니다.',
  'cert.step.ca': '{issuer|은/는} 인증 기관입니다(basicConstraints cA=TRUE).',
  'cert.step.path_length':
    'pathLenConstraint {pathLen}: 아래에 CA 인증서를 {pathLen}개까지 둘 수 있는데, {casBelow}개가 있습니다.',
  'cert.step.no_cert_sign': '{issuer}의 keyUsage에 keyCertSign이 없습니다.',
  'cert.step.cert_sign_unrestricted': 'keyUsage 확장이 없으므로 인증서 서명이 제한되지 않습니다.',
  'cert.step.cert_sign': 'keyUsage에 keyCertSign이 있습니다.',
  'cert.step.no_digital_signature':
    'keyUsage에 ServerKeyExchange 서명에 필요한 digitalSignature가 없습니다.',
  'cert.step.signing_unrestricted': 'keyUsage 확장이 없으므로 서명이 제한되지 않습니다.',
  'cert.step.digital_signature':
    'keyUsage에 digitalSignature가 있으므로 이 키로 ServerKeyExchange에 서명할 수 있습니다.',
  'cert.step.no_server_auth': 'extKeyUsage에 serverAuth가 없습니다.',
  'cert.step.any_purpose': 'extKeyUsage 확장이 없으므로 어떤 용도든 허용됩니다.',
  'cert.step.server_auth': 'extKeyUsage에 serverAuth가 있습니다.',
  'cert.step.hostname_matches': '{hostname|이/가} subjectAltName 항목 {matched|과/와} 일치합니다.',
  'cert.step.hostname_mismatch':
    '{hostname|은/는} subjectAltName 항목({names}) 어느 것과도 일치하지 않습니다.',
  'cert.step.hostname_no_san': '{hostname|은/는} 일치할 subjectAltName 항목이 없습니다.',
  'cert.step.trusted_root': '{subject|은/는} 신뢰하는 루트 인증서 가운데 하나입니다.',
  'cert.step.bad_signature': '{subject}의 서명이 {issuer}의 공개키로 검증되지 않습니다.',
  'cert.step.issued_by_root': '신뢰하는 루트인 {issuer|이/가} 발급했습니다.',
  'cert.step.issued_by_chain': '서버가 보낸 체인에 있는 {issuer|이/가} 발급했습니다.',
  'cert.step.signature_verifies': '{algorithm} 서명이 {issuer}의 공개키로 검증됩니다.',
  'cert.step.bad_self_signature':
    '{subject|은/는} 자기 자신을 발급자로 적었지만, 서명이 자기 키로 검증되지 않습니다.',
  'cert.step.self_signed_untrusted':
    '{subject|은/는} 스스로 서명한 인증서이며 신뢰하는 루트 인증서가 아닙니다.',
  'cert.step.issuer_not_found':
    '{subject}의 발급자 {issuer|은/는} 서버가 보낸 체인에도, 신뢰하는 루트 인증서에도 없습니다.',

  'cert.parse.empty': '비어 있습니다',
  'cert.parse.asn1': '{detail}',
  'cert.parse.dates': '유효 기간 날짜를 읽을 수 없습니다',
  'cert.parse.no_tbs': 'tbsCertificate가 없습니다',
  'cert.parse.duplicate_extension': '확장 {extension|이/가} 두 번 들어 있습니다',
  'cert.parse.not_sequence': 'DER SEQUENCE로 시작하지 않습니다',
  'cert.parse.one_byte': '1바이트 뒤에 끝납니다',
  'cert.parse.indefinite': '바깥 길이가 DER의 확정 길이(definite length)가 아닙니다',
  'cert.parse.length': 'DER에는 {length}바이트라고 적혀 있지만 {given}바이트가 주어졌습니다',
};

/**
 * The TLS engine's keys in Korean (./tls.en.ts has the English and the placeholders). Protocol
 * names stay as the RFCs spell them.
 */
import { CERT_TEXT_KO } from './cert.ko';
import { DECODE_TEXT_KO } from './decode.ko';

export const TLS_TEXT_KO: Readonly<Record<string, string>> = {
  ...DECODE_TEXT_KO,
  ...CERT_TEXT_KO,
  'tls.language': 'ko',
  'tls.side.client': '클라이언트',
  'tls.side.server': '서버',
  'tls.failure.sent': '{us|이/가} alert {alert}를 보냈습니다: {reason}',
  'tls.failure.received': '{peer|으로/로}부터 alert {alert}를 받았습니다',
  'tls.failure.received_hint': '{peer|으로/로}부터 alert {alert}를 받았습니다: {hint}',
  'tls.failure.received_no_client_certificate':
    '서버로부터 alert {alert}를 받았습니다: 서버는 클라이언트 인증서를 요구하는데, 이 클라이언트에는 인증서가 없습니다',

  'tls.fault.inappropriate_handshake_message':
    '{expectTypes#or}를 기대했지만 {gotType|이/가} 왔습니다',
  'tls.fault.inappropriate_message.unknown_content_type':
    '알려진 content type을 기대했지만 content type {contentType}이(가) 왔습니다',
  'tls.fault.inappropriate_message.ccs_inside_handshake_message':
    '핸드셰이크 메시지의 나머지를 기대했지만 ChangeCipherSpec이 왔습니다',
  'tls.fault.inappropriate_message.data_inside_handshake_message':
    '핸드셰이크 메시지의 나머지를 기대했지만 애플리케이션 데이터가 왔습니다',
  'tls.fault.inappropriate_message.application_data_before_finished':
    '{state}에서 기다리는 중에 ApplicationData가 왔습니다',
  'tls.fault.invalid_message.decode': '메시지를 해석할 수 없습니다: {detail}(오프셋 {offset})',
  'tls.fault.invalid_message.record_overflow': '레코드가 너무 깁니다: {detail}',
  'tls.fault.invalid_message.plaintext_too_long':
    '{length}바이트짜리 평문 레코드가 최대 길이 {max}바이트를 넘습니다',
  'tls.fault.decrypt_error.bad_record_mac':
    '레코드 인증에 실패했습니다: 도중에 바뀌었거나 다른 키로 암호화되었습니다',
  'tls.fault.peer_incompatible.client_version_too_old':
    '클라이언트가 제시한 최고 버전은 {version}입니다. 이 서버는 TLS 1.2가 필요합니다',
  'tls.fault.peer_incompatible.server_version_unsupported':
    '서버가 {version|을/를} 골랐습니다. 이 클라이언트는 TLS 1.2만 씁니다',
  'tls.fault.peer_incompatible.no_shared_group':
    '공통 ECDHE 그룹이 없습니다: 클라이언트는 {offered|을/를} 제시했고, 서버는 {supported|을/를} 지원합니다',
  'tls.fault.peer_incompatible.no_shared_cipher_suite':
    '공통 암호 스위트가 없습니다: 클라이언트는 {offered|을/를} 제시했고, 서버는 {supported|을/를} 지원합니다{passedOverClause}',
  'tls.fault.peer_incompatible.no_shared_cipher_suite_no_sigalgs':
    '공통 암호 스위트가 없습니다: 클라이언트는 {offered|을/를} 제시했고, 서버는 {supported|을/를} 지원합니다{passedOverClause}. 클라이언트가 signature_algorithms를 보내지 않았습니다',
  'tls.fault.clause.passed_over': ' (건너뛴 스위트: {passedOver})',
  'tls.fault.peer_incompatible.no_application_protocol':
    '공통 애플리케이션 프로토콜이 없습니다: 클라이언트는 {offered|을/를} 제시했습니다',
  'tls.fault.peer_incompatible.certificate_curve_not_offered':
    '서버 인증서의 키는 {curve} 곡선 위에 있는데, 이 클라이언트는 supported_groups에 그 곡선을 넣지 않았습니다 (RFC 8422, Section 5.3)',
  'tls.fault.peer_incompatible.client_certificate_unsupported':
    '클라이언트가 인증서를 보냈지만 이 서버는 클라이언트 인증서를 검증할 수 없습니다. 인증서 없이만 진행합니다',
  'tls.fault.peer_misbehaved.record_version_not_tls':
    '레코드의 버전이 {version}입니다. TLS가 아닙니다',
  'tls.fault.peer_misbehaved.record_version_changed':
    'TLS 1.2로 합의한 뒤에 레코드의 버전이 {version}입니다',
  'tls.fault.peer_misbehaved.null_compression_not_offered':
    'ClientHello가 null 압축 방식을 제시하지 않습니다 (RFC 5246, Section 7.4.1.2)',
  'tls.fault.peer_misbehaved.client_renegotiation_info_not_empty':
    '클라이언트가 첫 핸드셰이크에서 비어 있지 않은 renegotiation_info를 보냈습니다 (RFC 5746, Section 3.6)',
  'tls.fault.peer_misbehaved.server_renegotiation_info_not_empty':
    '서버가 첫 핸드셰이크에서 비어 있지 않은 renegotiation_info를 보냈습니다',
  'tls.fault.peer_misbehaved.resumption_offered_without_its_suite':
    '클라이언트가 {suite|으로/로} 만든 세션을 재개하자고 하면서 그 스위트는 제시하지 않습니다 (RFC 5246, Section 7.4.1.2)',
  'tls.fault.peer_misbehaved.resumption_offered_without_ems':
    '클라이언트가 extended_master_secret으로 만든 세션을 재개하자고 하면서 그 확장은 보내지 않습니다 (RFC 7627, Section 5.3)',
  'tls.fault.peer_misbehaved.server_version_not_tls12':
    '서버가 {version|을/를} 골랐습니다. 이 클라이언트는 TLS 1.2만 씁니다',
  'tls.fault.peer_misbehaved.selected_unoffered_cipher_suite':
    '서버가 {suite|을/를} 골랐지만 클라이언트는 그 스위트를 제시한 적이 없습니다',
  'tls.fault.peer_misbehaved.selected_unusable_cipher_suite':
    '서버가 {suite|을/를} 골랐지만 이 클라이언트는 그 스위트를 쓸 수 없습니다',
  'tls.fault.peer_misbehaved.selected_unoffered_compression':
    '서버가 압축 방식 {method}을(를) 골랐습니다. 제시한 것은 null뿐입니다',
  'tls.fault.peer_misbehaved.resumed_with_different_suite':
    '서버가 {sessionSuite} 세션을 {suite|으로/로} 재개했습니다',
  'tls.fault.peer_misbehaved.resumed_with_different_ems':
    '서버가 extended_master_secret 설정이 다른 세션을 재개했습니다',
  'tls.fault.peer_misbehaved.unsolicited_extension':
    '서버가 클라이언트가 제시하지 않은 확장 {extension}을(를) 보냈습니다',
  'tls.fault.peer_misbehaved.selected_unoffered_alpn':
    '서버가 ALPN 프로토콜 {protocols|을/를} 골랐지만 클라이언트는 그것을 제시하지 않았습니다',
  'tls.fault.peer_misbehaved.certificate_key_wrong_for_suite':
    '서버 인증서의 키는 {keyType} 키인데, {suite}에는 {auth} 키가 필요합니다',
  'tls.fault.peer_misbehaved.key_exchange_not_named_curve':
    'ServerKeyExchange가 named curve를 쓰지 않습니다 (RFC 8422, Section 5.4)',
  'tls.fault.peer_misbehaved.selected_unoffered_group':
    '서버가 그룹 {group|을/를} 골랐지만 클라이언트는 그 그룹을 제시하지 않았습니다',
  'tls.fault.peer_misbehaved.signed_with_unoffered_scheme':
    '서버가 {scheme|으로/로} 서명했지만 클라이언트는 그 방식을 제시하지 않았습니다',
  'tls.fault.peer_misbehaved.scheme_does_not_fit_key':
    '서버가 {scheme|으로/로} 서명했지만 그 방식은 서버 인증서의 {keyType} 키에 맞지 않습니다',
  'tls.fault.peer_misbehaved.invalid_key_share':
    '상대의 {group} 공개키가 올바르지 않습니다: {detail}',
  'tls.fault.peer_misbehaved.bad_key_exchange_signature':
    'ServerKeyExchange 서명({scheme})이 인증서의 키로 검증되지 않습니다',
  'tls.fault.peer_misbehaved.client_finished_mismatch':
    '클라이언트의 Finished가 우리가 본 핸드셰이크와 맞지 않습니다: 메시지가 바뀌었거나 키가 다릅니다',
  'tls.fault.peer_misbehaved.server_finished_mismatch':
    '서버의 Finished가 우리가 본 핸드셰이크와 맞지 않습니다: 메시지가 바뀌었거나 키가 다릅니다',
  'tls.fault.invalid_certificate.expired':
    '{subject}의 인증서는 {notAfter}에 만료되었습니다. 지금은 {now}입니다.',
  'tls.fault.invalid_certificate.not_valid_yet':
    '{subject}의 인증서는 {notBefore}부터 유효합니다. 지금은 {now}입니다.',
  'tls.fault.invalid_certificate.not_valid_for_name':
    '{subject}의 인증서는 {hostname}에 쓸 수 없습니다: 인증서에 적힌 이름은 {names}뿐입니다.',
  'tls.fault.invalid_certificate.not_valid_for_name_no_san':
    '{subject}의 인증서는 {hostname}에 쓸 수 없습니다: subjectAltName이 없고, common name은 호스트를 맞추는 데 쓰지 않습니다.',
  'tls.fault.invalid_certificate.unknown_issuer':
    '{subject}의 발급자는 {issuer}인데, 신뢰하는 루트 인증서가 아닙니다.',
  'tls.fault.invalid_certificate.untrusted_root':
    '체인이 {subject}에서 끝납니다. 스스로 서명한 루트이지만 신뢰하는 루트 인증서가 아닙니다.',
  'tls.fault.invalid_certificate.self_signed':
    '{subject}의 인증서는 자체 서명되었습니다: 보증하는 인증 기관이 없고, 신뢰하는 인증서도 아닙니다.',
  'tls.fault.invalid_certificate.missing_intermediate':
    '서버가 {subject}의 인증서를 보내면서 발급자 {issuer}의 인증서를 빠뜨렸습니다. 발급자는 신뢰하는 루트가 아니므로 체인을 완성할 수 없습니다.',
  'tls.fault.invalid_certificate.bad_signature':
    '{subject} 인증서의 서명이 발급자 {issuer}의 키로 검증되지 않습니다: 인증서가 바뀌었거나 그 발급자가 발급하지 않았습니다.',
  'tls.fault.invalid_certificate.bad_self_signature':
    '{subject}의 인증서는 자체 서명이라고 하지만, 서명이 자기 키로 검증되지 않습니다.',
  'tls.fault.invalid_certificate.issuer_not_ca':
    '{issuer|이/가} {subject}의 인증서를 발급했지만 인증 기관이 아닙니다 (basicConstraints에 CA가 없습니다). 그래서 인증서를 발급할 수 없습니다.',
  'tls.fault.invalid_certificate.path_too_long':
    '{issuer} 아래에는 CA 인증서가 최대 {pathLen}개까지 올 수 있는데 (pathLenConstraint {pathLen}), 체인에는 {casBelow}개가 있습니다.',
  'tls.fault.invalid_certificate.issuer_cannot_sign_certificates':
    '{issuer|이/가} {subject}의 인증서를 발급했지만, keyUsage가 인증서 서명(keyCertSign)을 허용하지 않습니다.',
  'tls.fault.invalid_certificate.cannot_sign':
    '{subject}의 인증서는 키로 서명하는 것을 허용하지 않습니다 (keyUsage에 digitalSignature가 없습니다). ECDHE 핸드셰이크에서는 서버가 키 교환에 서명해야 합니다.',
  'tls.fault.invalid_certificate.not_for_server_auth':
    '{subject}의 인증서는 TLS 서버용이 아닙니다: extKeyUsage에 serverAuth가 없습니다.',
  'tls.fault.invalid_certificate.unhandled_critical_extension':
    '{subject}의 인증서에 이 클라이언트가 모르는 critical 확장({extensions})이 있어 거부해야 합니다.',
  'tls.fault.invalid_certificate.bad_encoding':
    '서버가 보낸 인증서 {count}개 중 {index}번째는 올바른 DER X.509 인증서가 아닙니다: {cause}.',
  'tls.fault.invalid_certificate.empty':
    '서버가 빈 인증서 목록을 보냈습니다. 검사할 인증서가 없습니다.',
  'tls.fault.alert_received': '상대가 치명적인 {description} alert를 보냈습니다',
  'tls.fault.transport.closed_during_handshake':
    '핸드셰이크 도중({state})에 {peer|이/가} 연결을 닫았습니다',
  'tls.fault.transport.error': '전송 오류: {detail}',
  'tls.fault.internal.timeout': '{state}에서 기다리다 시간이 다 되었습니다',
  'tls.fault.internal.timeout_waiting_for':
    '{state}에서 기다리다 시간이 다 되었습니다 ({deadline})',
  'tls.fault.invalid_message.illegal_value': '{detail}(오프셋 {offset})',
  'tls.fault.inappropriate_message.bad_change_cipher_spec':
    'ChangeCipherSpec은 바이트 하나(1)여야 하는데 {bytes}였습니다',
  'tls.fault.inappropriate_message.empty_record':
    '암호화된 {contentType} 레코드가 비어 있습니다. 비어도 되는 것은 애플리케이션 데이터뿐입니다',
  'tls.fault.inappropriate_message.too_much_early_data':
    '이 서버는 early data를 받지 않고 건너뛰기만 하는데, {max}바이트를 넘게 왔습니다',
  'tls.fault.inappropriate_message.handshake_spans_key_change':
    '{message} 다음에 키가 바뀌는데, 같은 레코드에 핸드셰이크 데이터가 더 있었습니다',
  'tls.fault.peer_misbehaved.unknown_alert_level':
    '상대가 알 수 없는 수준({level})의 alert를 보냈습니다',
  'tls.fault.peer_misbehaved.too_many_warning_alerts':
    '상대가 다른 것 없이 경고 alert만 연달아 {count}개 보냈습니다(마지막은 {last})',
  'tls.fault.peer_misbehaved.empty_server_name':
    'ClientHello의 server_name 확장이 비어 있습니다(RFC 6066, 3절)',
  'tls.fault.peer_misbehaved.point_formats_without_uncompressed':
    'ClientHello의 ec_point_formats({formats})에 uncompressed가 없습니다(RFC 8422, 5.1.2절)',
  'tls.fault.peer_misbehaved.tls13_compression_not_null':
    'TLS 1.3 ClientHello는 null 압축 방식 하나만 제시해야 합니다(RFC 8446, 4.1.2절)',
  'tls.fault.peer_misbehaved.retry_hello_changed':
    'HelloRetryRequest 뒤의 ClientHello가 요청한 것 말고도 {detail|을/를} 바꿨습니다(RFC 8446, 4.1.2절)',
  'tls.fault.peer_misbehaved.missing_extension':
    'ClientHello에 TLS 1.3이 여기서 요구하는 {extension} 확장이 없습니다(RFC 8446, 9.2절)',
  'tls.fault.peer_misbehaved.bad_psk_binder':
    'PSK identity {identity}의 binder가 맞지 않습니다(RFC 8446, 4.2.11.2절)',
  'tls.fault.peer_incompatible.no_tls13_signature_scheme':
    '제시된 서명 방식({offered}) 중 어느 것으로도 우리 인증서로 TLS 1.3 CertificateVerify에 서명할 수 없습니다',
  'tls.fault.peer_incompatible.version_not_served':
    '클라이언트는 {offered|을/를} 제시했지만 이 서버는 {served}만 제공합니다',
  'tls.fault.peer_misbehaved.inappropriate_fallback':
    '클라이언트가 {version|으로/로} 물러났지만(TLS_FALLBACK_SCSV) 이 서버는 TLS 1.2를 지원합니다(RFC 7507, 3절)',
  'tls.fault.peer_misbehaved.selected_unoffered_version':
    '서버가 우리가 제시하지 않은 {version|을/를} 골랐습니다(RFC 8446, 4.2.1절)',
  'tls.fault.peer_misbehaved.downgrade_sentinel':
    '서버가 {version|을/를} 협상했지만 random에 TLS 1.3 다운그레이드 표지가 있습니다. 누군가 우리 제안에서 TLS 1.3을 지웠습니다(RFC 8446, 4.1.3절)',
  'tls.fault.peer_misbehaved.server_hello_missing_key_share':
    'TLS 1.3 ServerHello에 key_share가 없고, 우리는 PSK만 쓰는 방식을 제시하지 않았습니다(RFC 8446, 4.2.8절)',
  'tls.fault.peer_misbehaved.key_share_group_not_offered':
    '서버의 키 공유가 {group} 그룹인데 우리는 그 그룹의 키 공유를 보내지 않았습니다(RFC 8446, 4.2.8절)',
  'tls.fault.peer_misbehaved.retry_for_unoffered_group':
    'HelloRetryRequest가 우리 supported_groups에 없는 {group|을/를} 요구합니다(RFC 8446, 4.2.8절)',
  'tls.fault.peer_misbehaved.retry_for_sent_share':
    'HelloRetryRequest가 이미 키 공유를 보낸 {group|을/를} 요구합니다(RFC 8446, 4.2.8절)',
  'tls.fault.peer_misbehaved.retry_changes_nothing':
    'HelloRetryRequest가 ClientHello를 바꾸지 않습니다(RFC 8446, 4.1.4절)',
  'tls.fault.peer_misbehaved.suite_changed_after_retry':
    'ServerHello는 {suite|을/를} 골랐는데 HelloRetryRequest는 {retrySuite|을/를} 골랐습니다(RFC 8446, 4.1.4절)',
  'tls.fault.peer_misbehaved.session_id_not_echoed':
    'ServerHello의 legacy_session_id_echo가 우리가 보낸 세션 ID와 다릅니다(RFC 8446, 4.1.3절)',
  'tls.fault.peer_misbehaved.extension_not_allowed_here':
    '{message}에 그 메시지에 올 수 없는 {extension|이/가} 있습니다(RFC 8446, 4.2절)',
  'tls.fault.peer_misbehaved.malformed_extension':
    '{message}의 {extension} 확장이 형식에 맞지 않습니다',
  'tls.fault.peer_misbehaved.selected_unoffered_psk':
    '서버가 PSK identity {identity|을/를} 골랐지만 우리는 {offered}개를 제시했습니다(RFC 8446, 4.2.11절)',
  'tls.fault.peer_misbehaved.bad_certificate_verify':
    '서버의 CertificateVerify({scheme})가 인증서로 검증되지 않습니다(RFC 8446, 4.4.3절)',
  'tls.fault.internal.error': '내부 오류: {detail}',

  'tls.peer_alert_hint.handshake_failure':
    '우리가 제시한 것 가운데 받아들일 수 있는 암호 스위트, 그룹, 서명 알고리즘이 없었습니다',
  'tls.peer_alert_hint.protocol_version': '우리가 제시한 TLS 버전을 받아들이지 않습니다',
  'tls.peer_alert_hint.bad_certificate': '인증서를 거부했습니다',
  'tls.peer_alert_hint.unknown_ca': '인증서 발급자를 신뢰하지 않습니다',
  'tls.peer_alert_hint.certificate_expired': '인증서가 만료되었거나 아직 유효하지 않다고 합니다',
  'tls.peer_alert_hint.decrypt_error': '서명이나 Finished 메시지 검증에 실패했습니다',
  'tls.peer_alert_hint.bad_record_mac': '레코드 인증에 실패했습니다',
  'tls.peer_alert_hint.decode_error': '우리 메시지 하나를 해석하지 못했습니다',
  'tls.peer_alert_hint.illegal_parameter': '우리 메시지의 한 필드에 허용하지 않는 값이 있었습니다',
  'tls.peer_alert_hint.unrecognized_name': 'server_name으로 보낸 이름을 서비스하지 않습니다',
  'tls.peer_alert_hint.no_application_protocol':
    '우리가 제시한 ALPN 프로토콜을 하나도 지원하지 않습니다',
  'tls.peer_alert_hint.internal_error': '자기 쪽 사정으로 실패했습니다',

  'tls.server.misbehave_select_suite':
    '서버가 일부러 규칙을 어깁니다: ServerHello에 자기가 고른 스위트 대신 {suite|을/를} 적습니다.',
  'tls.server.why.server_order':
    '서버는 자기 선호 목록에서 클라이언트가 제시한 첫 스위트인 {suite|을/를} 골랐습니다.',
  'tls.server.why.server_order_after_passing_over':
    '서버는 {passedOver|을/를} 건너뛴 뒤, 자기 선호 목록에서 클라이언트가 제시한 첫 스위트인 {suite|을/를} 골랐습니다.',
  'tls.server.why.client_order':
    '서버는 클라이언트의 선호 목록에서 서버가 지원하는 첫 스위트인 {suite|을/를} 골랐습니다.',
  'tls.server.why.client_order_after_passing_over':
    '서버는 {passedOver|을/를} 건너뛴 뒤, 클라이언트의 선호 목록에서 서버가 지원하는 첫 스위트인 {suite|을/를} 골랐습니다.',
  'tls.server.passed_over.no_certificate':
    '서버는 {suite|을/를} 건너뛰었습니다: {auth} 인증서가 없습니다.',
  'tls.server.passed_over.curve_not_offered':
    '서버는 {suite|을/를} 건너뛰었습니다: ECDSA 인증서의 곡선 {curves|이/가} 클라이언트의 supported_groups에 없습니다.',
  'tls.server.passed_over.no_signature_scheme':
    '서버는 {suite|을/를} 건너뛰었습니다: 그 키에 맞는 공통 서명 알고리즘이 없습니다.',
};

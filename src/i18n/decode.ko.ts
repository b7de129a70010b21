/** Why bytes did not decode, in Korean (the keys of ./decode.en.ts). */
import type { DecodeKey } from './decode.en';

export const DECODE_TEXT_KO: Readonly<Record<DecodeKey, string>> = {
  'decode.outside': '오프셋 {at|은/는} 메시지 밖입니다',
  'decode.seek_outside': '메시지 밖으로 이동하려 했습니다',
  'decode.length_exceeds': '{field}의 길이 {length|이/가} 남은 {left}바이트를 넘습니다',
  'decode.length_exceeds_max': '{field}의 길이 {length|이/가} 최대 {max}를 넘습니다',
  'decode.length_below_min': '{field}의 길이 {length|이/가} 최소 {min}보다 작습니다',
  'decode.length_above_max': '{field}의 길이 {length|이/가} 최대 {max}보다 큽니다',
  'decode.length_not_multiple': '{field}의 길이 {length|이/가} {width}의 배수가 아닙니다',
  'decode.trailing': '{what} 뒤에 남는 데이터가 {count}바이트 있습니다',
  'decode.truncated': '잘렸습니다: {what}에 {n}바이트가 필요하지만 {left}바이트만 남았습니다',
  'decode.unexpected': '{detail}',
  'decode.at_offset': '{decoded}(오프셋 {offset})',

  'decode.tls.in_record': '레코드 {record}: {problem}',
  'decode.tls.empty_input': 'TLS 레코드가 없습니다: 입력이 비어 있습니다',
  'decode.tls.unknown_content_type': '알 수 없는 레코드 content type {type}',
  'decode.tls.record_version_not_tls':
    '레코드 버전 {version|은/는} TLS가 아닙니다(major version 3)',
  'decode.tls.empty_handshake_record': '빈 handshake 레코드',
  'decode.tls.reassembled': '여러 레코드에서 다시 조립한 handshake 메시지: {cause}',
  'decode.tls.verify_data_short': 'verify_data가 {length}바이트이지만 최소 {min}바이트여야 합니다',
  'decode.tls.ccs_type': 'ChangeCipherSpec type이 {value}이며 change_cipher_spec(1)이 아닙니다',
  'decode.tls.distinguished_name': 'DistinguishedName이 DER Name이 아닙니다: {cause}',
  'decode.tls.ems_not_empty':
    'extended_master_secret의 extension_data는 비어 있어야 하지만 {length}바이트입니다',
  'decode.tls.sni_two_names': 'server_name에 host_name이 둘 이상 있습니다',
  'decode.tls.sni_not_printable': 'server_name의 host_name이 출력 가능한 ASCII가 아닙니다',
  'decode.tls.sni_trailing_dot': 'server_name의 host_name이 점으로 끝납니다',
  'decode.tls.alpn_not_utf8': 'alpn의 protocol_name이 올바른 UTF-8이 아닙니다',
  'decode.tls.duplicate_extension': '확장 {extension|이/가} 두 번 나옵니다',

  'decode.dns.opt_in_section': '{section} 섹션에 OPT 레코드가 있습니다(RFC 6891 §6.1.1)',
  'decode.dns.opt_twice': 'OPT 레코드가 둘 이상입니다(RFC 6891 §6.1.1)',
  'decode.dns.opt_owner': 'OPT의 owner는 루트여야 합니다(RFC 6891 §6.1.2)',
  'decode.dns.rdlength_truncated':
    '잘렸습니다: rdlength는 {rdlength}이지만 {left}바이트만 남았습니다',
  'decode.dns.rdata_longer': '{type} RDATA가 rdlength {rdlength}보다 깁니다({cause})',
  'decode.dns.caa_tag': "CAA 태그('{tag}')는 영문자와 숫자 1~15자여야 합니다(RFC 8659 §4.1)",
  'decode.dns.reserved_label': '예약된 레이블 유형 0x{kind}(RFC 1035 §4.1.4, RFC 6891 §5)',
  'decode.dns.name_too_long': '압축을 풀면 이름이 {max}옥텟을 넘습니다({octets}+, RFC 1035 §2.3.4)',
  'decode.dns.pointer_loop': '압축 포인터가 순환합니다(→ 오프셋 {target})',
  'decode.dns.pointer_forward':
    '오프셋 {target|을/를} 가리키는 압축 포인터가 이어지는 이름(오프셋 {limit})보다 앞을 가리키지 않습니다',
  'decode.dns.pointer_into_header': '압축 포인터가 헤더 안을 가리킵니다(→ 오프셋 {target})',
  'decode.dns.pointer_into_label': '압축 포인터가 레이블 중간을 가리킵니다(→ 오프셋 {target})',
  'decode.dns.name_past_end': '잘렸습니다: 이름이 메시지 끝을 넘어갑니다',
  'decode.dns.pointer_truncated': '압축 포인터가 잘렸습니다',
  'decode.dns.label_past_end': '잘렸습니다: {length}옥텟 레이블이 메시지 끝을 넘어갑니다',
  'decode.dns.label_too_long': '레이블이 63옥텟보다 깁니다',
};

/** What is wrong when an input is past one of its bounds, in Korean (./limits.en.ts). */
import type { LimitKey } from './limits.en';

export const LIMIT_TEXT_KO: Readonly<Record<LimitKey, string>> = {
  'limit.pasted_too_long':
    '붙여 넣은 텍스트가 {length}자입니다. 최대 {max}자({maxBytes}바이트)까지 받습니다.',
  'limit.pasted_odd':
    '붙여 넣은 텍스트가 16진수가 아닙니다. 16진수 숫자가 홀수 개({digits}개)입니다.',
  'limit.pasted_bad_digit':
    "붙여 넣은 텍스트가 16진수가 아닙니다. {at}번째 문자 '{char}'는 16진수 숫자가 아닙니다.",
  'limit.pasted_empty': '디코드할 것이 없습니다. 붙여 넣은 텍스트에 16진수 숫자가 없습니다.',
  'limit.pasted_too_large':
    '붙여 넣은 16진수가 {bytes}바이트입니다. 최대 {max}바이트(64 KiB)까지 디코드합니다.',
  'limit.zone_records': '영역에 레코드가 {count}개 있습니다. 최대 {max}개입니다.',
  'limit.zone_line': '{line}번째 줄: {reason}.',
  'limit.name_too_long': '이름이 {length}자입니다. 이름은 최대 {max}옥텟입니다(RFC 1035 §2.3.4).',
  'limit.name_empty': '이름을 입력하세요. 예: www.example.com.',
  'limit.name_char':
    '{at}번째 문자가 {char}입니다. 여기서 이름은 글자, 숫자, 하이픈으로 쓰고, 그 밖의 옥텟은 \\DDD로 씁니다(RFC 1035 §5.1).',
  'limit.name_unusable': '쓸 수 없는 이름입니다: {reason}.',
  'limit.server_name_empty': '서버 이름을 입력하세요. 예: www.example.com.',
  'limit.server_name_dot': '서버 이름은 끝의 점 없이 씁니다(RFC 6066 §3).',
  'limit.server_name_char':
    '{at}번째 문자가 {char}입니다. 서버 이름은 글자, 숫자, 하이픈, 점으로 씁니다(RFC 6066 §3).',
  'limit.char_space': '공백',
  'limit.seed_empty': '시드를 입력하세요. 예: 42.',
  'limit.seed_too_long': '시드가 {length}자입니다. 최대 {max}자입니다.',
  'limit.seed_char':
    '시드의 {at}번째 문자가 {char}입니다. 시드는 공백 없는 출력 가능한 ASCII 문자로 씁니다.',
  'limit.url_too_long': '주소가 {length}자입니다. 최대 {max}자입니다(RFC 9110 §4.1).',
  'limit.list_empty': '{list} 중 하나 이상을 제시하세요.',
  'limit.list_too_long': '{list} {count}개는 너무 많습니다. 최대 {max}개입니다.',
  'limit.list_code': '{list}의 각 항목은 0부터 65535(0x0000부터 0xffff)까지의 코드입니다.',
  'limit.list.cipherSuites': '암호 스위트',
  'limit.list.groups': '그룹',
  'limit.list.signatureSchemes': '서명 방식',
  'limit.list.alpn': 'ALPN 프로토콜',
  'limit.alpn_length': 'ALPN 프로토콜 이름은 1에서 {max}바이트입니다(RFC 7301 §3.1).',
  'limit.jump_not_number': '건너뛸 시간은 초 단위의 숫자여야 합니다.',
  'limit.jump_backwards': '시간은 앞으로만 갑니다. 0초 이상을 건너뛰어야 합니다.',
  'limit.jump_too_far':
    '한 번에 최대 {max}초(30일)까지 건너뜁니다. 그때까지는 모든 캐시가 만료됩니다.',
  'limit.jump_past_9999': '9999년이 끝나는 시점을 넘어 건너뛸 수 없습니다.',
  'limit.trace_file_too_large':
    '파일이 {bytes}바이트입니다. 최대 {max}바이트(50 MiB)까지 읽습니다.',
  'limit.connections': '한 번의 실행은 연결을 1에서 {max}개까지 맺습니다. {count}개는 안 됩니다.',
  'limit.gslb_ipv4': '기본 서버와 보조 서버는 IPv4 주소입니다.',
  'limit.lookups_none': '조회를 하나 이상 추가하세요.',
  'limit.lookups_too_many': '조회 {count}개는 너무 많습니다. 최대 {max}개입니다.',
};

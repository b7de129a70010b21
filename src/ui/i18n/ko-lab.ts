/**
 * The Korean text of the lab, the Decode view and the journey: the `lab` table, the lab
 * scenarios' titles, lessons and presets, the notes the lab and the journey add to a Trace, and
 * the TCP header fields. ko.ts puts these into the Korean table; en.ts takes the English from the
 * engine's text tables (src/engine/scenarios/lab/text.ts, lab/dns/text.ts, journey/text.ts).
 */
import type { Strings, Table } from './en';

export const labScenarios: Strings['scenarios'] = {
  'lab-dns-time-travel': {
    title: '캐시를 따라 시간 여행',
    lesson:
      '시계를 앞으로 돌려 가며 같은 이름을 몇 번이고 다시 조회해 보세요. 각 계층은 답의 사본을 각자의 시간만큼 보관합니다. 브라우저는 레코드의 TTL이 더 짧아도 모든 답을 정확히 1분 동안 보관합니다. OS 리졸버와 재귀 리졸버는 레코드를 받은 순간부터 TTL만큼 줄여 가며 보관합니다. 재귀 리졸버는 com.과 example.com.을 어느 서버가 담당하는지도 기억합니다. 이 위임은 하루 동안 유지되므로, 답이 만료된 뒤에도 루트와 TLD를 건너뛰고 example.com 서버에 바로 물을 수 있습니다. 조회는 아직 사본을 가진 첫 계층에서 멈춥니다. 컴퓨터를 다시 시작하면 브라우저와 OS 리졸버의 캐시는 비지만, 인터넷 서비스 제공자 쪽에서 돌아가는 재귀 리졸버의 캐시는 그대로입니다. 표에는 각 조회에 어느 계층이 답했는지와 각 캐시에 몇 초가 남아 있었는지가 나옵니다.',
  },
  'lab-dns-negative': {
    title: '존재하지 않는 이름',
    lesson:
      '이름이 존재하지 않으면 권한 서버는 NXDOMAIN으로 답합니다. 이름은 있지만 요청한 유형의 레코드가 없으면 답이 비어 있는 NOERROR로 답하는데, 이를 NODATA라고 부릅니다. 두 답 모두 그 영역(zone)의 SOA 레코드를 담고 있으며, 그 숫자가 답을 얼마나 오래 캐시해도 되는지 알려 줍니다. SOA 자신의 TTL과 MINIMUM 필드 중 작은 값입니다. 두 번째 조회는 이 부정 캐시에서 답을 얻으며, 질의는 나가지 않습니다. NXDOMAIN은 그 이름의 모든 유형에 적용되지만, NODATA는 요청한 유형에만 적용됩니다. 브라우저는 부정 응답을 아예 캐시하지 않으므로, 부정 응답을 기억하는 첫 계층은 OS 리졸버입니다.',
  },
  'lab-dns-broken-servers': {
    title: '고장 난 서버',
    lesson:
      '모든 영역(zone)에는 네임 서버가 둘 이상 있어서 하나가 고장 나도 괜찮습니다. 서버가 답하지 않으면 리졸버는 짧은 제한 시간만큼 기다린 뒤 같은 영역의 다음 서버에 묻습니다. 서버가 답은 하지만 그 영역을 제공하지 않으면(lame 위임) 질의를 거부하고, 리졸버는 곧바로 다음 서버로 넘어갑니다. 조회는 늦어질 뿐 여전히 성공합니다. 한 영역의 모든 서버가 실패하면 리졸버는 더 물어볼 곳이 없어 SERVFAIL로 답합니다.',
  },
  'lab-dns-poisoning': {
    title: '캐시 오염',
    lesson:
      '공격자는 리졸버가 www.example.com에 대해 거짓 주소를 기억하게 만들어, 그 리졸버를 쓰는 모든 사용자를 자기에게 보내고 싶어 합니다. 첫 번째 시도에서는 공격자가 통제하는 서버가 자기 영역에 대한 답에 example.com의 레코드를 끼워 넣습니다. 리졸버는 자신이 물어본 영역 안의 이름에 대한 레코드만 받아들이므로 이것을 버리고, 캐시에는 절대 들어가지 않습니다. 두 번째 시도에서 공격자는 진짜 서버에서 온 것처럼 보이는 위조 응답을 보내 먼저 도착하게 만듭니다. 질의마다 무작위 16비트 ID가 붙어 있고, 이 ID를 그대로 돌려주지 않는 응답은 버려지며, 리졸버는 진짜 답을 계속 기다립니다. 리졸버와 서버 사이의 경로 위에 있는 공격자는 ID를 읽을 수 있고, 그러면 위조 응답이 받아들여집니다. DNSSEC 서명은 바로 이것을 막기 위해 있습니다.',
  },
  'lab-dns-cname-loop': {
    title: 'CNAME 사슬과 순환',
    lesson:
      'CNAME 레코드는 어떤 이름이 다른 이름의 별칭이라는 뜻입니다. 그러면 리졸버는 주소를 찾을 때까지, 다른 영역에 있더라도 그 다른 이름을 조회합니다. www.example.org는 cdn.example.net의 별칭이고, cdn.example.net은 edge.example.com의 별칭입니다. 영역 셋에 답 하나입니다. 두 이름이 서로의 별칭이면 사슬은 끝나지 않습니다. 리졸버는 이미 본 이름이라는 것을 알아채고 멈추며 SERVFAIL로 답합니다.',
  },
  'lab-dns-gslb-failover': {
    title: 'DNS로 장애 조치 (GSLB)',
    lesson:
      'app.example.com에는 주 서버와 보조 서버가 있습니다. 상태 검사기가 주기마다 주 서버에 TCP 연결을 엽니다. 100초에 주 서버가 꺼집니다. 검사가 실패하기 시작하고, 세 번 연속 실패하면 권한 서버는 보조 서버의 주소로 답합니다. 하지만 도중의 캐시들은 아직 예전 답을 가지고 있어서, TTL이 다 될 때까지 그것을 씁니다. 브라우저는 TTL이 몇 초밖에 남지 않았더라도 받은 답을 1분 내내 보관합니다. 그동안 사용자들은 꺼진 서버로 보내집니다. TTL을 비교해 보세요. 표에는 조회마다 권한 서버가 답한 것과 브라우저가 실제로 받은 것이 나옵니다. DNS를 이용한 장애 조치는 상태 검사 시간에 TTL을 더한 만큼만 빠릅니다.',
  },
  'lab-dns-qname-minimisation': {
    title: 'QNAME 최소화',
    lesson:
      'QNAME 최소화를 쓰지 않으면 리졸버는 내려가는 길의 모든 서버에 전체 이름을 보내므로, 루트 서버는 누군가 www.shop.example.com을 찾는다는 것을 알게 됩니다. 루트 서버는 그것을 알 필요가 없습니다. com 서버를 알려 주기만 하면 되니까요. QNAME 최소화를 쓰면 리졸버는 각 서버에 그 서버가 담당한다고 알려진 영역보다 레이블 하나만 더 붙여서 묻습니다. 루트는 com만, com 서버는 example.com만 보고, shop.example.com의 서버만 전체 이름을 봅니다. 답은 같고, 무엇을 조회했는지 아는 서버는 줄어듭니다.',
  },
  'lab-dns-zone-edit': {
    title: '영역(zone) 편집',
    lesson:
      '영역(zone)은 텍스트 파일입니다. 한 줄이 레코드 하나로, 이름, TTL, 클래스, 유형, 데이터로 이루어집니다. 한 줄을 바꾸면 다음 조회에 곧바로 반영됩니다. 이 조회들은 빈 캐시에서 시작하기 때문입니다. 실제 리졸버라면 TTL이 다 될 때까지 예전 답을 간직할 것입니다. 어떤 줄에 실수가 있으면 영역을 불러오지 않으며, 오류 메시지가 그 줄을 알려 줍니다.',
  },
  'journey-visit': {
    title: 'https://www.example.com 방문',
    lesson:
      '주소를 입력하고 Enter를 누르면 일어나는 모든 일입니다. 먼저 브라우저는 서버의 IP 주소가 필요합니다. 자신의 캐시, 운영체제의 캐시, 재귀 리졸버의 캐시를 거쳐 권한 서버까지 DNS에 묻습니다. 그다음 그 주소로 SYN, SYN-ACK, ACK 세 단계를 거쳐 TCP 연결을 엽니다. 그 연결 위에서 TLS 핸드셰이크를 하고, 인증서가 조회한 이름에 대한 것인지 확인합니다. 그제야 암호화된 요청이 나가고 페이지가 돌아옵니다. 이제 다시 방문해 보세요. 브라우저의 캐시에 아직 주소가 있으므로 DNS 메시지는 나가지 않습니다. 첫 방문에서 받은 티켓으로 TLS 세션을 재개하므로 왕복이 한 번 줄고 인증서도 오가지 않습니다. 각 방문에 메시지가 몇 개 필요했고 시간이 얼마나 걸렸는지 비교해 보세요.',
  },
};

export const labNotes: Table = {
  'lab.downgrade.stripped':
    '전송 도중에 공격자가 ClientHello의 supported_versions 확장을 아무도 모르는 유형으로 바꿨습니다. 서버는 이 확장을 건너뛰고 TLS 1.2만 쓰는 클라이언트를 봅니다. TLS 1.3을 쓸 수 있는 서버는 이때 ServerHello.random의 마지막 8바이트에 다운그레이드 표식(“DOWNGRD”와 01)을 적으며, 공격자는 서명을 깨뜨리지 않고는 이것을 바꿀 수 없습니다(RFC 8446, 4.1.3절).',
  'lab.tamper.changed_byte':
    '전송 중에 {message}의 바이트 {offset}({field})의 값이 바뀌었습니다: {before|이/가} {after|이/가} 되었습니다.',
  'lab.mitm.read_plaintext':
    '공격자가 {from|이/가} {to}에게 보낸 것을 복호화해서 읽고 다시 암호화했습니다: {text}',
  'lab.dns.note.time_passed': '{seconds}초 뒤.',
  'lab.dns.note.browser_restarted': '브라우저가 다시 시작됩니다. 호스트 캐시가 비었습니다.',
  'lab.dns.note.computer_restarted':
    '컴퓨터가 다시 시작됩니다. 브라우저와 OS 리졸버의 캐시가 비었습니다. 재귀 리졸버는 다른 곳에 있으므로 캐시를 유지합니다.',
  'lab.dns.note.server_stopped': '{address}의 서버가 꺼집니다.',
  'lab.dns.note.probe_failed':
    '{seconds}초 안에 {target|으로/로} TCP 연결이 되지 않았습니다. 검사 실패입니다(연속 {failures}번째, {threshold}번이면 서버를 비정상으로 판단).',
  'lab.dns.note.failover':
    '상태 검사 결과 주 서버가 죽었습니다. 권한 서버는 이제 {name}에 대해 {from} 대신 {to|으로/로} 답합니다.',
  'lab.dns.note.failback':
    '주 서버가 다시 정상입니다. 권한 서버는 {name}에 대해 다시 {to|으로/로} 답합니다.',
  'journey.note.visit': '브라우저에 {url|을/를} 열라는 요청이 들어옵니다.',
};

export const tcpSpans: Table = {
  'tcp.source_port':
    '보내는 쪽의 포트입니다. 클라이언트는 연결마다 비어 있는 포트를 하나 고릅니다.',
  'tcp.destination_port': '받는 쪽의 포트입니다. HTTPS는 443입니다.',
  'tcp.sequence_number':
    '이 세그먼트의 첫 바이트 번호입니다. 양쪽은 각자 무작위 번호에서 시작하며, SYN과 FIN은 각각 1바이트로 셉니다.',
  'tcp.acknowledgment_number':
    '보내는 쪽이 상대에게서 다음으로 기대하는 바이트입니다. 그 앞의 모든 바이트는 도착했다는 뜻입니다.',
  'tcp.data_offset': '헤더의 길이로, 4바이트 단위입니다. 옵션이 없으면 5단위, 곧 20바이트입니다.',
  'tcp.flags':
    '제어 비트: SYN은 연결을 열고, ACK는 수신을 확인하고, FIN은 연결을 닫고, RST는 연결을 끊어 버립니다.',
  'tcp.window': '보내는 쪽이 지금 더 받을 수 있는 바이트 수입니다.',
  'tcp.checksum':
    '헤더, 데이터, 양쪽 IP 주소에 대한 체크섬입니다. 손상되었거나 엉뚱한 호스트에 도착한 세그먼트는 버려집니다.',
  'tcp.urgent_pointer': '여기서는 쓰이지 않습니다(URG 비트가 꺼져 있습니다).',
};

export const lab: Strings['lab'] = {
  groups: {
    basics: '기본',
    'tls-lab': 'TLS 실험실',
    'dns-lab': 'DNS 실험실',
    journey: '처음부터 끝까지',
  },
  view: '보기',
  viewDiagram: '다이어그램',
  viewDecode: '디코드',
  visitLabel: '방문 {n} · {time}',

  panel: '실험실',
  sideSwitch: '옆 패널',
  startFrom: '시작점',
  resetPreset: '바꾼 내용 되돌리기',
  settings: '설정',
  outcome: '결과',
  running: '실행 중…',
  loading: '불러오는 중…',
  noOutcome: '시나리오를 실행하면 결과가 나옵니다.',
  yes: '예',
  no: '아니요',
  alert: 'Alert',
  alertSent: '{description} ({code}), {by|이/가} {to}에게 보냄:',
  moveUp: '{name} 위로 옮기기',
  moveDown: '{name} 아래로 옮기기',
  showServerHello: 'ServerHello 보기',
  showCertificate: 'Certificate 보기',
  showAlert: 'alert 보기',
  numberRange: '{min}부터 {max}까지의 정수를 입력하세요.',
  presets: {
    'lab-tls-negotiation': {
      'server-order': '서버의 순서를 따름',
      'client-order': '클라이언트의 순서를 따름',
      'no-overlap': '공통된 암호 스위트가 없음',
      'no-common-group': '공통된 키 교환 그룹이 없음',
      'misbehaving-server': '클라이언트가 제안한 적 없는 스위트를 고르는 서버',
      'tls13-both': '양쪽 모두 TLS 1.3을 쓸 수 있음',
      'tls13-client-tls12-server': 'TLS 1.3 클라이언트와 TLS 1.2 서버',
      'downgrade-attack': 'TLS 1.3을 지운 공격자가 들킴',
    },
    'lab-tls-resumption': {
      'by-session-id': '세션 ID로 재개',
      'by-ticket': '세션 티켓으로 재개',
      'cache-cleared': '서버가 다시 시작되어 세션 캐시를 잃음',
      'cache-cleared-ticket': '서버가 다시 시작되었지만 클라이언트에게 티켓이 있음',
      'ticket-key-rotated': '서버가 티켓 키를 바꿈',
      'lifetime-passed': '클라이언트가 6분 뒤에 돌아옴',
    },
    'lab-tls-certificates': {
      none: '올바른 인증서',
      expired: '만료된 인증서',
      'not-yet-valid': '아직 유효 기간이 시작되지 않은 인증서',
      'wrong-host': '다른 호스트의 인증서',
      'self-signed': '자체 서명 인증서',
      'unknown-ca': '알 수 없는 CA가 발급한 인증서',
      'missing-intermediate': '중간 인증서가 빠짐',
    },
    'lab-tls-mitm': {
      rejected: '클라이언트가 공격자의 CA를 신뢰하지 않음',
      trusted: '클라이언트에 공격자의 루트 인증서가 설치됨',
    },
    'lab-tls-tamper': {
      'client-random': 'ClientHello random의 바이트 하나',
      'client-hello-server-name': 'ClientHello의 서버 이름 중 글자 하나',
      'client-hello-server-name-no-ems': 'extended master secret 없이, 서버 이름 중 글자 하나',
      'server-hello-extensions-length': 'ServerHello의 확장 길이',
      'server-key-exchange-public-key': '서버의 ECDHE 공개 키의 바이트 하나',
      'server-key-exchange-signature': '서버 서명의 바이트 하나',
      'client-key-exchange-public-key': '클라이언트의 ECDHE 공개 키의 바이트 하나',
      'client-finished': '클라이언트의 암호화된 Finished의 바이트 하나',
      'new-session-ticket': '세션 티켓의 바이트 하나',
      'http-request': '암호화된 HTTP 요청의 바이트 하나',
      'record-length': 'ClientHello 레코드 헤더의 길이',
    },
    'lab-tls-ems': {
      both: '클라이언트가 제안하고 서버가 받아들임',
      'client-off': '클라이언트가 제안하지 않음',
      'server-off': '서버가 지원하지 않음',
    },
    'lab-dns-time-travel': {
      'layer-by-layer': '캐시가 한 계층씩 만료됨',
      'short-ttl': '30초짜리 TTL과 브라우저의 고정된 1분',
      'same-zone': '리졸버가 이미 아는 영역의 다른 이름',
    },
    'lab-dns-negative': {
      nxdomain: '존재하지 않는 이름을 두 번 조회',
      'nxdomain-other-type': '같은 이름, 다른 레코드 유형',
      nodata: '요청한 유형의 레코드가 없는 이름',
      'negative-expired': '부정 TTL이 지난 뒤 다시 조회',
    },
    'lab-dns-broken-servers': {
      'down-server': '답하지 않는 서버',
      'lame-delegation': '그 영역을 제공하지 않는 서버',
      'every-server-fails': '모든 서버가 실패',
    },
    'lab-dns-poisoning': {
      'out-of-bailiwick': '답에 끼어든 다른 영역의 레코드',
      'off-path-forgery': 'ID를 추측한 위조 응답',
      'on-path-forgery': '질의를 볼 수 있는 공격자의 위조 응답',
    },
    'lab-dns-cname-loop': {
      loop: '서로의 별칭인 두 이름',
      chain: '세 영역에 걸친 별칭 사슬',
    },
    'lab-dns-gslb-failover': {
      'ttl-60': 'TTL 60초, 30초마다 검사',
      'ttl-300': 'TTL 300초, 30초마다 검사',
      'fast-checks': 'TTL 60초, 10초마다 검사',
    },
    'lab-dns-qname-minimisation': {
      off: '모든 서버에 전체 이름',
      on: '한 번에 레이블 하나씩',
    },
    'lab-dns-zone-edit': {
      'move-www': 'www.example.com에 새 주소 주기',
      'add-alias': 'www.example.com의 별칭 추가',
      mistake: '실수가 있는 줄',
    },
    'journey-visit': {
      'visit-again': '방문하고 30초 뒤에 다시 방문',
      'again-after-two-minutes': '2분 뒤에 다시 방문',
      'again-after-ten-minutes': '10분 뒤에 다시 방문',
      'wrong-certificate': '인증서가 다른 이름으로 된 사이트',
    },
  },

  negotiation: {
    client: '클라이언트',
    server: '서버',
    suites: '암호 스위트',
    groups: '키 교환 그룹',
    signatureSchemes: '서명 알고리즘',
    listOf: '{side}: {list}',
    preference: '누구의 순서를 따를지',
    preferServer: '서버의 순서',
    preferClient: '클라이언트의 순서',
    misbehave: 'ServerHello에 적힌 스위트',
    followRfc: '서버가 고른 스위트',
    namesSuite: '제안 내용과 상관없이 {suite}',
    agreed: '{suite|으로/로} 핸드셰이크가 끝났습니다.',
    failed: '핸드셰이크에 실패했습니다.',
    chosenSuite: '고른 스위트',
    why: '이유',
    serverHelloSaid: 'ServerHello에 대신 적힌 것',
    group: '키 교환 그룹',
    signatureScheme: 'ServerKeyExchange 서명 방식',
    versions: '{side}: TLS 버전',
    versionChoices: {
      '1.2': 'TLS 1.2만',
      '1.3': 'TLS 1.3만',
      '1.2,1.3': 'TLS 1.2와 TLS 1.3',
    },
    onPath: '경로 위',
    pathHonest: 'ClientHello를 건드리는 것이 없음',
    pathStrips: '공격자가 ClientHello에서 TLS 1.3을 지움',
    version: '버전',
    stripped: '공격자가 supported_versions를 숨겨서, 서버는 TLS 1.2 클라이언트를 보았습니다.',
  },

  resumption: {
    sessionCache: '서버가 세션 캐시를 유지함 (세션 ID로 재개)',
    tickets: '서버가 세션 티켓을 발급함',
    offerTickets: '클라이언트가 세션 티켓을 받음',
    between: '두 연결 사이에',
    betweenChoices: {
      nothing: '아무 일도 없음 (1초가 지남)',
      'server-cache-cleared': '서버가 다시 시작되어 세션 캐시를 잃음',
      'ticket-key-rotated': '서버가 티켓 키를 바꿈',
      'session-lifetime-passed': '6분이 지남 (세션 수명은 5분)',
    },
    resumed: '두 번째 연결이 {by} 세션을 재개했습니다.',
    notResumed: '두 번째 연결은 전체 핸드셰이크를 했습니다.',
    bySessionId: '세션 ID로',
    byTicket: '세션 티켓으로',
    offered: '클라이언트가 {by} 재개하자고 제안했습니다.',
    offeredNothing: '클라이언트에게는 재개할 세션이 없었습니다.',
    full: '전체 핸드셰이크',
    abbreviated: '축약 핸드셰이크',
    noHandshake: '핸드셰이크 없음',
    roundTrips: '요청 전 왕복 {n}번',
    readyAfter: '{time} ms 뒤 보낼 준비 완료',
    showSecond: '두 번째 ClientHello 보기',
  },

  certificates: {
    problem: '인증서의 문제',
    accepted: '클라이언트가 인증서 체인을 받아들이고 페이지를 받았습니다.',
    served: '서버가 보낸 것 (자신의 인증서가 먼저)',
    issuedBy: '발급자: {issuer}',
  },

  warning: {
    title: '연결이 비공개로 설정되어 있지 않습니다',
    notSecure: '주의 요함',
    intro:
      '공격자가 {host}에서 정보(예: 비밀번호, 메시지, 신용카드)를 도용하려고 시도 중일 수 있습니다.',
    kinds: {
      expired:
        '인증서가 만료되었습니다. 서버 설정이 잘못되었거나 이 기기의 시계가 틀렸을 수 있습니다.',
      not_yet_valid:
        '인증서의 유효 기간이 아직 시작되지 않았습니다. 이 기기의 시계가 틀렸거나, 인증서가 미래 날짜로 발급되었을 수 있습니다.',
      hostname_mismatch:
        '인증서가 다른 이름으로 되어 있습니다. 서버가 이 사이트의 이름이 없는 인증서를 내밀었습니다.',
      unknown_ca:
        '이 기기가 신뢰하지 않는 기관이 인증서를 발급했습니다. 그런 인증서는 누구나 어떤 이름으로든 만들 수 있습니다.',
      self_signed:
        '인증서가 스스로 서명했습니다. 보증해 주는 기관이 없으므로 누구나 만들 수 있었던 인증서입니다.',
      missing_intermediate:
        '인증서 체인이 불완전합니다. 서버가 자기 인증서와 신뢰하는 루트를 잇는 중간 인증서를 보내지 않았습니다.',
      other: '인증서를 확인할 수 없습니다.',
    },
    onTheWire: '실제로 오간 내용:',
  },

  mitm: {
    trust: '공격자의 CA를 신뢰',
    trustHint:
      '누군가 이 기기에 공격자의 루트 인증서를 설치한 것처럼 합니다(회사 프록시나 악성 코드).',
    accepted:
      '클라이언트가 공격자의 인증서(발급자 “{issuer}”)를 받아들였습니다. 자물쇠가 표시되고, 공격자는 모든 것을 읽습니다.',
    relayed: '요청이 진짜 서버에 도착함',
    clientGot: '클라이언트가 받은 것',
    attackerRead: '공격자가 평문으로 읽은 것',
    readNothing: '없음: 클라이언트는 데이터를 보내기 전에 멈췄습니다.',
  },

  tamper: {
    record: '바꿀 메시지',
    recordOption: '{n}: {from|이/가} 보낸 {message}',
    offset: '바이트 (레코드 헤더부터의 오프셋)',
    pickHint: '아래에서 바이트를 클릭해도 됩니다. 바이트에 마우스를 올리면 해당 필드가 보입니다.',
    useInspector: '검사기에서 선택한 바이트 사용 ({message}, 바이트 {offset})',
    change: '바꾸는 방법',
    masks: {
      '1': '가장 낮은 비트 뒤집기 (XOR 0x01)',
      '128': '가장 높은 비트 뒤집기 (XOR 0x80)',
      '255': '모든 비트 뒤집기 (XOR 0xff)',
    },
    ems: '클라이언트가 extended master secret을 제안함',
    preview: '{message}의 바이트 {offset}, {field} 안: 0x{before|이/가} 0x{after|이/가} 됩니다.',
    noField: '필드 없음',
    caught: '{message|이/가} 도착했을 때 {by|이/가} 알아챘습니다.',
    unnoticed: '아무도 알아채지 못했습니다. 핸드셰이크가 끝나고 페이지가 열렸습니다.',
    stalled: '아무도 alert를 보내지 않았지만 핸드셰이크가 끝나지 않았습니다.',
    changed: '바뀐 것',
    changedByte:
      '{from|이/가} 보낸 {message}의 바이트 {offset} ({field}): 0x{before|이/가} 0x{after|이/가} 됨',
    notSent: '없음: 그 레코드는 전송되지 않았거나 그보다 짧습니다',
    waiting: '{lane|이/가} 아직 기다리는 상태:',
    response: '클라이언트가 받은 것',
    showTampered: '바뀐 메시지 보기',
    showCaught: '알아챈 곳 보기',
  },

  ems: {
    clientOffers: '클라이언트가 extended master secret을 제안함',
    serverSupports: '서버가 지원함',
    used: '양쪽 모두 extended master secret을 썼습니다.',
    notUsed: '고전적인 master secret을 썼습니다.',
    label: 'PRF 레이블',
    seedIs: 'PRF 시드',
    sidesAgree: '클라이언트와 서버가 같은 master secret을 만들어 냄',
    masterSecret: 'master_secret (48바이트)',
    showKeys: '키 스케줄 보기',
  },

  dns: {
    layers: {
      Browser: '브라우저의 캐시',
      'OS resolver': 'OS 리졸버의 캐시',
      'Recursive resolver': '재귀 리졸버의 캐시',
      'Authoritative servers': '권한 서버',
    },
    name: '이름',
    type: '유형',
    lookupN: '조회 {n}',
    after: '이전 조회 뒤 몇 초',
    secondsUnit: '초',
    restart: '그 전에',
    restarts: {
      none: '아무것도 다시 시작하지 않음',
      browser: '브라우저를 다시 시작',
      computer: '컴퓨터를 다시 시작',
    },
    removeLookup: '조회 {n} 지우기',
    lookupsFull:
      '한 번 실행에 넣을 수 있는 조회는 최대 {max}개입니다. 하나를 지워야 더 추가할 수 있습니다.',
    advanceClock: '시계를 앞으로 돌리고 다시 조회:',
    jumps: {
      '10': '+10초',
      '60': '+1분',
      '300': '+5분',
      '3600': '+1시간',
      '86400': '+1일',
    },
    lastAnsweredBy: '마지막 조회에는 {layer|이/가} 답했습니다.',
    lookupsCaption: '각 조회와, 브라우저가 물었을 때 각 캐시에 남아 있던 TTL',
    when: '시점',
    atSeconds: '{s}초',
    question: '질문',
    answeredBy: '답한 곳',
    answer: '답',
    messages: 'DNS 메시지',
    ttlBrowser: '브라우저 TTL',
    ttlOs: 'OS TTL',
    ttlRecursive: '재귀 리졸버 TTL',
    ttlDelegations: '위임 TTL',
    notCached: '캐시 안 됨',
    afterLast: '마지막 조회 뒤 남은 것 ({s}초 시점)',
    firstType: '첫 조회의 유형',
    againType: '두 번째 조회의 유형',
    againAfter: '두 번째 조회, 몇 초 뒤',
    firstLookup: '첫 조회',
    secondLookup: '두 번째 조회',
    lookupResult: '{result}, {layer}에서',
    soaOf: '답에 담긴 {zone}의 SOA',
    soaTtl: '영역 안에서의 TTL',
    soaMinimum: 'MINIMUM 필드',
    soaSent: '서버가 보낸 TTL: 둘 중 작은 값',
    negativeCachedFor: '각 계층이 부정 응답을 기억하는 시간',
    notCachedThere: '캐시 안 됨',
    allFailed: '모든 서버가 실패했습니다. 리졸버가 SERVFAIL로 답했습니다.',
    stillAnswered: '조회는 그래도 성공했습니다: {result}.',
    failedServers: '리졸버가 포기한 서버',
    failedTimeout: '{server}({address})에서 답이 없었습니다. 리졸버는 {ms} ms를 기다렸습니다.',
    failedAnswer: '{server}({address})의 답: {why}.',
    usedServer: '답을 준 곳',
    nobody: '서버 없음',
    rcode: '결과',
    finishedAfter: '조회에 걸린 시간',
    barsHint: '막대는 브라우저가 물었을 때 각 캐시에 답이 몇 초 남아 있었는지를 보여 줍니다.',
    answeredFrom: '{layer|이/가} 답함 · DNS 메시지 {n}개',
  },

  poisoning: {
    attack: '공격',
    outOfBailiwick: '답에 끼어든 다른 영역의 레코드',
    forged: '진짜 답과 경쟁하는 위조 응답',
    forgeries: '위조 응답',
    seesQuery: '공격자가 질의를 봄 (경로 위)',
    poisoned: '리졸버의 캐시가 오염되었습니다. 공격자의 주소가 들어 있습니다.',
    notPoisoned: '공격은 실패했습니다. 리졸버의 캐시에는 진짜 답만 있습니다.',
    refused: '리졸버가 버린 레코드',
    refusedRecord: '{section} 섹션의 {record}: {zone} 밖의 이름',
    forgeriesTitle: '위조 응답들',
    forgery: {
      dropped: 'ID {id}, 그러나 질의의 ID는 {queryId}: 버림',
      accepted: 'ID {id}, 질의의 ID {queryId}와 같음: 받아들임',
      tooLate: 'ID {id}: 진짜 답보다 늦게 도착해 읽히지 않음',
    },
    cached: '리졸버의 캐시에 있는 www.example.com의 값',
    delegation: 'example.com의 네임 서버',
    browserGot: '브라우저가 받은 것',
  },

  cname: {
    loop: '사슬이 다시 {name|으로/로} 돌아옵니다. 리졸버는 SERVFAIL로 멈춥니다.',
    noLoop: '사슬이 주소에서 끝납니다.',
    chain: '리졸버가 따라간 이름들',
  },

  gslb: {
    ttl: '레코드의 TTL',
    interval: '상태 검사 주기',
    threshold: '장애 조치 전 실패 횟수',
    stopAt: '주 서버를 끄는 시점',
    lookupEvery: '브라우저의 조회 주기',
    lookupUntil: '조회를 멈추는 시점',
    primary: '주 서버',
    secondary: '보조 서버',
    stopped: '주 서버가 꺼짐',
    unhealthy: '상태 검사가 죽었다고 판단',
    authoritativeSwitched: '권한 서버가 보조 서버로 답하기 시작한 시점',
    browserSwitched: '브라우저가 보조 서버를 받기 시작한 시점',
    never: '없음',
    lag: '권한 서버가 바뀐 뒤에도 브라우저는 {s}초 동안 예전 주소를 썼습니다. TTL과 브라우저 자신의 캐시 때문입니다.',
    tableCaption: '각 조회: 권한 서버가 답한 것과 브라우저가 받은 것',
    authoritativeSays: '권한 서버',
    browserGets: '브라우저가 받음',
    gotFrom: '{layer}에서 받음, TTL {ttl}초',
    page: '페이지',
    loads: '열림',
    fails: '실패',
  },

  qname: {
    toggle: 'QNAME 최소화',
    queries: '리졸버가 보낸 질의',
    captionOn: '각 서버가 알게 된 것 (QNAME 최소화 사용)',
    captionOff: '각 서버가 알게 된 것 (QNAME 최소화 없이)',
    server: '서버',
    learned: '받은 질문',
  },

  zone: {
    zone: '영역(zone)',
    text: '마스터 파일',
    errorAt: '{line}번째 줄: {message}',
    parses: '영역을 제대로 읽었습니다.',
    reset: '원래 영역으로 되돌리기',
    lookups: '조회',
    lookupName: '이름 {n}',
    addLookup: '조회 추가',
    showLine: '{line}번째 줄 보기',
    notLoaded: '영역을 불러오지 않았으므로 아무것도 조회하지 않았습니다.',
    loaded: '편집한 영역을 불러왔고, 조회는 이 영역을 썼습니다.',
  },

  journey: {
    url: '주소',
    visitAgain: '다시 방문',
    againAfter: '첫 방문 뒤 몇 초',
    visitN: '방문 {n}',
    caption: '방문을 나란히 비교',
    rowDns: 'DNS',
    rowTcp: 'TCP',
    rowTls: 'TLS',
    rowCertificate: '인증서',
    rowHttp: 'HTTP',
    rowTotal: '전체 메시지',
    rowTime: '페이지 도착',
    dnsCell: '{layer}에서 {address}, 메시지 {n}개',
    tcpCell: '{server|으로/로} 세그먼트 {n}개',
    tlsFull: '전체 핸드셰이크',
    tlsResumed: '{by} 재개',
    tlsFailed: '실패: {alert}',
    tlsRecords: '레코드 {n}개',
    byTicket: '티켓으로',
    bySessionId: '세션 ID로',
    certificate: {
      valid: '확인함: 이 호스트에 유효',
      rejected: '거부됨',
      notSent: '보내지 않음 (세션을 이미 확인했음)',
    },
    saved: '두 번째 방문은 메시지가 {n}개 적었고, 페이지가 {ms} ms 더 빨리 왔습니다.',
    savedMessages: '두 번째 방문은 메시지가 {n}개 적었습니다.',
    refused: '브라우저가 인증서를 거부했습니다({alert}). {host}에 유효한 인증서가 아닙니다.',
    showTcp: 'TCP 핸드셰이크 보기',
    showTls: '첫 번째 ClientHello 보기',
    showSecondTls: '두 번째 ClientHello 보기',
    badUrl: 'https://www.example.com/ 같은 https 주소를 입력하세요',
  },

  decode: {
    title: '붙여 넣고 디코드',
    hint: 'TLS 레코드 하나 이상, 또는 DNS 메시지 하나의 16진수를 붙여 넣으세요. 16진수 문자열이나 Wireshark의 “Copy as Hex Dump” 모두 됩니다. 최대 64 KiB.',
    inputLabel: '16진수',
    modeLabel: '디코드 방식',
    modes: { auto: '자동 감지', tls: 'TLS 레코드', dns: 'DNS 메시지' },
    protocols: { tls: 'TLS 레코드', dns: 'DNS 메시지' },
    empty: '디코드할 16진수를 붙여 넣으세요.',
    tooLong:
      '붙여 넣은 글이 {chars}자입니다. 최대 {max}자(16진수 덤프로 64 KiB)까지 읽습니다. 핸드셰이크 하나의 레코드나 DNS 메시지 하나를 붙여 넣으세요.',
    tooLarge:
      '{bytes}바이트입니다. 디코더는 최대 {max}바이트(64 KiB)까지 받습니다. 핸드셰이크 하나의 레코드나 DNS 메시지 하나를 붙여 넣으세요.',
    oddDigits: '16진수의 자릿수가 홀수입니다({digits}). 바이트 하나가 반으로 잘렸습니다.',
    badChar: '{line}번째 줄 {column}번째 칸의 “{char}”: 16진수 숫자가 아닙니다.',
    errorAt: '{protocol|으로/로} 올바르지 않습니다: {reason} (바이트 {offset}, 바이트 탭에 표시).',
    decoded: '{protocol|으로/로} 디코드함: {count}바이트.',
    failed: '디코더가 실패했습니다: {reason}',
    fromDiagram: '다이어그램에서 {name}의 바이트 붙여 넣기',
    clear: '지우기',
    nothing: '왼쪽에 16진수를 붙여 넣으면 여기에 필드와 바이트가 나옵니다.',
    undecodable: '디코드되지 않는 바이트',
    noFields:
      '필드가 없습니다. 바이트가 디코드되지 않습니다. 바이트 탭에 디코더가 멈춘 곳이 표시됩니다.',
    errorMarked: '표시된 바이트가 디코더가 멈춘 곳입니다.',
  },
};

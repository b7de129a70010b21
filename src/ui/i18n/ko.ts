/**
 * Every string the UI shows, in Korean, for teachers and students in Korean classrooms. Typed as
 * `Strings`, so a UI key missing here is a compile error; tables.test.ts checks the dynamic tables
 * (every key of en.ts present and non-empty, the same placeholders).
 *
 * Protocol names and field names stay as the RFCs spell them (ClientHello, client_random,
 * verify_data, NS, TTL, …): they are what people search for and what Wireshark shows. Explanations
 * use the plain polite style (합니다체) a teacher uses in class. `{name|이/가}` picks the particle
 * that fits the value (see `format` in ./index.ts).
 */
import { TLS_TEXT_KO } from '../../i18n/tls.ko';
import { DNS_MESSAGE_TEXT_KO } from '../../i18n/dns-message.ko';
import { LIMIT_TEXT_KO } from '../../i18n/limits.ko';
import { ZONE_TEXT_KO } from '../../i18n/zone.ko';
import { SPAN_VALUE_TEXT_KO } from '../../i18n/span-values.ko';
import type { Strings, Table } from './en';
import { lab, labNotes, labScenarios, tcpSpans } from './ko-lab';

const ui: Strings['ui'] = {
  appTitle: 'Wirestep',
  appTagline: '실제 TLS 1.2와 DNS를 바이트 단위로',
  skipToDiagram: '다이어그램으로 건너뛰기',

  scenario: '시나리오',
  lesson: '눈여겨볼 점',
  lessonMore: '전체 보기',
  lessonLess: '접기',
  hostname: '호스트 이름',
  suite: '암호 스위트',
  suiteAll: '클라이언트가 네 가지 모두 제안',
  suiteOnly: '{suite}만',
  seed: '시드',
  newSeed: '새 무작위 시드',
  dnsName: '이름',
  dnsType: '유형',
  run: '실행',
  fieldProblem: '{field}: {error} 이것을 고칠 때까지 실행되지 않습니다.',
  settings: '화면 설정',
  theme: '테마',
  themeLight: '밝게',
  themeDark: '어둡게',
  motion: '애니메이션',
  motionSystem: '시스템 설정 따르기',
  motionReduce: '줄이기',
  motionFull: '모두 보기',
  language: '언어',

  statusRunning: '{title} 실행 중…',
  statusDone: '메시지 {count}개 · {summary}',
  statusRefused: '잡아내서 치명적 경고로 거부했습니다: {error}',
  statusFailed: '실행에 실패했습니다: {error}',
  statusStalled: 'alert 없이 핸드셰이크가 멈췄습니다: {error}',
  statusIdle: '실행할 시나리오를 고르세요.',
  handshakeOk: '핸드셰이크 완료, {status}',
  lookupsDone: '조회 {count}건에 응답함',

  diagram: '시퀀스 다이어그램',
  diagramHelp:
    '끌어서 이동하고, 스크롤로 위아래로 움직이며, Ctrl + 스크롤이나 버튼으로 확대·축소합니다. Tab으로 메시지에 가서 Enter를 누르면 자세히 볼 수 있습니다.',
  zoomIn: '확대',
  zoomOut: '축소',
  zoomFit: '화면에 맞추기',
  messageLabel: '{name}, {from}에서 {to|으로/로}',
  messageEncrypted: '암호화됨',
  messageDropped: '전송 중 손실됨',
  messageFatal: '치명적 경고(fatal alert)',
  bytesShort: '{count} B',
  timeMs: '{time}',
  cacheHitLabel: '캐시 적중 · TTL {ttl}초 남음',
  cacheHitName: '{lane}의 캐시 적중, {cache}: {key}, {ttl}초 남음',
  stateTip: '{lane}: {from} → {to}',
  explainStates: '상태 변화',
  stateName: '{lane} 상태: {state}',
  errorName: '{lane}에서 오류: {message}',
  phaseLabel: '조회 {n} · {time}',
  phaseLabelFirst: '조회 {n}',
  connectionLabel: '연결 {n}',

  playback: '재생',
  play: '재생',
  pause: '일시 정지',
  stepForward: '한 단계 앞으로',
  stepBack: '한 단계 뒤로',
  first: '처음',
  last: '마지막',
  speed: '속도',
  scrubber: '메시지',
  position: '{total}개 중 {n}번째',
  stepAnnounce: '{total}개 중 {n}번째 메시지: {name}, {from}에서 {to|으로/로}',
  positionValue: '{total}개 중 {n}번째 메시지: {name}',
  keyboardHint: 'Space 재생/정지 · ← → 단계 이동 · ? 단축키 전체',

  inspector: '검사기',
  inspectorEmpty: '시나리오를 실행하면 여기에 메시지가 표시됩니다.',
  tabBytes: '바이트',
  tabFields: '필드',
  tabExplain: '설명',
  tabKeys: '키',
  tabCaches: '캐시',
  inspectorTabs: '검사기 보기',
  fromTo: '{from} → {to}',
  atTime: '{time} 시점',
  sizeBytes: '{count}바이트',
  encryptedBadge: '암호화됨',
  plaintextBadge: '평문',
  followingPlayback: '재생을 따라가는 중',

  wireBytes: '전송되는 바이트',
  ciphertext: '암호문 (전송되는 그대로)',
  plaintext: '평문 (세션 키로 복호화함)',
  nonce: '논스(nonce)',
  aad: '추가 인증 데이터(AAD)',
  nonceHelp:
    '이 레코드의 AEAD 논스입니다. AES-GCM에서는 키 블록에서 나온 4바이트 salt 뒤에 8바이트 명시적 논스가 붙는데, 이 값이 레코드 시퀀스 번호입니다(RFC 5288, 3절). ChaCha20-Poly1305에서는 12바이트 IV와 시퀀스 번호를 XOR한 값입니다(RFC 7905, 2절).',
  aadHelp:
    '암호화되지는 않지만 인증되는 값입니다: 시퀀스 번호(8바이트), 레코드 유형(1), 버전(2), 평문 길이(2)(RFC 5246, 6.2.3.3절). 이 중 하나라도 바뀌면 태그 검사에 실패합니다.',
  aadSeq: 'seq_num',
  aadType: 'type',
  aadVersion: 'version',
  aadLength: 'length',
  hexOffset: '오프셋',
  hexDumpLabel: '{what}의 16진수 덤프',
  hexHint: '바이트에 마우스를 올리면 해당 필드가 보이고, 클릭하면 선택됩니다.',
  fieldNone: '선택한 필드가 없습니다. 바이트나 필드 목록의 행을 클릭하세요.',
  fieldSelected: '선택한 필드',
  fieldAt: '바이트 {start}–{end} ({count}바이트)',
  fieldValue: '값',
  fieldPath: '경로',
  fieldsLabel: '{what}의 필드',
  fieldBytes: '{name}의 바이트',
  showInBytes: '바이트에서 보기',

  explainMessage: '이 메시지가 하는 일',
  explainNotes: '이 단계에서 엔진이 남긴 기록',
  explainField: '선택한 필드에 대하여',
  explainMissing: '{key}에 대한 설명은 아직 없습니다.',
  explainScenario: '이 시나리오',
  alertLine: '{level} alert {description}({code}), 원인: {reason}',

  keysIntro:
    '이 단계까지 알려진 키 스케줄입니다. 양쪽은 모든 값을 각자 계산하며, 이 비밀 값들은 한 번도 전송되지 않습니다.',
  keysNone: '아직 키가 없습니다. 이 단계에서는 키 교환이 일어나지 않았습니다.',
  keysPending: '아직 모름',
  keysKnownBy: '{lanes|이/가} 알고 있음',
  keysCommand: 'OpenSSL 3로 다시 계산하기',
  keysCommandCopy: '명령 복사',
  keysCommandCopied: '복사함',
  keysCommandColonHex:
    '위의 바이트를 AB:CD:… 형태로 출력합니다. seed는 RFC 5246의 PRF 정의대로 label의 ASCII 바이트 뒤에 입력값을 이어 붙인 것입니다.',
  keysCommandHex:
    '이쪽의 ECDHE 개인 키와 상대의 공개 키를 PEM 파일로 쓴 다음, 공유 비밀을 16진수로 출력합니다. 위의 바이트와 같습니다.',
  keysInputs: '입력값',
  keysSplit: '키 블록을 나누는 방법',
  keysVersion: 'TLS {version} 키 스케줄',
  keysCompare:
    '같은 요청, 두 가지 키 스케줄입니다. TLS 1.2는 PRF로 마스터 비밀 하나를 만들고 거기서 키 블록 하나를 잘라 씁니다. TLS 1.3은 HKDF-Extract 세 단계(초기 비밀, 핸드셰이크 비밀, 마스터 비밀)를 이어 가며, 각 단계에서 방향마다 따로 비밀을 확장하고 그때까지의 트랜스크립트에 묶습니다. 그래서 핸드셰이크를 보호하는 키와 애플리케이션 데이터를 보호하는 키는 결코 같지 않습니다.',

  cachesIntro: '이 단계 시점의 모든 캐시와 각 항목에 남은 시간입니다.',
  cachesNone: '이 단계까지 캐시 이벤트가 없습니다.',
  cacheEmpty: '비어 있음',
  cacheKey: '키',
  cacheValue: '저장된 값',
  cacheTtl: '남은 TTL',
  cacheTtlValue: '{ttl}초',
  cacheStats: '적중 {hits}회, 실패 {misses}회',
  cacheAt: '{time} 시점',

  explainAlert: '이 경고(alert)의 의미',
  explainRcode: '{rcode}의 의미',
  engineDetail: '엔진이 남긴 세부 내용: {detail}',

  share: '내보내기와 공유',
  downloadPcap: 'pcap 내려받기',
  downloadKeylog: '키 로그 내려받기',
  pcapHelp:
    '이번 실행을 담은 classic pcap 파일입니다(Ethernet, IPv4, TCP 또는 UDP). Wireshark에서 키 로그와 함께 열면(Preferences → Protocols → TLS → (Pre)-Master-Secret log filename) 복호화된 HTTP를 볼 수 있습니다.',
  noKeys: '이번 실행에는 기록할 TLS 키가 없습니다.',
  downloadSvg: '다이어그램 내려받기 (SVG)',
  downloadPng: '다이어그램 내려받기 (PNG)',
  exportTrace: '트레이스 내보내기 (JSON)',
  importTrace: '트레이스 가져오기 (JSON)…',
  openCapture: '캡처 열기',
  openCaptureHint:
    '.pcap 또는 .pcapng 파일과, 있다면 NSS 키 로그(SSLKEYLOGFILE)를 함께 고르거나 여기에 끌어 놓으세요.',
  captureConnection: '캡처 속 연결',
  captureEmpty: 'TLS 연결도 DNS 교환도 들어 있지 않습니다',
  captureStopped:
    '{file}의 {label}을 보여 주고 있습니다. 파일이 손상되어 {offset}번째 바이트에서 읽기를 멈췄습니다.',
  copyLink: '링크 복사',
  linkCopied: '링크를 복사했습니다.',
  linkLabel: '이 메시지로 가는 링크',
  exportBusy: '{what} 준비 중…',
  exportFailed: '{what|을/를} 준비하지 못했습니다: {reason}',
  dismiss: '닫기',

  importFailed: '{file|을/를} 가져오지 못했습니다. {reason}. 지금 보고 있는 실행은 그대로입니다.',
  importNotJson: 'JSON 파일이 아닙니다',
  importWrongFormat: 'Wirestep 트레이스가 아닙니다',
  importWrongVersion: '버전 {version} 파일인데, 이 Wirestep은 버전 {supported}만 읽습니다',
  importDamaged: '파일이 손상되었습니다({detail})',
  importTooLarge: '파일이 {size} MiB인데, 최대 {max} MiB까지만 읽습니다',
  importedFrom: '{file}에서 가져온 트레이스를 보여 주고 있습니다.',
  importedReal: '{file}에서 가져온 실제 실행({label})을 보여 주고 있습니다.',
  importedProbe: '{file}에서 가져온 협상 보고서를 보여 주고 있습니다.',
  reportTitle: '협상 보고서: {target}',
  reportClose: '보고서 닫기',
  reportVersions: '프로토콜 버전과 암호 스위트',
  reportVersion: '버전',
  reportAccepted: '서버의 응답',
  reportAcceptedYes: '수락',
  reportRefused: '거부',
  reportOrder: '누구의 순서를 따르는가',
  reportOrderServer: '서버의 순서',
  reportOrderClient: '클라이언트의 순서',
  reportSuites: '수락한 스위트(순서대로)',
  reportDetails: '그룹과 확장',
  reportGroups: '지원 그룹',
  reportEms: '확장 마스터 시크릿',
  reportRenegotiation: '안전한 재협상',
  reportTicket: '세션 티켓',
  reportOcsp: 'OCSP 스테이플링',
  reportCertificate: '인증서',
  reportSubject: '주체',
  reportIssuer: '발급자',
  reportChain: '체인의 인증서 수',
  reportValid: '검증 통과',
  reportYes: '예',
  reportNo: '아니요',
  reportUnknown: '보이지 않음(TLS 1.3은 암호화해서 보냄)',
  reportNoCertificate: '보이지 않음: TLS 1.3만 쓰는 서버는 인증서를 암호화해서 보냅니다.',
  reportExchanges: '각 프로브: ClientHello와 서버의 응답',
  reportExchangesHint:
    '프로브가 맺은 연결을 순서대로 보여 줍니다. 하나를 고르고 메시지를 고르면 인스펙터에 나옵니다.',
  reportNoExchanges:
    '이 파일에는 프로브의 ClientHello와 서버의 응답이 기록되어 있지 않습니다. 기록하려면 `tls probe HOST:PORT --json --exchanges`를 실행하세요.',
  reportSignatureAlgorithms: '서명 알고리즘(TLS 1.2)',
  reportExchangeList: '프로브(보낸 순서대로)',
  reportExchangeItem: '{n}번. {version}, {offered}: {answer}',
  reportExchangeMessages: '프로브 {n}의 메시지',
  reportProbeNumber: '프로브 {n}',
  reportAnswerHello: '{message}, {suite}',
  reportAnswerAlert: 'Alert {description}',
  reportClosed: '연결 종료',
  reportUndecodable: 'TLS 레코드가 아님',

  linkInvalid: '이 링크를 열 수 없어서({reason}) 기본 시나리오를 보여 줍니다.',
  linkUnknownScenario: '“{id}”라는 시나리오가 없습니다',
  linkBadValue: '“{value}”: 올바른 {param} 값이 아닙니다',
  linkStepMissing:
    '링크는 {step}번째 메시지를 가리키지만 이번 실행에는 메시지가 {total}개뿐이어서 첫 번째 메시지를 보여 줍니다.',
  linkTooLong: '링크 길이가 {length}자인데, 링크는 {max}자까지만 읽습니다',
  linkNotUtf8: '“{param}”의 값이 UTF-8 텍스트가 아닙니다',
  linkRepeated: '“{param}” 값이 두 번 이상 들어 있습니다',
  linkBadSetting: '설정 “{field}”의 값은 이 시나리오에서 쓸 수 없습니다',
  linkParamsOmitted:
    '보낸 사람이 바꾼 설정이 링크에 담기에는 너무 길어서, 그 설정의 시작점을 대신 보여 줍니다.',
  linkOmitsEdits:
    '바꾼 설정까지 넣으면 링크가 {max}자보다 길어지므로, 이 링크는 바꾸기 전의 시작점을 엽니다. 설정을 그대로 공유하려면 트레이스를 내보내세요 (JSON).',

  presentation: '발표 모드',
  presentationExit: '발표 모드 끝내기',
  presentationPosition: '{total}개 중 {n}번째 메시지',
  shortcuts: '키보드 단축키',
  shortcutsIntro: '입력란에 글자를 쓰는 중이 아니라면 페이지 어디에서나 이 키를 쓸 수 있습니다.',
  close: '닫기',
  shortcutKey: '키',
  shortcutAction: '동작',
  letterShortcuts: '한 글자 단축키(P, T, L, ?) 사용',

  diagramExportTitle: '{title} · 시드 {seed}',
  legend: '범례',
  legendPlain: '평문 메시지',
  legendEncrypted: '암호화된 메시지',
  legendWarning: '경고(warning) alert',
  legendFatal: '치명적(fatal) alert 또는 손실된 메시지',
  legendCache: '캐시에서 응답',
  legendState: '레인의 상태',
};

const messages: Table = {
  ClientHello:
    '클라이언트가 핸드셰이크를 시작합니다. 새로 만든 32바이트 난수, 쓸 수 있는 암호 스위트 목록(선호하는 순서대로), 그리고 접속하려는 서버 이름(SNI), 키 교환에 쓸 수 있는 곡선, 받아들이는 서명 알고리즘 같은 확장을 보냅니다. 이 가운데 비밀인 것은 없어서 경로 위의 누구나 읽을 수 있습니다.',
  ServerHello:
    '서버가 자신의 32바이트 난수와, 클라이언트 목록에서 고른 암호 스위트 하나로 답하고, extended master secret처럼 받아들이는 확장을 확인해 줍니다. 이제 양쪽 모두 이 연결의 나머지에서 쓸 알고리즘을 압니다.',
  Certificate:
    '서버가 인증서 체인을 보냅니다. 자신의 인증서가 먼저 오고, 그다음에 그것에 서명한 중간 CA의 인증서가 옵니다. 클라이언트는 신뢰하는 루트까지 모든 서명, 유효 기간, 그리고 인증서에 요청한 호스트 이름이 들어 있는지를 확인합니다. 이것으로 이 공개 키가 누구의 것인지는 증명되지만, 서버가 짝이 되는 개인 키를 가지고 있다는 것은 아직 증명되지 않습니다.',
  ServerKeyExchange:
    '서버가 새로 만든(임시, ephemeral) ECDHE 공개 키를 보내고, 이것을 양쪽 난수와 함께 인증서의 개인 키로 서명합니다. 이 서명이 서버가 인증서의 주인이라는 증거이고, 난수가 들어 있어서 예전 서명을 재사용할 수 없습니다. 이 키는 연결이 끝나면 버려지므로, 나중에 인증서의 키가 유출되더라도 녹화해 둔 트래픽은 안전합니다(순방향 비밀성, forward secrecy).',
  CertificateRequest:
    '서버가 클라이언트에게도 자신의 인증서로 누구인지 증명하라고 요청합니다. 받아들이는 키 유형과 서명 방식, 그리고 흔히 신뢰하는 CA 목록을 적어 보냅니다. 그런 인증서가 있는 클라이언트는 그것을 보내고 자신의 키로 핸드셰이크에 서명합니다(CertificateVerify). 많은 서버는 요청만 하고, 클라이언트에게 인증서가 없으면 그대로 진행합니다.',
  'Certificate (empty)':
    '인증서가 없는 클라이언트가 CertificateRequest에 답하는 방법입니다. 목록이 빈 Certificate 메시지를 보내고, 그 뒤에 CertificateVerify는 보내지 않습니다(RFC 5246, 7.4.6절). 다른 핸드셰이크 메시지처럼 transcript에 해시되므로 두 Finished 모두 이 메시지를 포함합니다. 서버는 클라이언트 인증 없이 계속하거나 치명적 경고(fatal alert)로 거절할 수 있습니다.',
  HelloRetryRequest:
    '고정된 특별한 난수 값을 가진 ServerHello입니다(RFC 8446, 4.1.3절). 서버는 TLS 1.3과 암호 스위트는 받아들였지만 클라이언트가 보낸 키 공유(key share) 가운데 맞는 것이 없어서, 대신 원하는 그룹을 key_share에 적어 보냅니다. 클라이언트는 그 그룹의 키 공유를 담아 ClientHello를 다시 보내야 합니다. 프로브는 일부러 맞지 않는 키 공유를 보내서 서버가 어떤 그룹을 선호하는지 읽습니다.',
  ServerHelloDone:
    '서버가 보낼 메시지를 모두 보냈다는 뜻의 빈 메시지입니다. 이제 서버는 기다리고, 클라이언트가 자신의 키 공유 값을 보낼 차례입니다.',
  ClientKeyExchange:
    '클라이언트가 자신의 임시 ECDHE 공개 키를 보냅니다. 이제 양쪽은 각자의 개인 키와 상대의 공개 키를 조합해 같은 공유 비밀, 곧 pre-master secret을 얻습니다. 이 값은 한 번도 전송되지 않습니다. 양쪽은 여기서 master secret과 트래픽 키를 만들어 냅니다.',
  ChangeCipherSpec:
    '핸드셰이크 메시지가 아니라 1바이트짜리 신호입니다. 다음 레코드부터 이쪽은 방금 만든 키로 모든 것을 암호화해서 보낸다는 뜻입니다. 이 방향의 레코드 시퀀스 번호는 다시 0부터 시작합니다.',
  Finished:
    '각 방향에서 처음으로 암호화되는 메시지입니다. verify_data는 master secret과 지금까지의 모든 핸드셰이크 메시지의 해시로 계산한 PRF 값이므로, 보낸 쪽이 같은 키를 가지고 같은 핸드셰이크를 보았다는 것을 증명합니다. 누군가 스위트 목록을 바꿨다면 여기서 드러납니다. 두 Finished가 모두 확인되면 핸드셰이크가 끝납니다.',
  NewSessionTicket:
    '서버가 클라이언트에게 세션 티켓을 건넵니다. 티켓은 서버만 아는 키로 암호화한 세션 상태입니다(RFC 5077). 클라이언트는 이것을 보관했다가 다음에 제시하면 전체 핸드셰이크 없이 세션을 재개할 수 있습니다. lifetime hint는 티켓을 얼마나 오래 보관할 만한지를 알려 줍니다.',
  EncryptedExtensions:
    'TLS 1.3에서 서버의 암호화된 플라이트의 첫 메시지입니다(RFC 8446, 4.3.1절). ALPN이나 서버 이름 확인처럼 키 교환에 영향을 주지 않는 확장을 담습니다. TLS 1.2에서는 이것들이 ServerHello에 있어 누구나 읽을 수 있었습니다. 서버 핸드셰이크 트래픽 키로 암호화되므로, 여기서부터 관찰자는 레코드 크기만 봅니다.',
  CertificateVerify:
    '지금까지의 핸드셰이크 전체의 해시에, 공백 64개와 “TLS 1.3, server CertificateVerify”를 앞에 붙여 인증서의 개인 키로 서명한 것입니다(RFC 8446, 4.4.3절). 보낸 쪽이 방금 보낸 인증서의 키를 가졌음을 증명하며, 트랜스크립트 전체를 덮으므로 핸드셰이크의 어느 것도 도중에 바뀌지 않았음도 보여 줍니다. TLS 1.2의 서버는 키 교환 파라미터에만 서명했습니다.',
  KeyUpdate:
    '연결 도중에 키를 바꾸는 TLS 1.3의 방법입니다(RFC 8446, 4.6.3절). 보내는 쪽은 “traffic upd”로 다음 애플리케이션 트래픽 비밀을 유도하고, 이 메시지 다음 레코드부터 그 키를 씁니다. request_update가 설정되어 있으면 상대도 자신의 송신 키를 바꿉니다. TLS 1.2에서는 이를 위해 재협상 전체가 필요했습니다.',
  'TLS 1.3 ClientHello':
    '클라이언트가 TLS 1.3 핸드셰이크를 엽니다. 오래된 미들박스를 통과하도록 legacy_version은 여전히 TLS 1.2라고 적고, 실제 버전은 supported_versions에 나열합니다. TLS 1.2와 달리 서버가 고를 것 같은 그룹의 키 공유(key_share)를 이미 담고 있어서, 키 교환에 추가 왕복이 필요 없습니다. 여기에는 암호화된 것이 없습니다.',
  'TLS 1.3 ServerHello':
    '서버가 TLS 1.3(supported_versions에 적음), 암호 스위트, 그리고 클라이언트의 키 공유 하나를 고르고, 자신의 키 공유를 key_share에 담아 보냅니다. 이것으로 양쪽은 곧바로 (EC)DHE 비밀과 핸드셰이크 트래픽 키를 계산할 수 있으며, 서버가 이 메시지 뒤에 보내는 것은 모두 암호화됩니다. TLS 1.3 스위트는 레코드 암호와 해시만 정하고, 키 교환과 서명은 따로 협상합니다(RFC 8446, 4.1.3절).',
  'TLS 1.3 HelloRetryRequest':
    '고정된 특별한 난수를 가진 ServerHello입니다(RFC 8446, 4.1.4절). 서버는 TLS 1.3을 받아들이지만 클라이언트의 키 공유 가운데 원하는 그룹의 것이 없어서, key_share에 그룹 하나를 지정합니다. 클라이언트는 그 그룹의 키 공유를 담은 두 번째 ClientHello를 보내고, 핸드셰이크는 왕복이 하나 더 듭니다. 트랜스크립트는 첫 ClientHello를 그 해시(message_hash)로 바꾸므로, 양쪽은 여전히 같은 바이트를 해시합니다.',
  'TLS 1.3 Certificate':
    'TLS 1.2처럼 리프부터 시작하는 서버의 인증서 체인이지만, 암호화되어 있습니다. 관찰자는 서버가 어떤 인증서를 썼는지 더 이상 볼 수 없습니다(RFC 8446, 4.4.2절). 각 항목은 자신의 확장(예: OCSP 응답)을 가질 수 있고, 메시지는 certificate_request_context로 시작하며 서버 자신의 인증서에서는 비어 있습니다.',
  'TLS 1.3 Certificate (empty)':
    '인증서가 없는 클라이언트가 CertificateRequest에 답하는 방법입니다. 목록이 빈 Certificate를 보내고, 그 뒤에 CertificateVerify는 없습니다(RFC 8446, 4.4.2절). 암호화되며, 다른 핸드셰이크 메시지처럼 트랜스크립트에 해시됩니다.',
  'TLS 1.3 Finished':
    '이쪽의 finished_key로, 지금까지의 모든 핸드셰이크 메시지의 해시에 대해 계산한 HMAC입니다(RFC 8446, 4.4.4절). 보낸 쪽이 같은 키를 유도했고 같은 핸드셰이크를 보았음을 증명합니다. TLS 1.3에서는 서버가 첫 플라이트 끝에 Finished를 먼저 보내고 곧바로 애플리케이션 데이터를 보낼 수 있으며, 클라이언트의 Finished로 핸드셰이크가 끝납니다.',
  'TLS 1.3 NewSessionTicket':
    '핸드셰이크가 끝난 뒤 애플리케이션 키로 암호화되어 옵니다(RFC 8446, 4.6.1절). 티켓마다 resumption_master_secret과 티켓의 논스에서 유도한 사전 공유 키(PSK)를 나타냅니다. 다음 연결은 이 티켓을 pre_shared_key에 담아 인증서 단계를 건너뛰며, PSK를 가졌음을 바인더로 증명합니다. ticket_age_add는 티켓의 나이를 관찰자에게서 숨깁니다.',
  'TLS 1.3 ChangeCipherSpec':
    'TLS 1.3이 재개된 TLS 1.2 핸드셰이크처럼 보이려고 보내는 형식뿐인 ChangeCipherSpec입니다. 그렇지 않으면 연결을 끊는 미들박스가 있기 때문입니다(RFC 8446, 부록 D.4). 아무것도 바꾸지 않습니다. 키는 스스로 바뀌고, 받는 쪽은 이것을 무시합니다. 암호화되지도, 트랜스크립트에 해시되지도 않습니다.',
  'TLS 1.3 ApplicationData (GET /)':
    '클라이언트 애플리케이션 트래픽 키로 암호화된 브라우저의 HTTP 요청입니다(RFC 8446, 5.2절). 레코드 헤더는 언제나 application_data와 TLS 1.2라고 적고, 진짜 콘텐츠 유형은 암호문 안에 숨습니다. 논스는 IV와 시퀀스 번호의 XOR이라서, 명시적 논스가 전송되지 않습니다.',
  'TLS 1.3 ApplicationData (HTTP 200 OK)':
    '서버 애플리케이션 트래픽 키로 암호화된 서버의 HTTP 응답입니다. 관찰자는 어떤 길이의 application_data 레코드만 봅니다. 콘텐츠 유형은 물론, 이것이 핸드셰이크 메시지가 아니라 응답이라는 사실조차 암호문 안에 있습니다(RFC 8446, 5.2절).',
  'TLS 1.3 ApplicationData':
    'TLS 1.3의 보호된 레코드입니다(RFC 8446, 5.2절). 바깥 유형은 언제나 application_data이고, 진짜 콘텐츠 유형(핸드셰이크, alert, 데이터)은 복호화한 평문의 마지막 바이트입니다. 이 페이지가 트래픽 키를 가지고 있으므로 인스펙터가 안쪽을 보여 줍니다.',
  'TLS 1.3 Alert close_notify':
    '이쪽이 더 보낼 것이 없다는 암호화된 경고 alert입니다(RFC 8446, 6.1절). TLS 1.3에서는 alert도 보호된 레코드 안에 있어서, 관찰자는 데이터와 구별할 수 없습니다.',
  'ApplicationData (GET /)':
    '브라우저의 HTTP 요청이 클라이언트의 쓰기 키로 암호화되고 인증되어 전송됩니다. 경로 위의 관찰자에게는 레코드 헤더, 명시적 논스, 암호문, 태그만 보입니다. 검사기가 평문을 보여 줄 수 있는 것은 이 페이지가 세션 키를 가지고 있기 때문입니다.',
  'ApplicationData (HTTP 200 OK)':
    '서버의 HTTP 응답이 서버의 쓰기 키와 서버 쪽 시퀀스 번호로 암호화되어 전송됩니다. 도중에 바뀐 레코드는 태그 검사에 실패하고, 연결이 끝납니다.',
  ApplicationData:
    '보낸 쪽의 쓰기 키로 암호화되고 인증된 애플리케이션 데이터입니다. 전송 중에는 레코드 헤더, 명시적 논스, 암호문, 태그만 보입니다.',
  'Alert close_notify':
    '이쪽은 더 보낼 것이 없다는 암호화된 경고(warning) alert입니다. 연결을 그냥 끊지 않고 close_notify로 닫으면, 상대는 응답이 온전히 왔는지 중간에 잘렸는지 구별할 수 있습니다(RFC 5246, 7.2.1절).',
  Alert:
    '치명적(fatal) alert입니다. 이쪽이 넘어갈 수 없는 문제를 발견해 description에 그 이름을 적고 연결을 닫습니다. 이 핸드셰이크에서 협상한 것은 아무것도 쓰이지 않습니다.',
};

const dns: Strings['dns'] = {
  queryStub:
    '{from|이/가} {to}에게 {name}의 {type} 레코드를 묻습니다. RD(recursion desired)가 켜져 있으니 “답을 찾아 달라”는 뜻입니다. DNS 질의는 작은 UDP 데이터그램 하나입니다. 응답이 그대로 돌려줘야 하는 16비트 ID, 몇 개의 플래그, 그리고 질문 하나가 들어 있습니다.',
  queryIterative:
    '재귀 리졸버가 {to} 서버인 {server}에게 {name}의 {type} 레코드를 RD 없이 묻습니다. “알면 답하고, 모르면 다음에 누구에게 물어야 할지 알려 달라”는 뜻입니다. 트리를 한 단계씩 내려가는 반복적(iterative) 해석입니다.',
  referral:
    '{server|은/는} {name|을/를} 가지고 있지 않지만 더 가까운 서버를 압니다. 그래서 authority 섹션에 한 단계 아래 영역(zone)의 NS 레코드를, additional 섹션에 그 주소(glue)를 담아 돌려줍니다. 위임(referral)은 오류가 아니라 정상적인 결과입니다. 리졸버는 이 위임을 캐시에 넣고 다음 서버에 묻습니다.',
  answer:
    '{from|이/가} 답을 전달합니다: {name}의 {type} 레코드입니다. 각 레코드의 TTL은 캐시가 그 레코드를 몇 초 동안 보관할 수 있는지를 나타냅니다. 돌아오는 길의 모든 캐시가 이것을 저장하므로 다음 조회는 더 빨리 답을 얻습니다.',
  answerAuthoritative:
    '그 영역(zone)의 권한 서버인 {server|이/가} {name}의 {type} 레코드로 답하며, AA(authoritative answer)를 켭니다. 각 레코드의 TTL은 캐시가 몇 초 동안 보관할 수 있는지를 나타내며, 돌아오는 길의 모든 캐시가 이것을 저장합니다.',
  answerFromCache:
    '{from|이/가} 아무에게도 묻지 않고 자신의 캐시에서 답합니다. 응답의 TTL은 원래 TTL에서 캐시에 넣은 뒤 지난 시간만큼 줄어든 나머지입니다.',
  nodata:
    '{name|은/는} 존재하지만 {type} 레코드는 없습니다. 답이 비어 있는 NOERROR이며, NODATA라고 부릅니다. authority 섹션의 SOA 레코드는 캐시가 이 사실을 얼마나 오래 기억해도 되는지 알려 줍니다(RFC 2308).',
  nxdomain:
    '{name|은/는} 존재하지 않습니다(NXDOMAIN). authority 섹션의 SOA 레코드는 캐시가 이 사실을 얼마나 오래 기억해도 되는지 알려 줍니다. SOA의 TTL과 MINIMUM 필드 중 작은 값입니다(RFC 2308, 5절).',
  failure:
    '{from|이/가} 답하지 못했습니다: {rcode}. 질문한 쪽은 다른 서버에 묻거나 포기해야 합니다.',
  unknown: '{from}에서 {to|으로/로} 가는 DNS 메시지입니다.',
};

const spans: Table = {
  ...tcpSpans,
  'bytes.length':
    '길이 접두사입니다. 뒤따르는 필드가 몇 바이트인지를 나타냅니다. TLS와 DNS는 길이가 바뀌는 데이터 앞에 길이를 붙여서, 파서가 어디서 끝나는지 알 수 있게 합니다.',

  'tls.record':
    'TLS 레코드: TLS가 TCP 위로 보내는 단위입니다. 5바이트 헤더에 콘텐츠 유형, 프로토콜 버전, 뒤따르는 조각(fragment)의 길이가 들어 있습니다(RFC 5246, 6.2.1절).',
  'tls.record.type':
    '콘텐츠 유형: handshake(22), change_cipher_spec(20), alert(21), application_data(23) 중 하나입니다. 레코드가 암호화되어도 이 값은 그대로 읽힙니다.',
  'tls.record.version':
    '레코드 계층의 버전입니다. TLS 1.2는 0x0303입니다(호환성 때문에 맨 처음 ClientHello에서는 0x0301을 쓰는 경우가 많습니다).',
  'tls.record.length':
    '5바이트 레코드 헤더 뒤에 오는 조각의 바이트 수입니다(최대 2^14에 암호화로 늘어나는 만큼을 더한 값).',
  'tls.record.fragment':
    '레코드의 내용입니다. 하나 이상의 핸드셰이크 메시지, alert, ChangeCipherSpec, 또는 애플리케이션 데이터가 들어 있습니다.',
  'tls.record.encrypted':
    '암호화된 레코드: 명시적 논스, AEAD 암호문, 인증 태그로 이루어집니다. 전송 중에는 레코드 헤더만 읽을 수 있습니다.',
  'tls.record.nonce_explicit':
    'AES-GCM 논스 가운데 평문으로 보내는 명시적 부분입니다. 여기서는 레코드의 64비트 시퀀스 번호입니다(RFC 5288, 3절).',
  'tls.record.ciphertext':
    '암호화된 내용입니다. 쓰기 키가 없으면 무작위 바이트처럼 보이며, 길이는 평문과 같습니다.',
  'tls.record.tag':
    '16바이트 인증 태그입니다. 받는 쪽은 암호문과 AAD로 태그를 다시 계산하며, 한 비트라도 바뀌었으면 bad_record_mac으로 레코드를 거부합니다.',

  'tls.handshake':
    '핸드셰이크 메시지: 1바이트 유형과 3바이트 길이 뒤에 본문이 옵니다(RFC 5246, 7.4절). 모든 핸드셰이크 메시지는 Finished가 검사하는 트랜스크립트 해시에 들어갑니다.',
  'tls.handshake.msg_type':
    '어떤 핸드셰이크 메시지인지를 나타냅니다. 예: client_hello(1), server_hello(2), certificate(11).',
  'tls.handshake.length': '핸드셰이크 메시지 본문의 길이(3바이트)입니다.',
  'tls.handshake.body': '핸드셰이크 메시지의 본문입니다.',
  'tls.handshake.fragment': '여러 레코드에 나뉘어 실린 핸드셰이크 메시지의 일부입니다.',

  'tls.client_hello.client_version':
    '클라이언트가 지원하는 가장 높은 TLS 버전입니다. 0x0303이 TLS 1.2입니다(TLS 버전 번호는 SSL 3.0의 0x0300에서 이어집니다).',
  'tls.client_hello.random':
    '클라이언트가 만든 32바이트 난수입니다. master secret과 키 블록 계산에 들어가므로, 같은 키 교환이 되풀이되더라도 연결마다 새로운 키가 나옵니다.',
  'tls.client_hello.session_id':
    '이전 세션을 재개하기 위한 세션 ID입니다. 여기서는 비어 있으니 새 세션입니다.',
  'tls.client_hello.cipher_suites':
    '클라이언트가 쓸 수 있는 암호 스위트 목록으로, 가장 선호하는 것이 먼저 옵니다. 스위트 하나가 키 교환, 인증, 레코드 암호, PRF 해시를 모두 정합니다.',
  'tls.client_hello.compression_methods':
    '압축 방식입니다. null(0)만 있습니다. CRIME 공격으로 압축이 비밀을 새게 한다는 것이 밝혀진 뒤 TLS 압축은 쓰이지 않습니다.',
  'tls.client_hello.extensions':
    '확장: 클라이언트가 요청하는 선택 기능들로, 각각 유형, 길이, 데이터로 이루어집니다.',

  'tls.server_hello.server_version': '서버가 고른 버전: TLS 1.2(0x0303)입니다.',
  'tls.server_hello.random':
    '서버가 만든 32바이트 난수입니다. 클라이언트 난수와 함께 키를 이 연결에만 쓰이게 만들고, 재전송 공격을 막습니다.',
  'tls.server_hello.session_id':
    '서버가 정한 세션 ID입니다. 나중에 클라이언트가 이것을 제시해 이 세션을 재개할 수 있습니다.',
  'tls.server_hello.cipher_suite':
    '서버가 클라이언트 목록에서 고른 암호 스위트 하나입니다. 이 선택이 핸드셰이크의 나머지, 곧 인증서 종류, 서명, 레코드 암호를 결정합니다.',
  'tls.server_hello.compression_method': '서버가 고른 압축 방식: null, 곧 압축하지 않습니다.',
  'tls.server_hello.extensions':
    '서버가 받아들인 확장입니다. 서버는 클라이언트가 제안한 확장에만 답할 수 있습니다.',

  'tls.ext.extension_type': '확장의 유형 번호입니다(IANA “TLS ExtensionType Values”).',
  'tls.ext.extension_data': '확장의 데이터로, 2바이트 길이가 앞에 붙습니다.',
  'tls.ext.unknown': '이 디코더가 모르는 확장입니다. 원래 바이트 그대로 둡니다.',
  'tls.ext.server_name':
    'Server Name Indication(RFC 6066, 3절): 클라이언트가 접속하려는 호스트 이름입니다. 덕분에 IP 주소 하나로 여러 사이트를 운영할 수 있습니다. 평문으로 전송됩니다.',
  'tls.ext.server_name.server_name_list':
    '이름 목록입니다. 실제로는 host_name 하나만 들어 있습니다.',
  'tls.ext.supported_groups':
    '클라이언트가 ECDHE에 쓸 수 있는 타원 곡선들로, 가장 선호하는 것이 먼저 옵니다(RFC 8422, 5.1.1절).',
  'tls.ext.supported_groups.named_group_list':
    '이름이 붙은 그룹들로, 각각 2바이트입니다: x25519(29), secp256r1(23), secp384r1(24).',
  'tls.ext.ec_point_formats':
    '클라이언트가 읽을 수 있는 EC 점 형식입니다. 실제로 쓰이는 것은 uncompressed뿐입니다(RFC 8422).',
  'tls.ext.ec_point_formats.ec_point_format_list': '점 형식 목록: uncompressed(0).',
  'tls.ext.signature_algorithms':
    '클라이언트가 ServerKeyExchange와 인증서에서 받아들이는 서명 알고리즘입니다(RFC 5246, 7.4.1.4.1절).',
  'tls.ext.signature_algorithms.supported_signature_algorithms':
    '서명 방식들로, 각각 2바이트입니다. 해시와 서명 알고리즘의 조합이며, 예를 들어 rsa_pss_rsae_sha256(0x0804)이 있습니다.',
  'tls.ext.extended_master_secret':
    'Extended master secret(RFC 7627): master secret을 난수만이 아니라 핸드셰이크 전체의 해시에서 만들어 냅니다. 이것으로 triple handshake 공격을 막습니다.',
  'tls.ext.session_ticket':
    '세션 티켓(RFC 5077): 클라이언트가 빈 값을 보내면 “티켓을 받을 수 있다”는 뜻이고, 서버가 보내면 “티켓을 보내겠다”는 뜻입니다.',
  'tls.ext.session_ticket.ticket': '이전 연결에서 받은 티켓으로, 그 세션을 재개하려고 제시합니다.',
  'tls.ext.alpn':
    'Application-Layer Protocol Negotiation(RFC 7301): TLS 안에서 어떤 프로토콜을 쓸지 정합니다. 여기서는 http/1.1입니다.',
  'tls.ext.alpn.protocol_name_list': '프로토콜 이름들로, 각각 1바이트 길이가 앞에 붙습니다.',
  'tls.ext.renegotiation_info':
    '안전한 재협상(RFC 5746)입니다. 첫 핸드셰이크에서는 비어 있으며, 나중의 재협상을 이 연결에 묶어 둡니다.',
  'tls.ext.renegotiation_info.renegotiated_connection': '첫 핸드셰이크에서는 비어 있습니다.',

  'tls.certificate.certificate_list':
    '인증서 체인으로, 리프 인증서가 먼저 오며 각 인증서 앞에 3바이트 길이가 붙습니다. 루트는 빠져 있습니다. 클라이언트가 이미 가지고 있어야 하기 때문입니다.',
  'tls.certificate.der':
    'DER로 인코딩된 X.509 인증서 하나입니다. 주체(subject), 발급자(issuer), 유효 기간, 공개 키, 유효한 이름 같은 확장, 그리고 이 모두에 대한 발급자의 서명이 들어 있습니다.',
  'tls.certificate.certificate_list.empty':
    '빈 인증서 목록(길이 0)입니다. 보내는 쪽에 줄 인증서가 없다는 뜻입니다. CertificateRequest로 인증서를 요청받은 클라이언트는 인증서가 없으면 이렇게 답하고(RFC 5246, 7.4.6절), 클라이언트 인증 없이 계속할지는 서버가 정합니다.',

  'tls.certificate_request.certificate_types':
    '서버가 받아들이는 인증서의 종류를 키 유형으로 적은 목록이며, 가장 선호하는 것이 먼저 옵니다: rsa_sign(1), ecdsa_sign(64) 등.',
  'tls.certificate_request.supported_signature_algorithms':
    '서버가 검증할 수 있는 서명 방식들로, 각각 2바이트입니다. 인증서가 있는 클라이언트는 이 중 하나로 CertificateVerify에 서명합니다.',
  'tls.certificate_request.certificate_authorities':
    '서버가 받아들이는 인증서를 발급한 CA들로, 각각 2바이트 길이가 붙은 DN(distinguished name)입니다. 비어 있으면 서버가 CA를 지정하지 않은 것이니 어떤 CA든 됩니다.',
  'tls.certificate_request.distinguished_name':
    '서버가 받아들이는 CA 하나: 그 CA의 X.501 DN(distinguished name)이며, 앞에 2바이트 길이가 붙습니다.',
  'tls.certificate_request.distinguished_name.der':
    'DER로 인코딩된 이름을 풀어서 보여 줍니다. 인증서가 있는 클라이언트는 이 CA로 이어지는 인증서를 고릅니다.',

  'tls.server_key_exchange.params': 'ECDHE 매개변수: 곡선과 서버의 임시 공개 키입니다.',
  'tls.server_key_exchange.curve_type': 'named_curve(3): 곡선을 모두 적는 대신 번호로 가리킵니다.',
  'tls.server_key_exchange.named_curve':
    '서버가 클라이언트의 supported_groups에서 고른 곡선입니다.',
  'tls.server_key_exchange.public':
    '서버의 임시 ECDHE 공개 키입니다(x25519라면 32바이트). 이 연결을 위해 새로 만들고 끝나면 잊어버립니다.',
  'tls.server_key_exchange.signed_params':
    '서명 알고리즘, 그리고 client_random + server_random + ECDHE 매개변수에 대한 서명입니다.',
  'tls.server_key_exchange.algorithm':
    '사용한 서명 방식으로, 클라이언트가 signature_algorithms에 적은 것 중 하나입니다. TLS 1.2에서 이 값은 해시와 키의 종류(RSA-PSS, RSA PKCS#1 v1.5, ECDSA)를 정하지만 곡선은 정하지 않습니다. ecdsa_secp384r1_sha384는 인증서 키가 어떤 곡선을 쓰든 SHA-384로 서명하는 ECDSA라는 뜻입니다.',
  'tls.server_key_exchange.signature':
    '인증서의 개인 키로 만든 서명입니다. 인증서의 공개 키로 이것을 검증하면, 서버가 그 키를 가지고 있고 도중에 아무도 ECDHE 키를 바꿔치기하지 않았다는 것이 증명됩니다.',
  'tls.server_key_exchange.unsupported':
    '이 디코더가 다루지 않는 키 교환의 매개변수입니다. 원래 바이트 그대로 둡니다.',

  'tls.client_key_exchange.ecdh_Yc':
    '클라이언트의 임시 ECDHE 공개 키입니다. 서버는 이것과 자신의 개인 키로 클라이언트가 얻은 것과 같은 공유 비밀을 얻습니다.',

  // What real captures carry and the engine does not send (read by the decoder only).
  'tls.record.inner_type':
    'TLS 1.3 레코드의 진짜 콘텐츠 유형(핸드셰이크, alert, 애플리케이션 데이터)입니다. 복호화한 TLSInnerPlaintext의 마지막 0이 아닌 바이트이며, 전송 중에는 보이지 않습니다(RFC 8446, 5.2절).',
  'tls.record.encrypted_tls13':
    'TLS 1.3 보호 레코드입니다. 바깥의 opaque_type은 늘 application_data이고, 진짜 콘텐츠 유형은 암호화된 안쪽에 있습니다(RFC 8446, 5.2절).',
  'tls.heartbeat':
    'Heartbeat 메시지(RFC 6520)입니다. 상대가 그대로 돌려주는 연결 유지 신호입니다. payload_length가 실제 payload보다 길면 Heartbleed 공격입니다.',
  'tls.heartbeat.type':
    'heartbeat_request(1)는 되돌려 달라는 요청이고, heartbeat_response(2)는 그 응답입니다.',
  'tls.heartbeat.payload_length':
    '뒤따르는 payload 바이트 수입니다. 응답은 정확히 이만큼을 돌려줘야 합니다.',
  'tls.heartbeat.payload': '되돌려 받을 바이트입니다.',
  'tls.heartbeat.padding': '받는 쪽이 무시하는 16바이트 이상의 무작위 바이트입니다.',
  'tls.sslv2':
    'TLS를 제안하는 SSL 2.0 형식의 ClientHello입니다(RFC 5246, 부록 E.2). 예전 클라이언트가 SSL 2.0 서버도 답할 수 있도록 보냈습니다.',
  'tls.sslv2.msg_length': 'SSL 2.0 레코드 길이입니다. 맨 위 비트는 2바이트 헤더라는 표시입니다.',
  'tls.sslv2.version': '클라이언트가 쓸 수 있는 가장 높은 버전입니다.',
  'tls.sslv2.cipher_spec_length': '암호 목록의 길이로, 항목마다 3바이트입니다.',
  'tls.sslv2.cipher_specs':
    '제안하는 암호들로 각각 3바이트입니다. 첫 바이트가 0인 항목은 TLS 암호 스위트입니다.',
  'tls.sslv2.challenge': 'client_random의 끝부분이 되는 무작위 바이트입니다.',
  'tls.server_key_exchange.dh_params':
    '유한체 Diffie-Hellman 매개변수입니다. 소수 dh_p, 생성원 dh_g, 서버의 공개 값 dh_Ys로 이루어집니다(RFC 5246, 7.4.3절).',
  'tls.server_key_exchange.dh_p': '군의 소수 모듈러스 p입니다.',
  'tls.server_key_exchange.dh_g': '생성원 g입니다.',
  'tls.server_key_exchange.dh_Ys': '이 연결을 위해 새로 만든 서버의 공개 값 g^Xs mod p입니다.',
  'tls.client_key_exchange.encrypted_pre_master_secret':
    'RSA 키 교환입니다. 48바이트 사전 마스터 비밀을 서버 인증서의 RSA 키로 암호화했습니다. 나중에 그 키를 얻은 사람은 세션을 복호화할 수 있어 전방 비밀성이 없습니다.',
  'tls.client_key_exchange.dh_Yc':
    '클라이언트의 Diffie-Hellman 공개 값 g^Xc mod p입니다. 서버의 비밀과 합치면 같은 사전 마스터 비밀이 나옵니다.',
  'tls.client_key_exchange.exchange_keys':
    'RSA의 암호화된 사전 마스터 비밀이거나 DHE의 공개 값 dh_Yc입니다. 둘 다 2바이트 길이가 붙은 바이트라서, 어느 쪽인지는 ServerHello의 암호 스위트만 알려 줍니다.',
  'tls.client_key_exchange.unsupported':
    '이 디코더가 읽지 않는 종류(PSK, SRP 등)의 키 교환 데이터입니다. 원래 바이트 그대로 둡니다.',
  'tls.ext.supported_versions':
    'supported_versions(RFC 8446, 4.2.1절): 클라이언트는 쓸 수 있는 버전을 나열하고, 서버는 고른 버전을 알립니다. TLS 1.3은 version 필드가 아니라 여기서 정해집니다.',
  'tls.ext.key_share':
    'key_share(RFC 8446, 4.2.8절): 그룹마다 하나씩 임시 공개 키를 보내 핸드셰이크를 한 번의 왕복으로 끝냅니다. X25519MLKEM768 같은 하이브리드 그룹은 양자 내성 키와 X25519 키를 함께 담습니다.',
  'tls.ext.psk_key_exchange_modes':
    'psk_key_exchange_modes(RFC 8446, 4.2.9절): 재개한 세션이 키를 쓰는 방식입니다. psk_ke만 쓰거나, psk_dhe_ke로 새 키 교환을 더합니다.',
  'tls.ext.pre_shared_key':
    'pre_shared_key(RFC 8446, 4.2.11절): 재개에 쓸 티켓과 바인더를 제안하고, 서버는 받아들인 것을 알립니다. 반드시 마지막 확장이어야 합니다.',
  'tls.ext.early_data':
    'early_data(RFC 8446, 4.2.10절): 클라이언트가 핸드셰이크가 끝나기 전에 애플리케이션 데이터를 보냅니다(0-RTT). 공격자가 재전송할 수 있습니다.',
  'tls.ext.cookie':
    'cookie(RFC 8446, 4.2.2절): 서버가 HelloRetryRequest에 넣는 상태로, 클라이언트가 그대로 돌려보냅니다.',
  'tls.ext.encrypted_client_hello':
    'encrypted_client_hello(ECH): 서버 이름이 든 진짜 ClientHello를 서버가 공개한 키로 암호화합니다. 바깥 hello에는 HPKE 스위트, config_id, 봉인된 payload만 보입니다.',
  'tls.ext.compress_certificate':
    'compress_certificate(RFC 8879): 상대가 Certificate 메시지의 압축을 풀 수 있는 알고리즘들입니다.',
  'tls.ext.record_size_limit':
    'record_size_limit(RFC 8449): 보내는 쪽이 받을 수 있는 가장 큰 레코드 크기입니다.',
  'tls.ext.padding':
    'padding(RFC 7685): 일부 중간 장비가 잘 처리하는 크기로 ClientHello를 맞추는 0 바이트입니다.',
  'tls.ext.status_request':
    'status_request(RFC 6066, 8절): 클라이언트가 서버에게 인증서의 OCSP 응답을 붙여 달라고 요청합니다.',
  'tls.ext.signed_certificate_timestamp':
    'signed_certificate_timestamp(RFC 6962): 인증서가 Certificate Transparency 로그에 기록되었다는 증명입니다.',
  'tls.ext.application_settings':
    'application_settings(ALPS): 핸드셰이크 중에 설정(HTTP/2 SETTINGS 등)을 주고받을 수 있는 ALPN 프로토콜들입니다.',
  'tls.ext.delegated_credential':
    'delegated_credential(RFC 9345): 서버가 인증서 키로 서명한 짧은 수명의 자격 증명에 대해 클라이언트가 받아들이는 서명 방식들입니다.',
  'tls.ext.supported_versions.versions':
    '클라이언트가 쓸 수 있는 버전을 선호하는 순서대로 2바이트씩 적습니다. 0x0304는 TLS 1.3, 0x0303은 TLS 1.2입니다. 여기에 1.3을 적은 클라이언트는 legacy_version이 무엇이든 TLS 1.3 클라이언트입니다(RFC 8446, 4.2.1절).',
  'tls.ext.supported_versions.selected_version':
    '서버가 고른 버전으로, TLS 1.3이면 0x0304입니다. 이 확장이 있다는 것만으로 클라이언트는 TLS 1.3임을 압니다. TLS 1.2를 고른 서버는 이 확장을 보내면 안 됩니다(RFC 8446, 4.2.1절).',
  'tls.ext.key_share.client_shares':
    '클라이언트의 키 공유들로, 서버가 고를 것 같은 그룹마다 그룹과 새 공개 키를 하나씩 담습니다. 이것을 첫 메시지에 보내기 때문에 TLS 1.3은 왕복 하나를 아낍니다(RFC 8446, 4.2.8절).',
  'tls.ext.key_share.group': '이 키 공유의 그룹입니다. 예: x25519(29), secp256r1(23).',
  'tls.ext.key_share.key_exchange':
    '임시 공개 키입니다. x25519는 32바이트, NIST 곡선은 압축하지 않은 점(0x04 ‖ x ‖ y)입니다. 상대의 개인 키와 조합하면 (EC)DHE 공유 비밀이 나옵니다(RFC 8446, 4.2.8.2절).',
  'tls.ext.key_share.selected_group':
    'HelloRetryRequest에서, 서버가 키 공유를 원하는 그룹입니다. 클라이언트가 supported_groups에는 적었지만 키 공유는 보내지 않은 그룹이며, 클라이언트는 정확히 이 그룹의 키 공유로 답해야 합니다(RFC 8446, 4.2.8절).',
  'tls.ext.cookie.cookie':
    '서버가 준 불투명한 바이트로, 클라이언트는 두 번째 ClientHello에 그대로 돌려보냅니다. 서버는 상태를 메모리 대신 여기에 둘 수 있습니다(RFC 8446, 4.2.2절).',
  'tls.ext.psk_key_exchange_modes.ke_modes':
    'PSK를 쓰는 방식입니다. psk_ke(0)는 PSK만, psk_dhe_ke(1)는 새 (EC)DHE 교환과 함께 써서 전방 비밀성을 지킵니다. 브라우저는 psk_dhe_ke만 제안합니다(RFC 8446, 4.2.9절).',
  'tls.ext.pre_shared_key.identities':
    '클라이언트가 제안하는 PSK들로, 각각 이전 NewSessionTicket의 티켓과 가려진 나이를 담습니다(RFC 8446, 4.2.11절).',
  'tls.ext.pre_shared_key.identity':
    '서버가 발급한 그대로의 티켓입니다. 클라이언트는 내용을 읽지 못하고, 저장했다가 돌려보낼 뿐입니다.',
  'tls.ext.pre_shared_key.obfuscated_ticket_age':
    '클라이언트가 티켓을 가지고 있던 시간(밀리초)에 티켓의 ticket_age_add를 더한 값(mod 2^32)입니다. 관찰자가 나이로 연결들을 이어 붙이지 못하게 합니다(RFC 8446, 4.2.11.1절).',
  'tls.ext.pre_shared_key.binders':
    '제안한 PSK마다 하나씩, 같은 순서의 바인더입니다. 바인더는 ClientHello의 마지막 바이트들이며, 각각 그 앞의 모든 것에 대한 HMAC입니다(RFC 8446, 4.2.11.2절).',
  'tls.ext.pre_shared_key.binder':
    'HMAC(binder_key의 finished 키, 잘린 ClientHello의 해시): 클라이언트가 이 PSK를 가졌음을 증명하고 PSK를 이 ClientHello에 묶습니다. 계산 과정은 Keys 탭에 나옵니다.',
  'tls.ext.pre_shared_key.selected_identity':
    '서버가 받아들인 클라이언트 PSK의 번호(0부터)입니다. ServerHello에 이것이 없으면 전체 핸드셰이크입니다(RFC 8446, 4.2.11절).',
  'tls.ext.early_data.max_early_data_size':
    'NewSessionTicket에서, 이 티켓으로 재개할 때 클라이언트가 보낼 수 있는 0-RTT 데이터의 바이트 수입니다(RFC 8446, 4.2.10절).',
  'tls.encrypted_extensions.extensions':
    '키 교환과 관계없는 서버의 확장들(ALPN, server_name, supported_groups 등)로, 이제 암호화되어 있습니다(RFC 8446, 4.3.1절).',
  'tls.certificate13.certificate_request_context':
    '서버의 Certificate에서는 비어 있습니다. 클라이언트가 CertificateRequest에 답할 때는 그 요청의 context를 복사해 넣어 둘을 짝지을 수 있게 합니다(RFC 8446, 4.4.2절).',
  'tls.certificate13.certificate_list':
    '리프부터 시작하는 체인으로, 각 항목은 인증서(3바이트 길이)와 그 인증서 자신의 확장으로 이루어집니다(RFC 8446, 4.4.2절).',
  'tls.certificate.certificate':
    'DER로 인코딩된 X.509 인증서 하나입니다. 주체, 발급자, 유효 기간, 공개 키, 유효한 이름 같은 확장, 그리고 이 모두에 대한 발급자의 서명이 들어 있습니다.',
  'tls.certificate13.extensions':
    '이 인증서의 확장들로, 스테이플된 OCSP 응답(status_request)이나 SCT 등입니다. 대개 비어 있습니다(RFC 8446, 4.4.2절).',
  'tls.certificate_verify.algorithm':
    '상대가 signature_algorithms에 적은 서명 방식 가운데 하나입니다. TLS 1.3은 RSA 키에 RSA-PSS만 허용하고(PKCS#1 v1.5는 금지), ECDSA 방식은 곡선까지 정합니다(RFC 8446, 4.4.3절).',
  'tls.certificate_verify.signature':
    '공백 64개, 컨텍스트 문자열(“TLS 1.3, server CertificateVerify”), 0 바이트, 트랜스크립트 해시를 이어 붙인 것에 대한 서명입니다. 이 패딩과 컨텍스트 덕분에 TLS 1.3 서명은 다른 곳에서 재사용될 수 없습니다(RFC 8446, 4.4.3절).',
  'tls.new_session_ticket13.ticket_lifetime':
    '티켓을 쓸 수 있는 시간(초)으로, 최대 7일(604800)입니다(RFC 8446, 4.6.1절).',
  'tls.new_session_ticket13.ticket_age_add':
    '클라이언트가 티켓을 제안할 때 나이에 더하는 임의의 32비트 값으로, 전송되는 나이가 무작위처럼 보이게 합니다(RFC 8446, 4.6.1절).',
  'tls.new_session_ticket13.ticket_nonce':
    '이 티켓에만 쓰이는 값입니다. PSK는 HKDF-Expand-Label(resumption_master_secret, “resumption”, ticket_nonce, …)이므로 한 연결의 티켓마다 PSK가 다릅니다.',
  'tls.new_session_ticket13.ticket':
    '티켓: PSK와 그 파라미터를 서버가 암호화해 기록한 것입니다. 클라이언트는 읽지 못하며, pre_shared_key에 담아 돌려보냅니다.',
  'tls.new_session_ticket13.extensions':
    '티켓의 확장들입니다. 여기에 early_data가 있으면 이 티켓으로 0-RTT 데이터를 보낼 수 있습니다.',
  'tls.key_update.request_update':
    'update_requested(1)는 상대에게도 자신의 송신 키를 바꾸고 KeyUpdate로 답하라고 요청합니다. update_not_requested(0)는 보낸 쪽만 키를 바꿉니다(RFC 8446, 4.6.3절).',

  'tls.change_cipher_spec.type':
    '항상 1입니다. 이쪽에서 보내는 다음 레코드부터 암호화된다는 신호일 뿐입니다.',
  'tls.finished.verify_data':
    '12바이트: PRF(master_secret, “client finished” 또는 “server finished”, 지금까지 모든 핸드셰이크 메시지의 해시). 상대도 같은 값을 계산해 비교합니다.',
  'tls.new_session_ticket.ticket_lifetime_hint':
    '클라이언트가 티켓을 보관해도 되는 시간(초)입니다.',
  'tls.new_session_ticket.ticket':
    '티켓: 서버의 티켓 키로 암호화하고 인증한 세션 상태입니다. 클라이언트는 이것을 읽을 수 없고, 보관했다가 돌려보낼 뿐입니다.',

  'tls.alert': 'alert: level과 description으로 이루어집니다(RFC 5246, 7.2절).',
  'tls.alert.level': 'warning(1) 또는 fatal(2)입니다. fatal alert는 곧바로 연결을 끝냅니다.',
  'tls.alert.description': 'alert가 알리는 상황입니다. 예: close_notify(0), bad_certificate(42).',
  'tls.application_data': 'TLS 레코드 안에 실린 애플리케이션 데이터입니다.',

  'http.request': 'HTTP/1.1 요청입니다.',
  'http.request.method': 'HTTP 메서드입니다.',
  'http.request.uri': '요청한 경로입니다.',
  'http.response': 'HTTP/1.1 응답입니다.',
  'http.response.code': 'HTTP 상태 코드입니다.',
  'http.start_line':
    'HTTP 시작 줄입니다. 요청이라면 메서드, 경로, 버전이고, 응답이라면 버전과 상태입니다.',
  'http.header': 'HTTP 헤더 한 줄: 이름, 콜론, 값이 오고 CRLF로 끝납니다.',
  'http.end_of_headers': '빈 줄(CRLF)이 헤더의 끝을 나타냅니다. 본문이 있다면 그 뒤에 옵니다.',
  'http.body': 'HTTP 메시지의 본문입니다. 여기서는 HTML 페이지입니다.',
  'http.file_data': 'HTTP 본문에 실린 파일 데이터입니다.',

  'dns.header':
    '12바이트 DNS 헤더: ID, 플래그, 그리고 네 섹션 각각의 레코드 수입니다(RFC 1035, 4.1.1절).',
  'dns.header.id':
    '질문하는 쪽이 정한 16비트 ID로, 응답에도 같은 값이 들어 있어야 합니다. ID가 무작위일수록 응답을 위조하기 어렵습니다.',
  'dns.header.flags':
    '플래그: QR(질의인지 응답인지), opcode, AA(권한 있는 응답), TC(잘림), RD(재귀 요청), RA(재귀 가능), 그리고 응답 코드입니다.',
  'dns.header.flags1': 'QR, opcode, AA, TC, RD입니다.',
  'dns.header.flags2': 'RA, 예약된 Z 비트, AD, CD, 그리고 응답 코드(NOERROR, NXDOMAIN, …)입니다.',
  'dns.header.qdcount': '뒤따르는 질문의 수입니다. 실제로는 항상 1입니다.',
  'dns.header.ancount': 'answer 섹션에 있는 레코드의 수입니다.',
  'dns.header.nscount':
    'authority 섹션에 있는 레코드의 수입니다. 위임이라면 NS 레코드, 부정 응답이라면 SOA 레코드가 들어 있습니다.',
  'dns.header.arcount':
    'additional 섹션에 있는 레코드의 수입니다. glue 주소와 EDNS OPT 레코드가 들어 있습니다.',
  'dns.question': '질문: 이름, 유형, 클래스입니다.',
  'dns.question.qname':
    '묻는 이름으로, 길이가 앞에 붙은 레이블들이 이어지고 빈 루트 레이블로 끝납니다.',
  'dns.question.qtype': '요청한 레코드 유형입니다. 예: A(1), NS(2), MX(15), AAAA(28).',
  'dns.question.qclass': '클래스: IN(1), 곧 인터넷입니다. 실제로는 항상 이 값입니다.',
  'dns.answer': 'answer 섹션의 레코드로, 질문에 직접 답합니다.',
  'dns.authority':
    'authority 섹션의 레코드입니다. 다음에 물어볼 서버를 알려 주는 NS 레코드(위임)이거나, 부정 응답의 SOA 레코드입니다.',
  'dns.additional':
    'additional 섹션의 레코드입니다. NS 이름들의 glue 주소이거나 EDNS OPT 의사 레코드입니다.',
  'dns.rr.name': '레코드의 소유자 이름(owner name)입니다.',
  'dns.rr.type': '레코드 유형입니다.',
  'dns.rr.class': '레코드 클래스: IN입니다.',
  'dns.rr.ttl':
    'TTL(time to live): 캐시가 이 레코드를 몇 초 동안 보관할 수 있는지입니다. 캐시는 이 값을 줄여 가며, 캐시에서 답할 때는 남은 값을 돌려줍니다.',
  'dns.rr.rdlength': '뒤따르는 레코드 데이터의 길이입니다.',
  'dns.rr.rdata': '레코드 데이터입니다. 형식은 유형에 따라 다릅니다.',
  'dns.name.label': '도메인 이름의 레이블 하나로, 앞에 1바이트 길이가 붙습니다(최대 63).',
  'dns.name.pointer':
    '압축 포인터: 이진수 11로 시작하는 2바이트로, 메시지 안에 이미 나온 이름을 가리킵니다(RFC 1035, 4.1.4절).',
  'dns.name.root': '모든 이름의 끝에 오는 길이 0인 루트 레이블입니다.',
  'dns.rdata.a.address': 'IPv4 주소, 4바이트입니다.',
  'dns.rdata.aaaa.address': 'IPv6 주소, 16바이트입니다.',
  'dns.rdata.ns.nsdname': '이 영역(zone)의 권한 네임 서버 이름입니다.',
  'dns.rdata.cname.cname':
    '이 이름이 별칭으로 가리키는 정식 이름(canonical name)입니다. 리졸버는 이것을 따라갑니다.',
  'dns.rdata.ptr.ptrdname': '역방향 조회 주소가 가리키는 이름입니다.',
  'dns.rdata.mx.preference': '메일 서버의 우선순위입니다. 숫자가 작을수록 먼저 시도합니다.',
  'dns.rdata.mx.exchange': '메일 서버의 이름입니다.',
  'dns.rdata.txt.string': '텍스트 문자열 하나로, 앞에 1바이트 길이가 붙습니다.',
  'dns.rdata.soa.mname': '이 영역의 주(primary) 네임 서버입니다.',
  'dns.rdata.soa.rname': '영역 관리자의 메일 주소로, @를 점으로 적습니다.',
  'dns.rdata.soa.serial':
    '영역의 버전 번호입니다. 이 값이 커지면 보조 서버가 영역을 복사해 갑니다.',
  'dns.rdata.soa.refresh': '보조 서버가 새 serial이 있는지 확인하는 주기(초)입니다.',
  'dns.rdata.soa.retry':
    '갱신에 실패했을 때 보조 서버가 다시 시도하기까지 기다리는 시간(초)입니다.',
  'dns.rdata.soa.expire': '보조 서버가 주 서버에 닿지 못해도 영역을 계속 제공하는 시간(초)입니다.',
  'dns.rdata.soa.minimum':
    'RFC 2308 이후로는 부정 응답의 TTL입니다. 캐시는 NXDOMAIN이나 NODATA를 이 값과 SOA 자신의 TTL 중 작은 값만큼 보관합니다.',
  'dns.rdata.srv.priority': 'SRV 대상의 우선순위입니다. 작을수록 먼저 시도합니다.',
  'dns.rdata.srv.weight': '우선순위가 같은 대상들 사이에서 트래픽을 나누는 비율입니다.',
  'dns.rdata.srv.port': '서비스가 기다리는 포트입니다.',
  'dns.rdata.srv.target': '서비스를 제공하는 호스트입니다.',
  'dns.rdata.caa.flags': 'CAA 플래그입니다. 128번 비트는 “issuer critical”입니다.',
  'dns.rdata.caa.tag': 'issue나 iodef 같은 CAA 속성입니다.',
  'dns.rdata.caa.value': '인증서를 발급해도 되는 CA 같은 CAA 값입니다.',
  'dns.rdata.name':
    '레코드 데이터 안의 도메인 이름입니다. 여기서는 보내는 쪽이 압축하지 않지만(RFC 3597, 4절), 포인터가 오면 따라갑니다.',
  'dns.rdata.unknown':
    '이 디코더가 모르는 유형의 레코드 데이터입니다. 원래 바이트 그대로 둡니다(RFC 3597).',
  'dns.opt.udp_payload_size':
    'EDNS(0): 보낸 쪽이 받을 수 있는 가장 큰 UDP 응답 크기로, CLASS 필드에 실립니다(RFC 6891, 6.1.2절).',
  'dns.opt.extended_rcode': '12비트 응답 코드의 상위 8비트입니다.',
  'dns.opt.version': 'EDNS 버전: 0입니다.',
  'dns.opt.flags': 'EDNS 플래그입니다. DO는 DNSSEC 레코드를 요청합니다.',
  'dns.opt.option': 'EDNS 옵션: 코드, 길이, 데이터입니다.',
  'dns.opt.option.code': '옵션 코드입니다(IANA “DNS EDNS0 Option Codes”).',
  'dns.opt.option.length': '옵션 데이터의 길이입니다.',
  'dns.opt.option.data': '옵션 데이터입니다.',
};

const notes: Table = {
  'tls13.client.offer_psk':
    '클라이언트가 이전 TLS 1.3 티켓({suite})의 PSK를 제시하고, 그 키를 가지고 있음을 binder로 증명합니다(RFC 8446, 4.2.11절).',
  'tls13.client.psk_declined':
    '서버가 제시된 PSK를 받지 않았습니다. 인증서를 쓰는 전체 핸드셰이크로 진행합니다.',
  'tls13.client.server_hello':
    '서버가 TLS 1.3과 {suite}, 그룹 {group}을 골랐습니다. PSK: {psk}. 이제부터 서버 메시지는 핸드셰이크 키로 암호화됩니다.',
  'tls13.client.server_chose_tls12':
    'ServerHello에 supported_versions가 없습니다. 서버가 TLS 1.2를 골랐고 random에 다운그레이드 표지도 없습니다. TLS 1.2 클라이언트가 이어받습니다.',
  'tls13.client.hello_retry':
    '서버가 HelloRetryRequest를 보냈습니다(그룹 {group}, 쿠키: {cookie}). 클라이언트가 ClientHello를 다시 보냅니다. 이제 트랜스크립트는 첫 ClientHello의 해시로 시작합니다(RFC 8446, 4.4.1절).',
  'tls13.client.certificate_requested':
    '서버가 클라이언트 인증서를 요청합니다. 이 클라이언트는 인증서가 없어 빈 Certificate를 보냅니다.',
  'tls13.client.certificate_verify_valid':
    '서버의 CertificateVerify({scheme})가 맞습니다. 서버가 인증서의 개인 키를 가지고 바로 이 핸드셰이크에 서명했습니다.',
  'tls13.client.ticket_stored':
    '클라이언트가 NewSessionTicket(수명 {lifetime}초)과 거기서 유도한 PSK를 저장해 나중에 재개할 수 있습니다.',
  'tls13.client.key_update':
    '서버가 트래픽 키를 갱신했습니다(KeyUpdate). 클라이언트도 자기 키를 갱신해 답했는지: {answered}.',
  'tls13.client.key_update_sent':
    '클라이언트가 update_requested를 담은 KeyUpdate를 보냈습니다. 이제부터 클라이언트의 레코드는 client_application_traffic_secret_{generation}을 쓰고, 서버는 자기 키도 갱신해 다음 데이터보다 먼저 KeyUpdate로 답해야 합니다(RFC 8446, 4.6.3절).',
  'tls13.client.key_update_answered':
    '서버가 클라이언트의 KeyUpdate에 자신의 KeyUpdate로 답했습니다. 이제부터 서버의 레코드는 server_application_traffic_secret_{generation}을 씁니다. 두 방향 모두 새 키로 바뀌었고, 이전 키는 버려졌습니다(RFC 8446, 7.2절).',
  ...labNotes,
  ...TLS_TEXT_KO,
  'tls.server.chose_suite': '이 스위트를 고른 이유: {reason}',
  'tls.client.server_hello':
    '클라이언트가 {suite|을/를} 받아들였습니다. Extended master secret: {ems}.',
  'tls.client.certificate_valid':
    '클라이언트가 체인을 확인했습니다. 발급자가 “{issuer}”인 인증서 “{subject}”는 오늘 유효하고, 이 호스트 이름을 담고 있으며, 클라이언트가 신뢰하는 루트로 이어집니다.',
  'tls.client.certificate_rejected': '클라이언트가 인증서를 거부했습니다: {reason}',
  'tls.client.server_key_exchange_verified':
    '클라이언트가 서버의 {group} 키 공유 값에 대한 {scheme} 서명을 검증했습니다.',
  'tls.client.empty_certificate':
    '서버가 클라이언트 인증서를 요청했습니다(CertificateRequest). 이 클라이언트에는 인증서가 없으므로, RFC 5246 7.4.6절에 따라 certificate_list가 빈 Certificate 메시지를 보내고 CertificateVerify는 보내지 않습니다. 인증서 없이 계속할지는 서버가 정합니다. 인증서를 꼭 요구하는 서버는 치명적 경고(fatal alert)로 답합니다.',
  'tls.handshake_complete': '{lane}: {suite|으로/로} 핸드셰이크가 끝났습니다.',
  'tls.client.offer_resumption': '클라이언트가 {by|으로/로} 이전 세션을 재개하자고 제안합니다.',
  'tls.client.resumed':
    '클라이언트가 {by|으로/로} 이전 세션을 재개했습니다. 인증서도 키 교환도 필요 없습니다.',
  'tls.client.resumption_declined': '서버가 재개를 거절했습니다. 전체 핸드셰이크를 진행합니다.',
  'tls.server.resuming': '서버가 {by|으로/로} 이전 세션을 재개합니다.',
  'tls.server.resumption_ems_mismatch':
    '서버가 재개하지 않습니다. 이전 세션과 이번 ClientHello가 extended master secret 사용 여부에서 서로 다릅니다(RFC 7627, 5.3절).',
  'tls.server.resumption_suite_gone':
    '서버가 재개하지 않습니다. 그 세션의 스위트 {suite|이/가} 더 이상 제안되지 않았습니다.',
  'tls.server.session_cache_miss':
    '서버에 그 세션 ID가 더 이상 없습니다. 전체 핸드셰이크를 시작합니다.',
  'tls.server.ticket_unknown_key':
    '서버가 티켓을 복호화할 수 없습니다. 서버에 더 이상 없는 티켓 키로 봉인된 티켓입니다. 서버는 세션 ID도 찾아보지 않고, 새 세션과 새 티켓으로 전체 핸드셰이크를 시작합니다.',
  'tls.server.ticket_not_authentic':
    '서버가 티켓을 복호화할 수 없습니다. 서버의 키 이름은 맞지만 무결성 검사에 실패했으니 누군가 바꾼 티켓입니다. 서버는 전체 핸드셰이크를 시작합니다.',
  'tls.server.ticket_expired':
    '서버가 티켓을 복호화했지만, 그 세션은 서버의 세션 유효 기간보다 오래되었습니다. 전체 핸드셰이크를 시작합니다.',
  'tls.transport_closed_without_close_notify':
    'close_notify 없이 연결이 닫혔습니다. 상대는 데이터가 온전히 왔는지 알 수 없습니다.',
  'tls13.server.hello_retry':
    '클라이언트의 key share 중 서버가 선호하는 그룹의 것이 없어서, 서버는 {group} share를 요청하는 HelloRetryRequest로 답합니다. 왕복이 한 번 더 듭니다(RFC 8446, 4.1.4절).',
  'tls13.server.compat_ccs':
    '클라이언트가 legacy session ID를 보냈으므로, 서버는 첫 핸드셰이크 메시지 뒤에 아무 의미 없는 ChangeCipherSpec을 보냅니다. 중간 장비에게 TLS 1.2 재개처럼 보이게 하려는 것뿐입니다(RFC 8446 부록 D.4).',
  'tls13.server.psk_accepted':
    '서버가 클라이언트의 티켓(PSK identity {identity})을 열었고 binder도 맞았습니다. 핸드셰이크는 그 PSK로 재개되고, 새 ECDHE 교환이 전방 비밀성을 지킵니다(psk_dhe_ke).',
  'tls13.server.psk_not_usable':
    '클라이언트가 제시한 PSK를 하나도 쓸 수 없어서(모르는 티켓, 만료된 티켓, 다른 해시) 서버는 전체 핸드셰이크를 합니다.',
  'tls13.key_update':
    'KeyUpdate: 보내는 쪽의 다음 레코드부터 다음 애플리케이션 트래픽 시크릿을 씁니다(RFC 8446, 4.6.3절). 상대에게도 갱신 요청: {request}.',
  'tls13.server.downgrade_sentinel':
    '이 서버는 TLS 1.3도 지원하므로 TLS 1.2 ServerHello.random의 끝이 “DOWNGRD” 01입니다. 이를 본 TLS 1.3 클라이언트는 누군가 제안에서 1.3을 지웠다는 것을 압니다(RFC 8446, 4.1.3절).',
  'tls13.server.early_data_skipped':
    '클라이언트가 early(0-RTT) 데이터를 보냈지만 이 서버는 받지 않습니다. 핸드셰이크 키로 열리지 않는 {bytes}바이트 레코드를 건너뛰었습니다(RFC 8446, 4.2.10절).',
  'tls13.ccs_ignored':
    'TLS 1.3 상대가 ChangeCipherSpec을 보낸 것은 중간 장비(middlebox)가 익숙한 핸드셰이크를 보도록 하기 위해서일 뿐입니다(RFC 8446 부록 D.4). 아무 의미가 없으므로 버렸습니다.',
  'tls.record.inner_type':
    'TLS 1.3은 진짜 콘텐츠 타입을 암호화 안에 숨깁니다. TLSInnerPlaintext에서 내용 뒤, 0 패딩 앞의 마지막 0이 아닌 바이트가 타입입니다. 바깥의 레코드는 모두 application_data라고 적혀 있습니다.',
  'tls.alert.warning_ignored': 'warning alert {description|을/를} 받았지만 무시했습니다.',
  'tls.server.renegotiation_refused':
    '클라이언트가 새 ClientHello로 재협상을 요청했습니다. 이 서버는 재협상하지 않으므로 no_renegotiation warning으로 답하고 연결은 그대로 이어집니다(RFC 5246, 7.2.2절).',

  'dns.note.cname_loop':
    'CNAME 사슬이 다시 {name|으로/로} 돌아옵니다. 리졸버는 멈추고 SERVFAIL로 답합니다.',
  'dns.note.cname_limit': 'CNAME 사슬이 {limit}단계보다 깁니다. 리졸버는 SERVFAIL로 포기합니다.',
  'dns.note.referral_limit': '한 이름에 대한 위임이 {limit}번을 넘었습니다. 리졸버가 포기합니다.',
  'dns.note.query_budget':
    '이번 해석에서 질의 한도 {limit}개를 다 썼습니다. 리졸버가 트래픽 증폭에 악용되지 않도록, 실제 리졸버처럼 여기서 포기합니다.',
  'dns.note.all_servers_failed': '{zone}의 서버 가운데 쓸 만한 답을 준 곳이 없습니다.',
  'dns.note.ns_cycle':
    '{server}의 주소를 찾으려면 {zone} 자신이 필요합니다. 순환이므로 그 서버는 건너뜁니다.',
  'dns.note.depth_limit':
    '네임 서버 주소를 찾는 과정이 {limit}단계보다 깊어졌습니다. 리졸버는 거기서 멈춥니다.',
  'dns.note.glueless':
    '{zone|으로/로}의 위임이 {server}의 주소 없이(glue 없이) 이름만 알려 주므로, 리졸버는 먼저 그 주소를 찾아야 합니다.',
  'dns.note.timeout':
    '{server}({address})에서 {ms} ms 안에 답이 오지 않았습니다. 질문한 쪽은 다음 서버에 묻거나 포기합니다.',
  'dns.note.malformed': '{server}의 응답을 해석할 수 없습니다: {reason}.',
  'dns.note.spoofed':
    '{server}에서 왔다고 주장하는 응답의 ID가 {expectedId|이/가} 아니라 {gotId}입니다. 위조 시도일 수 있으므로 버립니다(RFC 5452).',
  'dns.note.out_of_bailiwick':
    '{section} 섹션의 {record|을/를} 버렸습니다. {zone} 서버에는 그 이름에 대한 권한이 없습니다. 이 bailiwick 검사가 캐시 오염(cache poisoning)을 막습니다.',
  'dns.note.lame':
    '{server}({address})에서 {query}에 대한 쓸 만한 답이 오지 않았습니다({reason}). 이런 서버를 “lame”이라 하며, 리졸버는 다른 서버에 묻습니다.',
  ...DNS_MESSAGE_TEXT_KO,
  ...LIMIT_TEXT_KO,
  ...ZONE_TEXT_KO,
};

const secrets: Table = {
  'secret.pre_master.ecdhe':
    'ECDHE 공유 비밀: 이쪽의 개인 키와 상대의 공개 키를 조합한 값입니다. 양쪽이 같은 값에 도달하며, 이 값은 한 번도 전송되지 않습니다(RFC 8422, 5.10절).',
  'secret.master':
    '48바이트: PRF(pre_master_secret, “master secret”, client_random + server_random)(RFC 5246, 8.1절).',
  'secret.master.ems':
    '48바이트: PRF(pre_master_secret, “extended master secret”, session_hash). session hash는 ClientKeyExchange까지의 모든 핸드셰이크 메시지를 담으므로, 키가 바로 이 핸드셰이크에 묶입니다(RFC 7627, 4절).',
  'secret.key_block':
    'PRF(master_secret, “key expansion”, server_random + client_random)로, 쓰기 키와 IV를 잘라 낼 만큼 깁니다(RFC 5246, 6.3절). 난수의 순서가 master secret 때와 반대라는 점에 주의하세요.',
  'secret.client_write_key':
    '클라이언트가 보내는 것을 암호화하는 키입니다. 서버는 이 키로 복호화합니다.',
  'secret.server_write_key':
    '서버가 보내는 것을 암호화하는 키입니다. 클라이언트는 이 키로 복호화합니다.',
  'secret.client_write_iv':
    '클라이언트의 암묵적 IV입니다. AES-GCM에서는 각 논스의 앞부분이 되는 4바이트 salt이고(RFC 5288), ChaCha20-Poly1305에서는 시퀀스 번호와 섞이는 12바이트입니다(RFC 7905).',
  'secret.server_write_iv': '서버의 암묵적 IV로, 서버가 보내는 레코드에 같은 방식으로 쓰입니다.',
  'secret.tls13.traffic':
    '키 로그(SSLKEYLOGFILE)에서 읽은 TLS 1.3 트래픽 비밀입니다. 핸드셰이크 비밀은 Finished까지의 핸드셰이크를, 애플리케이션 비밀은 그 뒤를 보호합니다(RFC 8446, 7.1절).',
  'secret.tls13.key':
    'HKDF-Expand-Label(트래픽 비밀, “key”, “”, 키 길이): 이 방향의 AEAD 키입니다(RFC 8446, 7.3절).',
  'secret.tls13.iv':
    'HKDF-Expand-Label(트래픽 비밀, “iv”, “”, 12): 레코드의 시퀀스 번호와 XOR하여 각 논스를 만듭니다(RFC 8446, 5.3절과 7.3절).',
  'secret.tls13.early_secret':
    'Early Secret = HKDF-Extract(salt = 0, IKM = 0): 사전 공유 키(PSK)가 없으면 TLS 1.3 스케줄의 첫 단계는 고정된 값이며, 모든 전체 핸드셰이크에서 같습니다. 사슬을 시작할 뿐입니다(RFC 8446, 7.1절).',
  'secret.tls13.early_secret.psk':
    'Early Secret = HKDF-Extract(salt = 0, IKM = PSK): 재개(resumption)는 티켓의 사전 공유 키를 맨 첫 단계에 넣으므로, 뒤에서 유도되는 모든 값이 이전 세션에 의존합니다(RFC 8446, 7.1절).',
  'secret.tls13.binder_key':
    'binder_key = Derive-Secret(Early Secret, “res binder”, “”): PSK 바인더를 만드는 키입니다. “res”는 NewSessionTicket에서 온 PSK, “ext”는 TLS 밖에서 미리 정한 PSK를 뜻합니다(RFC 8446, 7.1절).',
  'secret.tls13.binder':
    'PSK 바인더: HMAC(binder_key의 finished 키, 바인더 앞까지의 ClientHello 해시). 클라이언트가 PSK를 가졌음을 증명하고 PSK를 이 ClientHello에 묶습니다. 서버도 같은 값을 계산하며, 다르면 PSK를 거부합니다(RFC 8446, 4.2.11.2절).',
  'secret.tls13.client_early_traffic_secret':
    'client_early_traffic_secret = Derive-Secret(Early Secret, “c e traffic”, ClientHello): 0-RTT 조기 데이터(early data)의 키입니다. 공격자가 이 데이터를 재전송(replay)할 수 있습니다(RFC 8446, 2.3절과 7.1절).',
  'secret.tls13.derived_early':
    'Derive-Secret(Early Secret, “derived”, “”): Early Secret을 다음 단계의 salt로 바꾼 값입니다. 그래서 PSK(또는 0)가 Handshake Secret으로 이어집니다(RFC 8446, 7.1절).',
  'secret.tls13.ecdhe':
    '(EC)DHE 공유 비밀: 이쪽 key_share의 개인 키와 상대의 key_share를 조합한 값입니다. 전송되지 않으며, Handshake Secret의 IKM이 됩니다(RFC 8446, 4.2.8절과 7.4절).',
  'secret.tls13.handshake_secret':
    'Handshake Secret = HKDF-Extract(salt = derived, IKM = (EC)DHE 공유 비밀): 새 키 교환이 들어오는 단계로, 여기서 전방 비밀성(forward secrecy)이 생깁니다(RFC 8446, 7.1절).',
  'secret.tls13.client_handshake_traffic_secret':
    'client_handshake_traffic_secret = Derive-Secret(Handshake Secret, “c hs traffic”, ClientHello…ServerHello): 핸드셰이크 동안 클라이언트가 보내는 것(Certificate, CertificateVerify, Finished)을 보호합니다(RFC 8446, 7.1절). 키 로그에서는 CLIENT_HANDSHAKE_TRAFFIC_SECRET이라고 부릅니다.',
  'secret.tls13.server_handshake_traffic_secret':
    'server_handshake_traffic_secret = Derive-Secret(Handshake Secret, “s hs traffic”, ClientHello…ServerHello): ServerHello 바로 뒤의 서버 플라이트(EncryptedExtensions부터 Finished까지)를 보호합니다. TLS 1.3에서는 인증서부터 이미 암호화됩니다(RFC 8446, 7.1절).',
  'secret.tls13.derived_handshake':
    'Derive-Secret(Handshake Secret, “derived”, “”): 마지막 단계인 Master Secret의 salt입니다(RFC 8446, 7.1절).',
  'secret.tls13.master_secret':
    'Master Secret = HKDF-Extract(salt = derived, IKM = 0): 마지막 단계입니다. 새 입력은 없고, 애플리케이션 키를 핸드셰이크 키와 분리합니다(RFC 8446, 7.1절).',
  'secret.tls13.client_application_traffic_secret_0':
    'client_application_traffic_secret_0 = Derive-Secret(Master Secret, “c ap traffic”, ClientHello…서버 Finished): HTTP 요청 같은 클라이언트의 애플리케이션 데이터를 보호합니다. KeyUpdate가 오면 _1, _2, …로 넘어갑니다(RFC 8446, 7.1절).',
  'secret.tls13.server_application_traffic_secret_0':
    'server_application_traffic_secret_0 = Derive-Secret(Master Secret, “s ap traffic”, ClientHello…서버 Finished): HTTP 응답 같은 서버의 애플리케이션 데이터를 보호합니다(RFC 8446, 7.1절).',
  'secret.tls13.exporter_master_secret':
    'exporter_master_secret = Derive-Secret(Master Secret, “exp master”, ClientHello…서버 Finished): 키 자료 익스포터(TLS 1.3이 다시 정의한 RFC 5705)가 쓰는 값이며, 레코드를 보호하지는 않습니다(RFC 8446, 7.5절).',
  'secret.tls13.resumption_master_secret':
    'resumption_master_secret = Derive-Secret(Master Secret, “res master”, ClientHello…클라이언트 Finished): NewSessionTicket마다 그 PSK를 확장해 내는 비밀입니다(RFC 8446, 7.1절).',
  'secret.tls13.ticket_psk':
    'NewSessionTicket이 나타내는 PSK: HKDF-Expand-Label(resumption_master_secret, “resumption”, ticket_nonce, Hash.length). 논스 덕분에 티켓마다 PSK가 다릅니다(RFC 8446, 4.6.1절).',
  'secret.tls13.finished_key':
    'finished_key = HKDF-Expand-Label(기반 키, “finished”, “”, Hash.length): Finished의 HMAC 키로, 이쪽의 핸드셰이크 트래픽 비밀(바인더라면 binder_key)에서 나옵니다(RFC 8446, 4.4.4절).',
  'secret.tls13.verify_data':
    'verify_data = HMAC(finished_key, 지금까지의 트랜스크립트 해시): Finished에 실리는 값입니다. 상대도 같은 값을 계산하며, 일치하면 양쪽이 같은 핸드셰이크를 보았고 같은 키를 가졌음이 증명됩니다(RFC 8446, 4.4.4절).',
  'secret.tls13.traffic_update':
    'application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N, “traffic upd”, “”, Hash.length): KeyUpdate 뒤의 다음 세대입니다. 이전 키는 버리므로, 나중에 키가 새어도 앞선 레코드는 드러나지 않습니다(RFC 8446, 7.2절).',
  'secret.verify_data.client':
    'PRF(master_secret, “client finished”, 핸드셰이크 메시지들의 해시), 12바이트: 클라이언트의 Finished에 실리는 값입니다(RFC 5246, 7.4.9절).',
  'secret.verify_data.server':
    'PRF(master_secret, “server finished”, 이제 클라이언트의 Finished까지 포함한 핸드셰이크 메시지들의 해시), 12바이트: 서버의 Finished에 실리는 값입니다.',
};

const secretTitles: Table = {
  pre_master_secret: 'Pre-master secret',
  master_secret: 'Master secret',
  key_block: '키 블록(key block)',
  client_write_key: 'client_write_key',
  server_write_key: 'server_write_key',
  client_write_IV: 'client_write_IV',
  server_write_IV: 'server_write_IV',
  client_verify_data: '클라이언트 verify_data',
  server_verify_data: '서버 verify_data',
  early_secret: 'Early Secret',
  binder_key: 'binder_key',
  binder_finished_key: '바인더 finished_key',
  binder: 'PSK 바인더',
  client_early_traffic_secret: 'client_early_traffic_secret',
  derived_early: 'Derived (Early → Handshake)',
  handshake_secret: 'Handshake Secret',
  client_handshake_traffic_secret: 'client_handshake_traffic_secret',
  server_handshake_traffic_secret: 'server_handshake_traffic_secret',
  server_finished_key: '서버 finished_key',
  client_finished_key: '클라이언트 finished_key',
  derived_handshake: 'Derived (Handshake → Master)',
  client_application_traffic_secret_0: 'client_application_traffic_secret_0',
  server_application_traffic_secret_0: 'server_application_traffic_secret_0',
  exporter_master_secret: 'exporter_master_secret',
  resumption_master_secret: 'resumption_master_secret',
  ticket_psk: '티켓 PSK',
};

const scenarios: Strings['scenarios'] = {
  ...labScenarios,
  'tls-full': {
    title: 'TLS 1.2 전체 핸드셰이크',
    lesson:
      '브라우저와 서버가 암호 스위트에 합의하고, 서버는 인증서와 서명으로 자신이 누구인지 증명하며, 양쪽은 ECDHE 교환으로 키를 한 번도 보내지 않고 같은 키를 만들어 냅니다. Finished 메시지를 눈여겨보세요. 처음으로 암호화되는 레코드이며, 각각 보낸 쪽이 같은 핸드셰이크를 보았다는 것을 증명합니다.',
  },
  'tls-client-certificate': {
    title: '서버가 클라이언트 인증서를 요청할 때의 TLS 1.2',
    lesson:
      '어떤 서버는 클라이언트에게도 누구인지 증명하라고 요청합니다. 서버는 키 교환 뒤에 CertificateRequest를 보내, 받아들이는 인증서 종류, 서명 방식, CA를 알려 줍니다. 클라이언트 인증서가 없는 브라우저도 포기하지 않습니다. 목록이 빈 Certificate 메시지로 답하고 CertificateVerify는 보내지 않으며, 이 서버는 클라이언트 인증 없이 계속합니다. 두 메시지 모두 transcript에 해시되므로 Finished 메시지가 이것들을 포함합니다.',
  },
  'tls13-full': {
    title: 'TLS 1.3 전체 핸드셰이크',
    lesson:
      '같은 요청을 TLS 1.3으로 보냅니다. ClientHello가 이미 키 공유를 담고 있어서, 서버는 ServerHello에 자신의 키 공유를 담아 답하고 곧바로 암호화로 넘어갑니다. EncryptedExtensions부터는 인증서를 포함해 모든 것이 암호화됩니다. 핸드셰이크는 왕복 두 번이 아니라 한 번이면 되고, Keys 탭에서는 새 키 스케줄을 볼 수 있습니다. PRF 한 번 대신 HKDF 세 단계입니다.',
  },
  'tls13-hello-retry': {
    title: 'HelloRetryRequest가 있는 TLS 1.3',
    lesson:
      '클라이언트는 서버가 원할 그룹을 짐작해 x25519의 키 공유만 보내지만, 이 서버는 NIST 곡선만 받습니다. 그 키 공유로는 끝낼 수 없으므로 서버는 secp256r1을 지정한 HelloRetryRequest로 답하고, 클라이언트는 그 그룹의 키 공유를 담은 두 번째 ClientHello를 보냅니다. 이 때문에 늘어나는 왕복 하나와, 양쪽이 트랜스크립트에서 첫 ClientHello를 그 해시(message_hash)로 바꾸는 것을 지켜보세요.',
  },
  'tls13-resumption': {
    title: 'TLS 1.3 재개 (PSK)',
    lesson:
      '첫 핸드셰이크가 끝나면 서버는 NewSessionTicket을 보냅니다. 클라이언트가 다음에 가지고 올 수 있는 사전 공유 키(PSK)입니다. 두 번째 연결은 이 티켓을 pre_shared_key에 담고, 키를 가졌음을 증명하는 바인더를 붙입니다. 서버가 받아들이므로 Certificate도 CertificateVerify도 없습니다. 새 키 공유 덕분에 새 연결도 전방 비밀성을 가집니다(psk_dhe_ke). Keys 탭에서 PSK가 early secret으로 들어가는 것을 볼 수 있습니다.',
  },
  'tls13-key-update': {
    title: 'KeyUpdate가 있는 TLS 1.3',
    lesson:
      '핸드셰이크가 끝나자마자 클라이언트는 요청보다 먼저 KeyUpdate를 보냅니다. 다음 레코드부터는 이전 비밀에서 “traffic upd”로 유도한 새 트래픽 비밀로 암호화하고, 서버에게도 똑같이 하라고 요청합니다. 서버는 응답보다 먼저 자신의 KeyUpdate로 답합니다. 새 키 교환도, 추가 왕복도 없습니다. TLS 1.2에서는 이를 위해 재협상을 해야 했습니다. Keys 탭에서 두 _1 비밀과 그것을 재현하는 방법을 볼 수 있습니다.',
  },
  'tls-versions-compare': {
    title: 'TLS 1.2와 TLS 1.3 나란히 보기',
    lesson:
      '같은 브라우저가 같은 서버에 같은 페이지를 같은 순간에 두 번 요청합니다. 한 번은 TLS 1.2(왼쪽 레인), 한 번은 TLS 1.3(오른쪽 레인)입니다. TLS 1.2는 요청을 보내기 전에 왕복이 두 번 필요하고 TLS 1.3은 한 번이면 되므로, TLS 1.3의 GET이 왕복 하나만큼 먼저 나가고 응답도 먼저 도착합니다. Keys 탭을 열어 두 키 스케줄을 비교해 보세요.',
  },
  'dns-cold': {
    title: 'DNS 조회 (빈 캐시)',
    lesson:
      '아직 캐시된 것이 없어서 재귀 리졸버가 직접 트리를 따라 내려갑니다. 루트 서버에 물으면 TLD 서버를 알려 주고, TLD 서버는 그 도메인의 권한 서버를 알려 주며, 권한 서버가 마침내 답합니다. 돌아오는 길에 모든 계층이 알게 된 것을 캐시에 넣습니다.',
  },
  'dns-warm': {
    title: 'DNS 다시 조회 (채워진 캐시)',
    lesson:
      '90초 뒤 같은 이름을 다시 조회합니다. 브라우저는 답을 최대 1분만 보관하므로 OS 리졸버에 묻는데, OS 리졸버의 캐시에는 아직 답이 남아 있어서 곧바로 답합니다. 질의가 컴퓨터 밖으로 나가지 않습니다. 돌려받은 TTL은 지난 시간만큼 줄어 있습니다.',
  },
  'dns-expired': {
    title: 'TTL이 지난 뒤의 DNS 조회',
    lesson:
      '두 번째 조회는 답의 TTL이 다 지난 뒤에 일어나므로 캐시된 답은 만료되었습니다. TLD와 도메인으로의 위임은 훨씬 오래 살아 있으므로, 리졸버는 루트를 건너뛰고 아직 알고 있는 서버로 곧장 갑니다.',
  },
  'tls-bench-20': {
    title: 'TLS 연결 20개 연속',
    lesson:
      '전체 핸드셰이크 20번을 연달아 합니다. 다이어그램이 얼마나 잘 버티는지 재기 위한 긴 트레이스(메시지 300개)입니다.',
  },
  'dns-bench-30': {
    title: 'DNS 조회 30번 연속',
    lesson:
      '빈 캐시에서 시작하는 조회 30번을, 사이사이 모든 캐시가 만료되도록 이틀 간격으로 합니다. 다이어그램이 얼마나 잘 버티는지 재기 위한 긴 트레이스(메시지 300개)입니다.',
  },
  'lab-tls-negotiation': {
    title: '암호 스위트 협상',
    lesson:
      '클라이언트는 쓸 수 있는 암호 스위트, 그룹, 서명 알고리즘을 선호하는 순서대로 나열하고, 서버는 자신의 목록에서 각각 하나씩 고릅니다. 누구의 순서를 따를지는 서버 설정이며, 대부분의 서버는 자신의 순서를 따릅니다. 어느 쪽 목록이든 바꿔 보고 ServerHello를 지켜보세요. 서버가 남긴 기록에 그 스위트를 고른 이유가 나옵니다. 양쪽에 공통된 스위트가 없으면 서버는 handshake_failure alert로 핸드셰이크를 끝냅니다. 클라이언트도 서버의 선택을 확인합니다. 서버가 클라이언트가 제안한 적 없는 스위트를 고르면 클라이언트는 illegal_parameter alert로 답합니다.',
  },
  'lab-tls-resumption': {
    title: '세션 재개',
    lesson:
      '전체 핸드셰이크에는 왕복 두 번과 서명 한 번이 듭니다. 클라이언트가 다시 연결할 때는 그 대부분을 건너뛸 수 있습니다. 서버에게서 받은 세션 ID나 세션 티켓을 보내고, 서버가 그 세션을 아직 알고 있으면 양쪽은 예전 master secret에서 새 키를 만들어 냅니다. 이 축약 핸드셰이크에는 Certificate도 키 교환도 없으며, 클라이언트는 왕복 한 번 만에 요청을 보낼 수 있습니다. 세션 ID는 서버가 세션을 캐시에 가지고 있는 동안에만 통합니다. 티켓은 서버만 가진 키로 암호화한 세션 자체를 담고 있습니다. 서버가 세션을 잃었거나 티켓 키를 바꿨다면 그냥 전체 핸드셰이크를 합니다. 5분이 지나면 양쪽 모두 세션을 잊고, 클라이언트는 다시 전체 핸드셰이크부터 시작합니다.',
  },
  'lab-tls-certificates': {
    title: '인증서 문제',
    lesson:
      '클라이언트는 서버의 키를 믿기 전에 인증서 체인을 확인합니다. 모든 서명이 클라이언트가 신뢰하는 루트 인증서까지 이어져야 하고, 모든 인증서가 오늘 날짜에 유효해야 하며, 인증서에 클라이언트가 요청한 호스트 이름이 들어 있어야 합니다. 여기 나오는 문제는 모두 같은 방식으로 끝납니다. 클라이언트가 fatal alert를 보내고 멈추며, 브라우저라면 아래와 같은 경고를 보여 줄 것입니다. alert는 어떤 종류의 문제였는지 알려 줍니다: certificate_expired, bad_certificate, unknown_ca.',
  },
  'lab-tls-mitm': {
    title: '중간자 공격',
    lesson:
      '공격자가 클라이언트와 서버 사이의 네트워크에 끼어듭니다. 클라이언트에게는 자기가 직접 만든 www.example.com 인증서로 서버인 척하고, 서버에게는 평범한 클라이언트처럼 행동합니다. 클라이언트는 인증서를 확인하다가 신뢰하는 CA가 서명하지 않았다는 것을 알아채고 unknown_ca alert와 함께 멈추므로, 공격자는 아무것도 알아내지 못합니다. 이제 “공격자의 CA를 신뢰”를 켜 보세요. 누군가 기기에 루트 인증서를 하나 더 설치하면 이런 일이 생깁니다. 클라이언트는 위조된 인증서를 받아들이고, 공격자는 요청을 복호화해 읽은 뒤 진짜 서버로 전달하고, 답도 되돌려 줍니다. 두 연결 모두 정상적인 TLS를 쓰므로 어느 쪽 끝도 눈치채지 못합니다.',
  },
  'lab-tls-tamper': {
    title: '전송 중 변조',
    lesson:
      '네트워크를 지나는 메시지 하나의 바이트 하나를 바꾸고, TLS가 어디서 알아채는지 보세요. 핸드셰이크 메시지는 암호화되지 않지만 다른 방법으로 보호됩니다. 서버는 두 hello 난수를 ECDHE 키와 함께 서명하므로, 그중 어느 것이 바뀌어도 클라이언트가 서명을 확인하는 순간 드러납니다(decrypt_error). 양쪽은 모든 핸드셰이크 메시지를 해시해 Finished 메시지에 넣으므로, 다른 변경은 늦어도 거기서 드러납니다. Finished가 맞지 않습니다(decrypt_error). extended master secret을 쓰면 핸드셰이크의 해시가 키에도 들어가므로 양쪽의 키가 달라지고, Finished를 복호화조차 할 수 없습니다(bad_record_mac). 레코드가 암호화된 뒤에는 레코드마다 인증 태그가 붙어 있어서, 어떤 변경이든 복호화에 실패합니다(bad_record_mac). 길이 필드가 바뀌면 대개 메시지를 읽을 수 없게 되거나(decode_error), 받는 쪽이 오지 않을 바이트를 계속 기다리게 됩니다.',
  },
  'lab-tls-ems': {
    title: 'Extended master secret',
    lesson:
      '양쪽은 ECDHE 결과로부터 의사 난수 함수(PRF)를 써서 master secret을 계산합니다. 고전적인 TLS 1.2는 PRF에 “master secret”이라는 레이블과 두 hello 난수를 줍니다. 중간의 공격자는 서로 다른 두 연결이 같은 난수와 같은 master secret을 갖게 만들 수 있습니다(triple handshake 공격). extended master secret(RFC 7627)은 이를 막습니다. 레이블이 “extended master secret”이 되고, 시드는 ClientKeyExchange까지의 핸드셰이크 전체의 해시가 되므로, master secret이 바로 이 핸드셰이크에만 속하게 됩니다. 클라이언트가 제안하고 서버가 받아들일 때만 쓰입니다.',
  },
};

const shortcuts: Strings['shortcuts'] = {
  playPause: '재생 또는 일시 정지',
  stepForward: '다음 메시지 (프레젠터의 Page Down도 같음)',
  stepBack: '이전 메시지 (프레젠터의 Page Up도 같음)',
  first: '첫 메시지',
  last: '마지막 메시지',
  presentation: '발표 모드 켜기/끄기',
  theme: '밝은 테마와 어두운 테마 바꾸기',
  language: '영어와 한국어 바꾸기',
  help: '이 목록 보이기/숨기기',
  close: '이 목록 닫기, 또는 발표 모드 끝내기',
};

const alerts: Table = {
  close_notify:
    '보낸 쪽이 이 연결로 더 이상 아무것도 보내지 않겠다는 뜻입니다. TLS 연결을 끝내는 올바른 방법으로, 상대는 데이터가 도중에 잘리지 않았음을 알 수 있습니다.',
  unexpected_message:
    '핸드셰이크의 이 시점에 와서는 안 되는 메시지가 왔습니다. 예를 들어 키 교환 전에 Finished가 온 경우입니다.',
  bad_record_mac:
    '레코드가 인증 검사를 통과하지 못했습니다. 태그가 맞지 않으니 도중에 바뀌었거나 다른 키로 암호화된 것입니다.',
  record_overflow:
    '레코드가 TLS가 허용하는 것보다 깁니다(평문 2^14바이트에 암호화로 늘어나는 만큼).',
  decompression_failure: '레코드 압축 해제에 실패했습니다. TLS 압축은 이제 쓰이지 않습니다.',
  handshake_failure:
    '양쪽이 합의하지 못했습니다. 둘 다 받아들이는 암호 스위트, 그룹, 서명 알고리즘이 없습니다.',
  bad_certificate:
    '인증서가 손상되었거나, 서명이 검증되지 않거나, 요청한 이름에 대해 유효하지 않습니다.',
  unsupported_certificate: '받는 쪽이 지원하지 않는 종류의 인증서입니다.',
  certificate_revoked: '발급자가 인증서를 폐기했습니다.',
  certificate_expired: '인증서가 만료되었거나 아직 유효 기간이 시작되지 않았습니다.',
  certificate_unknown: '인증서의 다른 문제 때문에 받아들일 수 없습니다.',
  illegal_parameter: '메시지의 어떤 필드에 그 자리에서 허용되지 않는 값이 들어 있습니다.',
  unknown_ca: '인증서 체인이 받는 쪽이 신뢰하는 루트 인증서로 이어지지 않습니다.',
  access_denied: '보낸 쪽이 이 상대와 더 진행하지 않기로 했습니다.',
  decode_error: '메시지를 해석할 수 없습니다. 길이나 필드가 잘못되었습니다.',
  decrypt_error:
    '암호학적 검사에 실패했습니다. 서명이 검증되지 않았거나 Finished 메시지가 일치하지 않습니다.',
  protocol_version: '상대가 제안한 프로토콜 버전을 보낸 쪽이 받아들이지 않습니다.',
  insufficient_security: '상대가 보낸 쪽이 요구하는 것보다 약한 암호 스위트만 제안했습니다.',
  internal_error: '상대의 메시지와 상관없이 보낸 쪽 내부에서 문제가 생겼습니다.',
  inappropriate_fallback: '버전을 낮춘 재시도를 거부했습니다(RFC 7507).',
  user_canceled: '프로토콜과 상관없는 이유로 핸드셰이크를 취소합니다.',
  no_renegotiation: '보낸 쪽이 이 연결을 재협상하고 싶어 하지 않습니다.',
  unsupported_extension: '상대가 제안받은 적 없는 확장으로 답했습니다.',
  unrecognized_name: '서버가 클라이언트가 server_name에 보낸 이름을 제공하지 않습니다.',
  no_application_protocol:
    '클라이언트가 ALPN에서 제안한 애플리케이션 프로토콜 가운데 서버가 쓰는 것이 없습니다.',
  missing_extension: 'TLS 1.3 메시지에 반드시 있어야 할 확장(key_share 등)이 없습니다.',
  unknown_psk_identity: '서버가 클라이언트가 제시한 사전 공유 키를 하나도 알지 못합니다.',
  certificate_required: '서버에 클라이언트 인증서가 필요한데 받지 못했습니다.',
};

const rcodes: Table = {
  NOERROR: '오류 없음: 서버가 질문에 답했습니다(답이 비어 있을 수는 있습니다).',
  FORMERR: '형식 오류: 서버가 질의를 이해하지 못했습니다.',
  SERVFAIL:
    '서버 실패: 서버가 답을 만들어 내지 못했습니다. 예를 들어 트리 아래쪽의 어떤 서버도 응답하지 않은 경우입니다.',
  NXDOMAIN: '존재하지 않는 도메인: 그 이름은 아예 없습니다.',
  NOTIMP: '구현되지 않음: 서버가 이런 종류의 질의를 지원하지 않습니다.',
  REFUSED:
    '거부: 서버가 이 질의에 답하지 않겠다고 합니다. 예를 들어 그 이름에 대한 권한이 없고 재귀도 하지 않는 경우입니다.',
  YXDOMAIN: '있어서는 안 되는 이름이 존재합니다(동적 업데이트, RFC 2136).',
  YXRRSET: '있어서는 안 되는 레코드 집합이 존재합니다(동적 업데이트, RFC 2136).',
  NXRRSET: '있어야 할 레코드 집합이 없습니다(동적 업데이트, RFC 2136).',
  NOTAUTH: '서버가 그 영역(zone)에 대한 권한이 없습니다.',
  NOTZONE: '요청에 있는 이름이 영역(zone) 밖에 있습니다.',
};

const names: Table = {
  Client: '클라이언트',
  Server: '서버',
  'Client (TLS 1.2)': '클라이언트(TLS 1.2)',
  'Server (TLS 1.2)': '서버(TLS 1.2)',
  'Client (TLS 1.3)': '클라이언트(TLS 1.3)',
  'Server (TLS 1.3)': '서버(TLS 1.3)',
  Browser: '브라우저',
  'OS resolver': 'OS 리졸버',
  'Recursive resolver': '재귀 리졸버',
  Root: '루트',
  TLD: 'TLD',
  Authoritative: '권한 서버',
  Attacker: '공격자',
  'Health checker': '상태 검사기',
  'Primary server': '주 서버',
  'browser host cache': '브라우저 호스트 캐시',
  'OS resolver cache': 'OS 리졸버 캐시',
  'response cache': '응답 캐시',
  'delegation cache': '위임 캐시',
  'Certificate (empty)': 'Certificate (비어 있음)',
};

const statusLines: Table = {
  alert: '{description}({from|이/가} {to}에게 보냄): {reason}',
  alertFrom: '{description}({from|이/가} 보냄): {reason}',
  problem: '{reason}',
  zoneLine: '{line}행: {reason}',
  servfail: 'SERVFAIL: {reason}',
  tlsSent: '{us|이/가} alert {alert}를 보냈습니다: {reason}',
  tlsReceived: '{peer|으로/로}부터 alert {alert}를 받았습니다',
  tlsReceivedHint: '{peer|으로/로}부터 alert {alert}를 받았습니다: {hint}',
  stalled: '{lane|이/가} 아직 {state} 상태로 기다립니다',
  stalledBoth: '{lane|은/는} {state}, {other|은/는} {otherState} 상태로 아직 기다립니다',
};

const values: Table = {
  yes: '예',
  no: '아니요',
  'lame.truncated': '잘린 응답(TC)',
  'lame.not_authoritative': '답도 위임도 없음(권한 없음)',
  'lame.mismatch': 'ID나 질문이 다름',
  'lame.malformed': '해석할 수 없는 응답',
};

const units: Strings['units'] = {
  ms: '{n} ms',
  s: '{n}초',
  min: '{n}분',
  h: '{n}시간',
  d: '{n}일',
  since: '+{time}',
};

const cacheMarks: Strings['cacheMarks'] = {
  miss: '{cache}: 없음(miss)',
  expired: '{cache}: {kept} 뒤 만료',
  expiredUnknown: '{cache}: 만료',
  missName: '{lane}의 캐시에 없음(miss), {cache}: {key}',
  expiredName: '{lane}의 캐시 항목 만료, {cache}: {key}',
  hit: '캐시 적중 · TTL {ttl} 남음',
  expiredEntry: '만료됨',
  ttlLeft: '{ttl}',
  why: {
    'browser host cache': '브라우저는 TTL과 상관없이 답을 최대 60초만 보관합니다',
  },
};

const labMessage: Strings['labMessage'] = {
  summary: '메시지 {n} 설명: {name}',
};

const tcp: Strings['tcp'] = {
  syn: '{from|이/가} {destination|으로/로} TCP 연결을 엽니다. 3단계 핸드셰이크의 첫 단계인 SYN 세그먼트입니다(RFC 9293, 3.5절). 데이터는 없고 보내는 쪽의 초기 순서 번호({seq})만 담깁니다. 이 번호는 무작위로 골라서, 예전 연결의 세그먼트나 위조한 세그먼트가 새 연결에 끼어들기 어렵게 합니다.',
  synProbe:
    '상태 검사 프로브입니다. {to|이/가} 살아 있는지 알아보려고 {from|이/가} {destination|으로/로} TCP 연결을 열어 봅니다(SYN). 그곳에서 누군가 듣고 있으면 검사 시간 10초 안에 SYN-ACK가 돌아와 프로브가 통과하고, 아무도 답하지 않으면 프로브는 실패합니다.',
  synLost:
    '이 SYN은 도착하지 못합니다. {to|이/가} 내려가 있어서 아무도 답하지 않고 SYN-ACK도 돌아오지 않습니다. 보낸 쪽은 재전송 타임아웃(처음 1초, 그 뒤 두 배씩, RFC 6298)을 기다렸다가 SYN을 다시 보냅니다. 상태 검사기는 10초가 다 지나면 이 프로브를 실패로 셉니다.',
  synAck:
    '{from|이/가} 연결을 받아들입니다. SYN-ACK는 SYN을 확인하면서(확인 번호 {ack}: 상대의 초기 순서 번호에 1을 더한 값입니다. SYN도 1바이트로 세기 때문입니다) {from} 자신의 초기 순서 번호({seq})도 함께 보냅니다. 3단계 핸드셰이크의 두 번째 단계입니다.',
  ackOpen:
    '{from|이/가} SYN-ACK를 확인합니다. 3단계 핸드셰이크의 세 번째이자 마지막 단계입니다. 이제 양쪽이 서로의 순서 번호를 알고 연결이 맺어졌습니다. 바로 다음 세그먼트부터 데이터를 실을 수 있고, 여기서는 TLS ClientHello가 그 데이터입니다.',
  ackProbe:
    '{from|이/가} 핸드셰이크를 마칩니다. {to|이/가} 살아 있으니 프로브는 통과했습니다. 상태 검사기가 이 연결에서 알고 싶었던 것은 연결이 열린다는 사실 하나뿐입니다.',
  ackClose:
    '{from|이/가} {to}의 FIN을 확인합니다. 이제 양방향이 모두 닫혔습니다. 먼저 FIN을 보낸 쪽은 한동안 기다립니다(TIME-WAIT). 늦게 도착한 이 연결의 세그먼트가 새 연결의 것으로 오인되지 않게 하기 위해서입니다(RFC 9293, 3.6절).',
  ack: '{from|이/가} {to}에게서 받은 것을 {ack}번 바이트까지 확인합니다. 데이터도 다른 플래그도 없는 ACK는 확인 번호만 앞으로 옮깁니다.',
  fin: '{from|은/는} 더 보낼 것이 없습니다. FIN은 자기 쪽 방향의 연결을 닫고(RFC 9293, 3.6절), 함께 켜진 ACK 플래그는 지금까지 받은 것을 모두 확인합니다. 상대는 아직 보낼 수 있으며, 자기 방향은 자기 FIN으로 닫습니다. FIN마다 확인(ACK)이 따릅니다.',
  rstProbe:
    '{from|은/는} 방금 연 연결을 FIN으로 닫지 않고 RST로 끊어 버립니다(RFC 9293, 3.10.5절). {to|이/가} 답한다는 것만 알면 되었기 때문입니다. RST는 양쪽 자원을 곧바로 풀어 주므로, 몇 초마다 프로브를 보내도 열린 채 남는 연결이 없습니다.',
  rst: '{from|이/가} RST로 연결을 끊습니다. 이제 어느 방향으로도 데이터가 오가지 않고, 아직 전송 중이던 것도 전달되지 않습니다(RFC 9293, 3.10.5절).',
};

const states: Strings['states'] = {
  ExpectEncryptedExtensions:
    'TLS 1.3: 클라이언트가 ServerHello로 핸드셰이크 키를 얻었고, 서버 플라이트의 첫 암호화 메시지인 EncryptedExtensions를 기다립니다.',
  ExpectCertificateVerify:
    'TLS 1.3: 클라이언트가 서버 인증서를 확인했고, 지금까지의 핸드셰이크에 인증서 키로 한 서명인 CertificateVerify를 기다립니다.',
  ExpectClientHello:
    '서버가 ClientHello를 기다립니다. 클라이언트의 난수, 암호 스위트, 확장이 담긴 첫 메시지입니다. 지금은 다른 메시지를 받아들일 수 없으며, 다른 것이 오면 unexpected_message 경고로 연결을 끝냅니다.',
  ExpectServerHello:
    '클라이언트가 ClientHello를 보내고 서버의 대답인 ServerHello(선택한 암호 스위트가 담김)를 기다립니다. 다른 것이 오면 핸드셰이크를 끝냅니다(RFC 5246, 7.3절).',
  ExpectCertificate:
    '상대의 Certificate 메시지를 기다립니다. 이쪽이 확인할 인증서 체인입니다(신뢰하는 루트까지의 서명, 유효 기간, 이름). 서버는 클라이언트 인증서를 요청했을 때만 이것을 기다립니다.',
  ExpectServerKeyExchange:
    '클라이언트가 인증서를 확인했고 ServerKeyExchange를 기다립니다. 서버의 임시 ECDHE 키에 인증서의 키로 서명한 메시지입니다.',
  ExpectServerHelloDone:
    '클라이언트가 키 교환의 서명을 확인했고, 서버 플라이트의 끝을 알리는 ServerHelloDone을 기다립니다(그 전에 CertificateRequest가 올 수도 있습니다).',
  ExpectClientKeyExchange:
    '서버가 자기 플라이트를 다 보냈고 ClientKeyExchange를 기다립니다. 양쪽이 pre-master secret을 만들어 낼 클라이언트의 ECDHE 공개 키입니다.',
  ExpectChangeCipherSpec:
    '상대의 ChangeCipherSpec을 기다립니다. 다음 레코드부터 새 키로 암호화한다는 신호입니다. 그보다 먼저 오는 Finished는 거부됩니다.',
  ExpectFinished:
    '상대가 새 키로 바꾸었습니다. 이쪽은 암호화된 Finished를 기다리며, 그 verify_data를 자기가 계산한 핸드셰이크 해시와 맞춰 봅니다.',
  ExpectNewSessionTicket:
    '클라이언트가 Finished를 보냈고, 세션 티켓을 제안했고 서버가 받아들였으므로 서버의 ChangeCipherSpec보다 먼저 오는 NewSessionTicket을 기다립니다(RFC 5077, 3.3절).',
  ExpectRetryClientHello:
    'TLS 1.3: 서버가 HelloRetryRequest를 보냈고, 요청한 그룹의 키 공유를 담고 나머지는 첫 번째와 같은 클라이언트의 두 번째 ClientHello를 기다립니다(RFC 8446, 4.1.2절).',
  Traffic:
    '이 방향의 핸드셰이크가 끝나고 검증되었습니다. 이제부터 이쪽은 암호화된 애플리케이션 데이터(와 경고)만 보내고 받습니다.',
  Closed:
    '이쪽의 연결이 끝났습니다. close_notify를 보냈거나 받았거나, 치명적 경고로 끝났습니다. 더 보내지도 받지도 않습니다.',
  Healthy:
    '상태 검사기가 이 엔드포인트를 정상으로 봅니다. 프로브가 통과하므로 DNS는 계속 이 주소로 답합니다.',
  Unhealthy:
    '프로브가 연속으로 충분히 실패했습니다(실패 임계값). 이 엔드포인트는 비정상이며, DNS는 대신 보조 주소로 답합니다.',
};

export const ko: Strings = {
  ui,
  units,
  cacheMarks,
  labMessage,
  messages,
  dns,
  tcp,
  states,
  spans,
  spanValues: SPAN_VALUE_TEXT_KO,
  notes,
  secrets,
  secretTitles,
  scenarios,
  shortcuts,
  alerts,
  rcodes,
  names,
  values,
  statusLines,
  lab,
};

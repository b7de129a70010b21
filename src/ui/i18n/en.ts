/**
 * Every string the UI shows, in English. Korean will arrive as ko.ts typed as `Strings`, so a
 * missing key is a compile error there. Placeholders are `{name}`; see `format` in ./index.ts.
 *
 * Protocol names (ClientHello, NS, TTL, …) stay as the RFCs spell them in every language: they
 * are what people search for and what Wireshark shows.
 */

import { SCENARIOS } from '../../engine/scenarios/catalog';
import { TLS_TEXT_EN } from '../../i18n/tls.en';
import type { enDns } from './en-dns';
import type { enKeys } from './en-keys';
import type { enLab } from './en-lab';

/** Explanations keyed by a dynamic key (message name, span explain key, note key, …). */
export type Table = Readonly<Record<string, string>>;

const ui = {
  appTitle: 'Wirestep',
  appTagline: 'Real TLS 1.2 and DNS, byte by byte',
  skipToDiagram: 'Skip to the diagram',

  scenario: 'Scenario',
  lesson: 'What to watch for',
  lessonMore: 'Show all',
  lessonLess: 'Show less',
  hostname: 'Hostname',
  suite: 'Cipher suite',
  suiteAll: 'Client offers all four',
  suiteOnly: 'Only {suite}',
  seed: 'Seed',
  newSeed: 'New random seed',
  dnsName: 'Name',
  dnsType: 'Type',
  run: 'Run',
  fieldProblem: '{field}: {error} Nothing runs until this is fixed.',
  settings: 'Display',
  theme: 'Theme',
  themeLight: 'Light',
  themeDark: 'Dark',
  motion: 'Motion',
  motionSystem: 'As the system',
  motionReduce: 'Reduced',
  motionFull: 'Full',
  language: 'Language',

  statusRunning: 'Running {title}…',
  statusDone: '{count#one:# message|other:# messages} · {summary}',
  statusRefused: 'Caught and refused with a fatal alert: {error}',
  statusFailed: 'The run failed: {error}',
  statusIdle: 'Pick a scenario to run.',
  handshakeOk: 'handshake complete, {status}',
  lookupsDone: '{count#one:# lookup|other:# lookups} answered',

  diagram: 'Sequence diagram',
  diagramHelp:
    'Drag to pan, scroll to move up and down, Ctrl + scroll or the buttons to zoom. Tab to a message and press Enter to inspect it.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomFit: 'Fit to view',
  messageLabel: '{name}, {from} to {to}',
  messageEncrypted: 'encrypted',
  messageDropped: 'lost on the way',
  messageFatal: 'fatal alert',
  bytesShort: '{count} B',
  timeMs: '{time}',
  cacheHitLabel: 'cache hit · TTL {ttl} s left',
  cacheHitName: 'Cache hit at the {lane}, {cache}: {key}, {ttl#one:# second|other:# seconds} left',
  stateTip: '{lane}: {from} → {to}',
  explainStates: 'State changes',
  stateName: '{lane} state: {state}',
  errorName: 'Error at {lane}: {message}',
  phaseLabel: 'Lookup {n} · {time}',
  phaseLabelFirst: 'Lookup {n}',
  connectionLabel: 'Connection {n}',

  playback: 'Playback',
  play: 'Play',
  pause: 'Pause',
  stepForward: 'Step forward',
  stepBack: 'Step back',
  first: 'First',
  last: 'Last',
  speed: 'Speed',
  scrubber: 'Message',
  position: '{n} of {total}',
  stepAnnounce: 'Message {n} of {total}: {name}, {from} to {to}',
  positionValue: 'Message {n} of {total}: {name}',
  keyboardHint: 'Space play/pause · ← → step · ? all shortcuts',

  inspector: 'Inspector',
  inspectorEmpty: 'Run a scenario to see its messages here.',
  tabBytes: 'Bytes',
  tabFields: 'Fields',
  tabExplain: 'Explain',
  tabKeys: 'Keys',
  tabCaches: 'Caches',
  inspectorTabs: 'Inspector views',
  fromTo: '{from} → {to}',
  atTime: 'at {time}',
  sizeBytes: '{count#one:# byte|other:# bytes}',
  encryptedBadge: 'Encrypted',
  plaintextBadge: 'Plaintext',
  followingPlayback: 'Following playback',

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

  explainMessage: 'What this message does',
  explainNotes: 'What the engine noted at this step',
  explainField: 'About the selected field',
  explainMissing: 'No explanation written yet for {key}.',
  explainScenario: 'This scenario',
  alertLine: '{level} alert {description} ({code}): {reason}',

  keysIntro:
    'The key schedule as far as it is known at this step. Both sides compute every value on their own; none of these secrets is ever sent.',
  keysNone: 'No keys yet: the key exchange has not happened at this step.',
  keysPending: 'not known yet',
  keysKnownBy: 'Known to {lanes}',
  keysCommand: 'Recompute it with OpenSSL 3',
  keysCommandCopy: 'Copy command',
  keysCommandCopied: 'Copied',
  keysCommandColonHex:
    'It prints the bytes above, written AB:CD:…; the seed is the label’s ASCII bytes followed by the inputs, as RFC 5246 defines the PRF.',
  keysCommandHex:
    'It writes this side’s ECDHE private key and the peer’s public key as PEM files, then prints the shared secret in hex: the bytes above.',
  keysInputs: 'Inputs',
  keysSplit: 'How the key block is cut',
  keysVersion: 'TLS {version} key schedule',
  keysCompare:
    'The same request, two key schedules. TLS 1.2 makes one master secret with its PRF and cuts one key block from it. TLS 1.3 chains three HKDF-Extract stages (early, handshake and master secret) and expands a separate secret for each direction and each stage from every one of them, each bound to the transcript so far, so the handshake keys are never the ones that protect the application data.',

  cachesIntro: 'Every cache as of this step, with the time each entry has left.',
  cachesNone: 'No cache events yet at this step.',
  cacheEmpty: 'empty',
  cacheKey: 'Key',
  cacheValue: 'Holds',
  cacheTtl: 'TTL left',
  cacheTtlValue: '{ttl} s',
  cacheStats: '{hits#one:# hit|other:# hits}, {misses#one:# miss|other:# misses}',
  cacheAt: 'at {time}',

  explainAlert: 'What this alert means',
  explainRcode: 'What {rcode} means',
  engineDetail: 'Engine detail: {detail}',

  share: 'Export and share',
  downloadPcap: 'Download pcap',
  downloadKeylog: 'Download key log',
  pcapHelp:
    'A classic pcap of this run (Ethernet, IPv4, TCP or UDP). Open it in Wireshark together with the key log (Preferences → Protocols → TLS → (Pre)-Master-Secret log filename) to see the decrypted HTTP.',
  noKeys: 'This run has no TLS keys to log.',
  downloadSvg: 'Download diagram (SVG)',
  downloadPng: 'Download diagram (PNG)',
  exportTrace: 'Export trace (JSON)',
  importTrace: 'Import trace (JSON)…',
  openCapture: 'Open capture',
  openCaptureHint:
    'A .pcap or .pcapng file, with its NSS key log (SSLKEYLOGFILE) if you have one. Choose both, or drop them here.',
  captureConnection: 'Connection in the capture',
  captureEmpty: 'it holds no TLS connection and no DNS exchange',
  captureStopped:
    'Showing {label} from {file}. The file is damaged: reading stopped at byte {offset}.',
  copyLink: 'Copy link',
  linkCopied: 'Link copied.',
  linkLabel: 'Link to this message',
  exportBusy: 'Preparing {what}…',
  exportFailed: 'Could not prepare {what}: {reason}',
  dismiss: 'Dismiss',

  importFailed: 'Could not import {file}: {reason}. The current run is unchanged.',
  importNotJson: 'it is not a JSON file',
  importWrongFormat: 'it is not a Wirestep trace',
  importWrongVersion: 'it is version {version}, and this Wirestep reads version {supported}',
  importDamaged: 'it is damaged ({detail})',
  importTooLarge: 'it is {size} MiB, and at most {max} MiB are read',
  importedFrom: 'Showing the trace imported from {file}.',
  importedReal: 'Showing a real run, {label}, imported from {file}.',
  importedProbe: 'Showing the negotiation report imported from {file}.',
  reportTitle: 'Negotiation report: {target}',
  reportClose: 'Close the report',
  reportVersions: 'Protocol versions and cipher suites',
  reportVersion: 'Version',
  reportAccepted: 'Server answer',
  reportAcceptedYes: 'accepted',
  reportRefused: 'refused',
  reportOrder: 'Whose order wins',
  reportOrderServer: 'server’s order',
  reportOrderClient: 'client’s order',
  reportSuites: 'Suites accepted, in order',
  reportDetails: 'Groups and extensions',
  reportGroups: 'Supported groups',
  reportEms: 'Extended master secret',
  reportRenegotiation: 'Secure renegotiation',
  reportTicket: 'Session tickets',
  reportOcsp: 'OCSP stapling',
  reportCertificate: 'Certificate',
  reportSubject: 'Subject',
  reportIssuer: 'Issuer',
  reportChain: 'Certificates in the chain',
  reportValid: 'Validates',
  reportYes: 'yes',
  reportNo: 'no',
  reportUnknown: 'not seen (TLS 1.3 sends it encrypted)',
  reportNoCertificate:
    'Not seen: a server that speaks only TLS 1.3 sends its certificate encrypted.',
  reportExchanges: 'Each probe: ClientHello and the server’s answer',
  reportExchangesHint:
    'Every connection the probe made, in order. Pick one, then a message, to see it in the inspector.',
  reportExchangeList: 'Probes, in the order sent',
  reportExchangeItem: '{n}. {version}, {offered}: {answer}',
  reportExchangeMessages: 'Messages of probe {n}',
  reportProbeNumber: 'Probe {n}',
  reportAnswerHello: '{message}, {suite}',
  reportAnswerAlert: 'Alert {description}',
  reportClosed: 'connection closed',
  reportUndecodable: 'not TLS records',

  linkInvalid: 'This link could not be opened ({reason}), so the default scenario is shown.',
  linkUnknownScenario: 'there is no scenario “{id}”',
  linkBadValue: '“{value}” is not a valid {param}',
  linkStepMissing:
    'The link points to message {step}, but this run has {total}; showing message 1.',
  linkTooLong: 'it is {length} characters long, and links are read up to {max}',
  linkNotUtf8: 'the value of “{param}” is not UTF-8 text',
  linkRepeated: '“{param}” is given more than once',
  linkBadSetting: 'the setting “{field}” has a value this scenario cannot use',
  linkParamsOmitted:
    'The sender’s edited settings were too long for a link, so this shows the preset they started from.',
  linkOmitsEdits:
    'Your edited settings make the link longer than {max} characters, so this link opens the preset they started from. To share them whole, export the trace (JSON).',

  presentation: 'Presentation mode',
  presentationExit: 'Exit presentation mode',
  presentationPosition: 'Message {n} of {total}',
  shortcuts: 'Keyboard shortcuts',
  shortcutsIntro: 'These keys work anywhere on the page except while typing in a field.',
  close: 'Close',
  shortcutKey: 'Key',
  shortcutAction: 'Action',
  letterShortcuts: 'Single-key shortcuts (P, T, L, ?) on',

  diagramExportTitle: '{title} · seed {seed}',
  legend: 'Legend',
  legendPlain: 'Plaintext message',
  legendEncrypted: 'Encrypted message',
  legendWarning: 'Warning alert',
  legendFatal: 'Fatal alert or lost message',
  legendCache: 'Answered from a cache',
  legendState: 'State of a lane',
};

export type UiStrings = typeof ui;

/**
 * What each TLS message does, keyed by the engine's message name. Two or three sentences, for a
 * student who has just seen it arrive. Names that carry a detail ("Alert bad_certificate") fall
 * back to their first word via `messageExplainKey`.
 */
const messages: Table = {
  ClientHello:
    'The client opens the handshake. It sends 32 fresh random bytes, the cipher suites it can use in its order of preference, and extensions such as the server name it wants (SNI), the curves it can do key exchange on and the signature algorithms it accepts. None of this is secret: anyone on the path can read it.',
  ServerHello:
    'The server answers with its own 32 random bytes and the one cipher suite it chose from the client’s list, and confirms the extensions it accepts, such as the extended master secret. From here on both sides know which algorithms the rest of the connection uses.',
  Certificate:
    'The server sends its certificate chain: its own certificate first, then the intermediate CA that signed it. The client checks every signature up to a root it trusts, the validity dates, and that the certificate names the host it asked for. This proves whose public key it is, but not yet that the server holds the matching private key.',
  ServerKeyExchange:
    'The server sends a fresh (ephemeral) ECDHE public key and signs it, together with both random values, using its certificate’s private key. The signature is the proof that the server owns the certificate, and the randoms stop an old signature from being replayed. Because the key is thrown away after this connection, recorded traffic stays safe even if the certificate’s key leaks later (forward secrecy).',
  CertificateRequest:
    'The server asks the client to prove who it is with a certificate of its own: it lists the key types and signature schemes it accepts and, often, the CAs it trusts. A client that has such a certificate sends it and signs the handshake with its key (CertificateVerify). Many servers only ask, and go on when the client has none.',
  'Certificate (empty)':
    'The client’s answer to CertificateRequest when it has no certificate: a Certificate message whose list is empty, and no CertificateVerify after it (RFC 5246, Section 7.4.6). Like every handshake message it is hashed into the transcript, so both Finished messages cover it. The server may go on without client authentication or refuse with a fatal alert.',
  HelloRetryRequest:
    'A ServerHello with a fixed, special random (RFC 8446, Section 4.1.3): the server accepts TLS 1.3 and a cipher suite but none of the key shares the client sent, and names in key_share the group it wants instead. The client must send a second ClientHello with a share for that group. A probe offers no fitting share on purpose, to read which group the server prefers.',
  ServerHelloDone:
    'An empty message that ends the server’s flight: the server has said everything it needs to and now waits. It is the client’s turn to send its own key share.',
  ClientKeyExchange:
    'The client sends its own ephemeral ECDHE public key. Each side now combines its private key with the other’s public key and gets the same shared secret, the pre-master secret, which never crosses the wire. Both derive the master secret and the traffic keys from it.',
  ChangeCipherSpec:
    'A one-byte signal, not a handshake message: from the next record on, this side encrypts everything it sends with the keys it has just derived. The record sequence number for this direction starts again at zero.',
  Finished:
    'The first encrypted message in each direction. Its verify_data is a PRF over the master secret and a hash of every handshake message so far, so it proves the sender has the same keys and saw the same handshake; a tampered-with suite list would be caught here. When both Finished messages check out, the handshake is complete.',
  NewSessionTicket:
    'The server hands the client a session ticket: the session’s state, encrypted with a key only the server knows (RFC 5077). The client keeps it and can present it next time to resume without a full handshake. The lifetime hint says how long it is worth keeping.',
  EncryptedExtensions:
    'The first message of the server’s encrypted flight in TLS 1.3 (RFC 8446, Section 4.3.1). It carries the extensions that do not shape the key exchange, such as ALPN and the server name acknowledgement; in TLS 1.2 these sat in the ServerHello, readable by anyone. It is encrypted with the server handshake traffic key, so from here on an observer sees only record sizes.',
  CertificateVerify:
    'A signature, with the certificate’s private key, over a hash of the whole handshake so far, prefixed with 64 spaces and “TLS 1.3, server CertificateVerify” (RFC 8446, Section 4.4.3). It proves the sender holds the key of the certificate it just sent, and because it covers the transcript, nothing in the handshake could have been changed on the way. In TLS 1.2 the server signed only its key exchange parameters.',
  KeyUpdate:
    'TLS 1.3’s way to change keys in the middle of a connection (RFC 8446, Section 4.6.3): the sender derives its next application traffic secret with “traffic upd” and switches to it for every record after this one. With request_update set, the peer updates its own sending keys too. TLS 1.2 needed a whole renegotiation for this.',
  'TLS 1.3 ClientHello':
    'The client opens a TLS 1.3 handshake. Its legacy_version still says TLS 1.2 so old middleboxes let it through; supported_versions lists the real versions. Unlike TLS 1.2, it already carries key shares (key_share) for the groups it guesses the server will pick, so the key exchange needs no extra round trip. Nothing here is encrypted.',
  'TLS 1.3 ServerHello':
    'The server picks TLS 1.3 (in supported_versions), a cipher suite and one of the client’s key shares, and sends its own share in key_share. With that, both sides can compute the (EC)DHE secret and the handshake traffic keys right away: everything the server sends after this message is encrypted. A TLS 1.3 suite names only the record cipher and the hash; the key exchange and the signature are negotiated separately (RFC 8446, Section 4.1.3).',
  'TLS 1.3 HelloRetryRequest':
    'A ServerHello with a fixed, special random (RFC 8446, Section 4.1.4): the server accepts TLS 1.3 but none of the client’s key shares is for a group it wants, so it names one in key_share. The client sends a second ClientHello with a share for that group, and the handshake costs one more round trip. The transcript replaces the first ClientHello with its hash, in a message_hash, so both sides still hash the same bytes.',
  'TLS 1.3 Certificate':
    'The server’s certificate chain, leaf first, as in TLS 1.2 but encrypted: an observer can no longer see which certificate the server used (RFC 8446, Section 4.4.2). Each entry may carry its own extensions (an OCSP response, for example), and the message starts with a certificate_request_context, empty for the server’s own certificate.',
  'TLS 1.3 Certificate (empty)':
    'The client’s answer to a CertificateRequest when it has no certificate: a Certificate with an empty list, and no CertificateVerify after it (RFC 8446, Section 4.4.2). It is encrypted, and hashed into the transcript like every handshake message.',
  'TLS 1.3 Finished':
    'An HMAC, keyed with this side’s finished_key, over the hash of every handshake message so far (RFC 8446, Section 4.4.4). It proves the sender derived the same keys and saw the same handshake. In TLS 1.3 the server sends its Finished first, at the end of its first flight, and may send application data straight after it; the client’s Finished completes the handshake.',
  'TLS 1.3 NewSessionTicket':
    'Sent after the handshake, encrypted under the application keys (RFC 8446, Section 4.6.1). Each ticket stands for a pre-shared key derived from the resumption_master_secret and the ticket’s nonce; a later connection offers it in pre_shared_key to skip the certificate, with a binder that proves it holds the PSK. The ticket_age_add hides how old the ticket is from observers.',
  'TLS 1.3 ChangeCipherSpec':
    'A dummy ChangeCipherSpec that TLS 1.3 sends only to look like a resumed TLS 1.2 handshake to middleboxes that would otherwise drop the connection (RFC 8446, Appendix D.4). It changes nothing: keys switch on their own, and the receiver ignores it. It is never encrypted and never hashed into the transcript.',
  'TLS 1.3 ApplicationData (GET /)':
    'The browser’s HTTP request, encrypted with the client application traffic key (RFC 8446, Section 5.2). The record header always says application_data and TLS 1.2; the real content type is hidden inside the encryption, and the nonce is the IV XORed with the sequence number, so no explicit nonce travels on the wire.',
  'TLS 1.3 ApplicationData (HTTP 200 OK)':
    'The server’s HTTP response, encrypted with the server application traffic key. An observer sees only an application_data record of some length: the content type, even the fact that it is a response and not a handshake message, is inside the ciphertext (RFC 8446, Section 5.2).',
  'TLS 1.3 ApplicationData':
    'A TLS 1.3 protected record (RFC 8446, Section 5.2): its outer type is always application_data, and the true content type (handshake, alert or data) is the last byte of the decrypted plaintext. The inspector shows the inside because this page holds the traffic keys.',
  'TLS 1.3 Alert close_notify':
    'An encrypted warning alert saying this side will send nothing more (RFC 8446, Section 6.1). In TLS 1.3 the alert is inside a protected record, so an observer cannot tell it from data.',
  'ApplicationData (GET /)':
    'The browser’s HTTP request, encrypted and authenticated with the client’s write key. An observer on the path sees only the record header, the explicit nonce, the ciphertext and the tag; the inspector can show the plaintext because this page holds the session keys.',
  'ApplicationData (HTTP 200 OK)':
    'The server’s HTTP response, encrypted with the server’s write key and its own sequence numbers. A record that was changed on the way would fail the tag check and end the connection.',
  ApplicationData:
    'Application data, encrypted and authenticated with the sender’s write key. Only the record header, the explicit nonce, the ciphertext and the tag are visible on the wire.',
  'Alert close_notify':
    'An encrypted warning alert saying this side will send nothing more. Closing with close_notify rather than just dropping the connection lets the peer tell a complete response from a truncated one (RFC 5246, Section 7.2.1).',
  Alert:
    'A fatal alert: this side found a problem it cannot get past, names it in the description, and closes the connection. Nothing negotiated in this handshake will be used.',
};

/**
 * Span explanations, keyed by the engine's `explain` keys (grep `explain:` in src/engine). DNS's
 * are in ./en-dns.ts.
 */
/** State machine states, by name: what the machine waits for there (the diagram's pills). */
const states: Table = {
  ExpectEncryptedExtensions:
    'TLS 1.3: the client has the handshake keys from the ServerHello and waits for EncryptedExtensions, the first encrypted message of the server’s flight.',
  ExpectCertificateVerify:
    'TLS 1.3: the client has checked the server’s certificate and waits for CertificateVerify, a signature over the handshake so far made with the certificate’s key.',
  ExpectClientHello:
    'The server waits for a ClientHello: the client’s first message, with its random, its cipher suites and its extensions. Nothing else is acceptable now; any other message ends the connection with an unexpected_message alert.',
  ExpectServerHello:
    'The client has sent its ClientHello and waits for the server’s answer, the ServerHello with the chosen cipher suite. Anything else ends the handshake (RFC 5246, Section 7.3).',
  ExpectCertificate:
    'Waiting for the peer’s Certificate message: its certificate chain, which this side will check (signatures up to a trusted root, the dates, the name). The server waits for one only when it asked for a client certificate.',
  ExpectServerKeyExchange:
    'The client has checked the certificate and waits for the ServerKeyExchange: the server’s ephemeral ECDHE key, signed with the certificate’s key.',
  ExpectServerHelloDone:
    'The client has verified the signature on the key exchange and waits for ServerHelloDone, which ends the server’s flight (a CertificateRequest may still come first).',
  ExpectClientKeyExchange:
    'The server has sent its flight and waits for the ClientKeyExchange: the client’s ECDHE public key, from which both sides derive the pre-master secret.',
  ExpectChangeCipherSpec:
    'Waiting for the peer’s ChangeCipherSpec: the signal that its next record is encrypted with the new keys. A Finished before it would be refused.',
  ExpectFinished:
    'The peer has switched to the new keys; this side waits for its encrypted Finished and will check the verify_data against its own hash of the handshake.',
  ExpectNewSessionTicket:
    'The client has sent its Finished and, because it offered session tickets and the server accepted, waits for a NewSessionTicket before the server’s ChangeCipherSpec (RFC 5077, Section 3.3).',
  ExpectRetryClientHello:
    'TLS 1.3: the server has sent a HelloRetryRequest and waits for the client’s second ClientHello, which must carry a key share for the group it asked for and otherwise match the first (RFC 8446, Section 4.1.2).',
  Traffic:
    'The handshake is complete and verified in this direction: from now on this side sends and accepts only encrypted application data (and alerts).',
  Closed:
    'The connection is over for this side: it sent or received close_notify, or a fatal alert ended it. Nothing more is sent or accepted.',
  Healthy:
    'The health checker considers the endpoint healthy: its probes pass, so DNS keeps answering with its address.',
  Unhealthy:
    'Enough probes in a row failed (the failure threshold): the endpoint is unhealthy, and DNS answers with the secondary address instead.',
};

/** Span explanations, keyed by the engine's `explain` keys (grep `explain:` in src/engine). */
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

/**
 * Notes the engine emits (`note` events); DNS's are in ./en-dns.ts. Params are filled in by
 * name.
 */
const notes: Table = {
  'tls13.client.offer_psk':
    'The client offers a PSK from an earlier TLS 1.3 ticket ({suite}), with a binder that proves it holds the key (RFC 8446, Section 4.2.11).',
  'tls13.client.psk_declined':
    'The server did not take the offered PSK; the handshake goes on in full, with a certificate.',
  'tls13.client.server_hello':
    'The server chose TLS 1.3 with {suite} and {group}. PSK: {psk}. From here on its messages are encrypted under the handshake keys.',
  'tls13.client.server_chose_tls12':
    'The ServerHello has no supported_versions: the server chose TLS 1.2, and its random carries no downgrade sentinel. The TLS 1.2 client takes over.',
  'tls13.client.hello_retry':
    'The server sent a HelloRetryRequest (group {group}, cookie: {cookie}). The client sends its ClientHello again; the transcript now starts with a hash of the first one (RFC 8446, Section 4.4.1).',
  'tls13.client.certificate_requested':
    'The server asks for a client certificate. This client has none and will send an empty Certificate.',
  'tls13.client.certificate_verify_valid':
    'The server’s CertificateVerify ({scheme}) checks out: it holds the certificate’s private key and signed this very handshake.',
  'tls13.client.ticket_stored':
    'The client stored a NewSessionTicket (lifetime {lifetime} s) and the PSK derived from it, to resume later.',
  'tls13.client.key_update':
    'The server updated its traffic keys (KeyUpdate). The client answered with its own update: {answered}.',
  ...TLS_TEXT_EN,
  'tls.server.chose_suite': 'Why this suite: {reason}',
  'tls.client.server_hello': 'The client accepted {suite}. Extended master secret: {ems}.',
  'tls.client.certificate_valid':
    'The client checked the chain: “{subject}”, issued by “{issuer}”, is valid today, names this host and leads to a root the client trusts.',
  'tls.client.certificate_rejected': 'The client rejected the certificate: {reason}',
  'tls.client.server_key_exchange_verified':
    'The client verified the server’s {scheme} signature over its {group} key share.',
  'tls.client.empty_certificate':
    'The server asked for a client certificate (CertificateRequest). This client has none, so it sends a Certificate message with an empty certificate_list and no CertificateVerify, as RFC 5246, Section 7.4.6 says. The server decides whether to go on without one; a server that requires one answers with a fatal alert.',
  'tls.handshake_complete': '{lane}: the handshake is complete, with {suite}.',
  'tls.client.offer_resumption': 'The client offers to resume an earlier session by {by}.',
  'tls.client.resumed':
    'The client resumed the earlier session by {by}: no certificate and no key exchange needed.',
  'tls.client.resumption_declined': 'The server declined to resume; this is a full handshake.',
  'tls.server.resuming': 'The server resumes the earlier session by {by}.',
  'tls.server.resumption_ems_mismatch':
    'The server will not resume: the earlier session and this ClientHello disagree about the extended master secret (RFC 7627, Section 5.3).',
  'tls.server.resumption_suite_gone':
    'The server will not resume: the session’s suite {suite} is no longer offered.',
  'tls.server.session_cache_miss':
    'The server does not have that session ID any more; it starts a full handshake.',
  'tls.server.ticket_unknown_key':
    'The server cannot decrypt the ticket: it was sealed under a ticket key the server no longer has. It does not look for the session ID either, and starts a full handshake with a new session and a new ticket.',
  'tls.server.ticket_not_authentic':
    'The server cannot decrypt the ticket: it names the server’s key but fails its integrity check, so it was altered. The server starts a full handshake.',
  'tls.server.ticket_expired':
    'The server decrypted the ticket, but its session is older than the server’s session lifetime; it starts a full handshake.',
  'tls.transport_closed_without_close_notify':
    'The connection closed without close_notify: the peer cannot tell whether the data was complete.',
  'tls13.server.hello_retry':
    'None of the client’s key shares is for the group the server prefers, so it answers with a HelloRetryRequest asking for a {group} share: one extra round trip (RFC 8446, Section 4.1.4).',
  'tls13.server.compat_ccs':
    'The client sent a legacy session ID, so the server follows its first handshake message with a ChangeCipherSpec that means nothing, only so middleboxes see what looks like a TLS 1.2 resumption (RFC 8446, Appendix D.4).',
  'tls13.server.psk_accepted':
    'The server opened the client’s ticket (PSK identity {identity}) and its binder verified: the handshake resumes with that PSK, and a fresh ECDHE exchange keeps forward secrecy (psk_dhe_ke).',
  'tls13.server.psk_not_usable':
    'The server could not use any PSK the client offered (an unknown or expired ticket, or another hash), so it runs a full handshake.',
  'tls13.key_update':
    'A KeyUpdate: the sender’s next records use the next application traffic secret (RFC 8446, Section 4.6.3). Update requested in return: {request}.',
  'tls.server.downgrade_sentinel':
    'This server also speaks TLS 1.3, so its TLS 1.2 ServerHello.random ends in “DOWNGRD” 01. A TLS 1.3 client that sees it knows someone removed 1.3 from its offer (RFC 8446, Section 4.1.3).',
  'tls13.ccs_ignored':
    'A TLS 1.3 peer sent ChangeCipherSpec only so that middleboxes see a familiar handshake (RFC 8446, Appendix D.4). It carries no meaning and was dropped.',
  'tls.record.inner_type':
    'TLS 1.3 hides the real content type inside the encryption: it is the last non-zero byte of TLSInnerPlaintext, after the content and before any zero padding. Outside, every record says application_data.',
  'tls.alert.warning_ignored': 'A warning alert ({description}) was received and ignored.',
  'tls.server.renegotiation_refused':
    'The client asked to renegotiate with a new ClientHello. This server does not renegotiate: it answers with a no_renegotiation warning and the connection carries on (RFC 5246, Section 7.2.2).',
};

/**
 * Scenario titles and lessons: the catalog's English text, which the CLI prints too. The lab
 * scenarios' lessons come with the lab (./en-lab.ts).
 */
const scenarios: Readonly<Record<string, { title: string; lesson?: string }>> = Object.fromEntries(
  SCENARIOS.map((s) => [s.id, { title: s.title, ...(s.lesson ? { lesson: s.lesson } : {}) }]),
);

/** What each keyboard shortcut does, keyed by the shortcut's id (src/ui/present/shortcuts.ts). */
const shortcuts = {
  playPause: 'Play or pause',
  stepForward: 'Next message (also a clicker’s Page Down)',
  stepBack: 'Previous message (also a clicker’s Page Up)',
  first: 'First message',
  last: 'Last message',
  presentation: 'Presentation mode on or off',
  theme: 'Switch between the light and dark themes',
  language: 'Switch between English and Korean',
  help: 'Show or hide this list',
  close: 'Close this list, or leave presentation mode',
};

/**
 * What each TLS alert description means (RFC 5246, Section 7.2.2; RFC 6066, Section 3; RFC 7301,
 * Section 3.2), keyed by the description's name as the RFCs spell it.
 */
const alerts: Table = {
  close_notify:
    'The sender will send nothing more on this connection. It is the proper way to end a TLS connection, so the peer knows the data was not cut off.',
  unexpected_message:
    'A message arrived that does not belong at this point of the handshake, such as a Finished before the key exchange.',
  bad_record_mac:
    'A record failed its authentication check: its tag did not match, so it was changed on the way or encrypted with other keys.',
  record_overflow: 'A record was longer than TLS allows (2^14 bytes of plaintext plus expansion).',
  decompression_failure: 'Decompressing a record failed. TLS compression is no longer used.',
  handshake_failure:
    'The two sides could not agree: no cipher suite, group or signature algorithm that both accept.',
  bad_certificate:
    'The certificate is damaged, its signature does not verify, or it is not valid for the name that was asked for.',
  unsupported_certificate: 'The certificate is of a type the receiver does not support.',
  certificate_revoked: 'The certificate was revoked by its issuer.',
  certificate_expired: 'The certificate has expired, or is not valid yet.',
  certificate_unknown: 'Some other problem with the certificate made it unacceptable.',
  illegal_parameter: 'A field in a message had a value that is not allowed there.',
  unknown_ca: 'The certificate chain does not lead to a root certificate that the receiver trusts.',
  access_denied: 'The sender has decided not to go on with this peer.',
  decode_error: 'A message could not be parsed: a length or a field is wrong.',
  decrypt_error:
    'A cryptographic check failed: a signature did not verify, or a Finished message did not match.',
  protocol_version: 'The peer offered a protocol version that the sender does not accept.',
  insufficient_security: 'The peer offered only cipher suites weaker than the sender requires.',
  internal_error: 'Something went wrong inside the sender, unrelated to the peer’s messages.',
  inappropriate_fallback: 'A downgraded retry was refused (RFC 7507).',
  user_canceled:
    'The handshake is being cancelled for a reason that has nothing to do with the protocol.',
  no_renegotiation: 'The sender does not want to renegotiate this connection.',
  unsupported_extension: 'The peer answered with an extension that was never offered to it.',
  unrecognized_name: 'The server does not serve the name the client sent in server_name.',
  no_application_protocol:
    'None of the application protocols the client offered in ALPN is one the server speaks.',
  missing_extension: 'A TLS 1.3 message lacks an extension it must carry, such as key_share.',
  unknown_psk_identity: 'The server knows none of the pre-shared keys the client offered.',
  certificate_required: 'The server needs a client certificate and got none.',
};

/** Lanes (actors) and caches as people call them; the engine's names are the keys. */
const names: Table = {
  Client: 'Client',
  Server: 'Server',
  'Client (TLS 1.2)': 'Client (TLS 1.2)',
  'Server (TLS 1.2)': 'Server (TLS 1.2)',
  'Client (TLS 1.3)': 'Client (TLS 1.3)',
  'Server (TLS 1.3)': 'Server (TLS 1.3)',
  Browser: 'Browser',
  'OS resolver': 'OS resolver',
  'Recursive resolver': 'Recursive resolver',
  Root: 'Root',
  TLD: 'TLD',
  Authoritative: 'Authoritative',
  Attacker: 'Attacker',
  'Health checker': 'Health checker',
  'Primary server': 'Primary server',
  'browser host cache': 'browser host cache',
  'OS resolver cache': 'OS resolver cache',
  'response cache': 'response cache',
  'delegation cache': 'delegation cache',
};

/** Status lines the engine gives as keys (RunOutcome.errorLine); lanes come translated. */
const statusLines: Table = {
  alert: '{description} ({from} → {to}): {reason}',
  alertFrom: '{description} ({from}): {reason}',
  problem: '{reason}',
  zoneLine: 'line {line}: {reason}',
};

/** Words the engine puts in note parameters, translated where a language needs it. */
const values: Table = {
  yes: 'yes',
  no: 'no',
  // Why a DNS server's answer was of no use (the `reason` of dns.note.lame); rcodes stay as they are.
  'lame.truncated': 'truncated (TC)',
  'lame.not_authoritative': 'no answer and no referral (not authoritative)',
  'lame.mismatch': 'ID or question mismatch',
  'lame.malformed': 'malformed response',
};

/**
 * The lab's words that the page shows before the lab has loaded: the picker's groups, the view and
 * side switches, the header's settings check. The rest of the lab panel and the Decode view (their
 * editors, outcomes and preset titles) is in ./en-lab.ts, fetched with them.
 */
const lab = {
  groups: {
    basics: 'Basics',
    'tls-lab': 'TLS lab',
    'dns-lab': 'DNS lab',
    journey: 'The whole journey',
  },
  view: 'View',
  viewDiagram: 'Diagram',
  viewDecode: 'Decode',
  visitLabel: 'Visit {n} · {time}',
  panel: 'Lab',
  sideSwitch: 'Side panel',
  settings: 'Settings',
  loading: 'Loading…',
  journey: {
    badUrl: 'Enter an https address, such as https://www.example.com/',
  },
};

/** Units of virtual time, for times people read at a glance (./duration.ts). */
const units = {
  ms: '{n} ms',
  s: '{n} s',
  min: '{n} min',
  h: '{n} h',
  d: '{n} d',
  /** A time counted from the start of its lookup or visit, in the diagram's time gutter. */
  since: '+{time}',
};

/** Cache lookups on the diagram and in the Caches tab, beyond the hits (src/ui/diagram). */
const cacheMarks = {
  miss: '{cache}: miss',
  expired: '{cache}: expired after {kept}',
  expiredUnknown: '{cache}: expired',
  missName: 'Cache miss at the {lane}, {cache}: {key}',
  expiredName: 'Expired at the {lane}, {cache}: {key}',
  hit: 'cache hit · TTL {ttl} left',
  /** The Caches tab's TTL column for an entry whose time has run out. */
  expiredEntry: 'expired',
  ttlLeft: '{ttl}',
  /** Why a cache let an entry go sooner than its TTL, by the engine's cache name. */
  why: {
    'browser host cache': 'the browser keeps an answer 60 s at most, whatever its TTL',
  } as Table,
};

/** The lab's own view of the current message, for screens where the inspector is a tab away. */
const labMessage = {
  summary: 'Explain message {n}: {name}',
};

export const en = {
  ui,
  units,
  cacheMarks,
  labMessage,
  messages,
  states,
  spans,
  notes,
  scenarios,
  shortcuts,
  alerts,
  names,
  values,
  statusLines,
  lab,
};
/**
 * The whole English table: `en` and the parts that come after the first drawing (./en-lab.ts,
 * ./en-dns.ts, ./en-keys.ts). A language table (ko.ts) has every key of them all.
 */
export type Strings = typeof en & typeof enLab & typeof enDns & typeof enKeys;

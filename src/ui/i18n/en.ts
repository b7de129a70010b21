/**
 * Every string the UI shows, in English. Korean will arrive as ko.ts typed as `Strings`, so a
 * missing key is a compile error there. Placeholders are `{name}`; see `format` in ./index.ts.
 *
 * Protocol names (ClientHello, NS, TTL, …) stay as the RFCs spell them in every language: they
 * are what people search for and what Wireshark shows.
 */

import { SCENARIOS } from '../../engine/scenarios/catalog';
import { TLS_NOTES_EN } from '../../i18n/tls-notes.en';
import type { enDns } from './en-dns';
import type { enKeys } from './en-keys';
import type { enLab } from './en-lab';
import type { enFields } from './en-fields';
import type { enReport } from './en-report';
import type { enTls } from './en-tls';
import type { enTls13 } from './en-tls13';

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
  statusStalled: 'No alert, and the handshake stalled: {error}',
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

  explainMessage: 'What this message does',
  explainNotes: 'What the engine noted at this step',
  explainField: 'About the selected field',
  explainMissing: 'No explanation written yet for {key}.',
  explainScenario: 'This scenario',
  alertLine: '{level} alert {description} ({code}): {reason}',

  explainAlert: 'What this alert means',
  explainRcode: 'What {rcode} means',
  engineDetail: 'Engine detail: {detail}',

  share: 'Export and share',
  openCapture: 'Open capture',
  openCaptureHint:
    'A .pcap or .pcapng file, with its NSS key log (SSLKEYLOGFILE) if you have one. Choose both, or drop them here.',
  captureConnection: 'Connection in the capture',
  captureEmpty: 'it holds no TLS connection and no DNS exchange',
  captureStopped:
    'Showing {label} from {file}. The file is damaged: reading stopped at byte {offset}.',
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
  CertificateVerify:
    'A signature, with the certificate’s private key, over a hash of the whole handshake so far, prefixed with 64 spaces and “TLS 1.3, server CertificateVerify” (RFC 8446, Section 4.4.3). It proves the sender holds the key of the certificate it just sent, and because it covers the transcript, nothing in the handshake could have been changed on the way. In TLS 1.2 the server signed only its key exchange parameters.',
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

/** State machine states, by name: what the machine waits for there (the diagram's pills). */
const states: Table = {
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
  Traffic:
    'The handshake is complete and verified in this direction: from now on this side sends and accepts only encrypted application data (and alerts).',
  Closed:
    'The connection is over for this side: it sent or received close_notify, or a fatal alert ended it. Nothing more is sent or accepted.',
};

/**
 * Notes the engine emits (`note` events) in the default handshake; DNS's are in ./en-dns.ts, the
 * TLS engine's faults and the notes of handshakes that fail or resume in ./en-tls.ts. Params are
 * filled in by name.
 */
const notes: Table = {
  ...TLS_NOTES_EN,
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
};

/**
 * Scenario titles, and the default scenario's lesson: the catalog's English text, which the CLI
 * prints too. The other lessons come with the lab's part (./en-lab.ts).
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
 * What a TLS alert description means, keyed by the description's name as the RFCs spell it:
 * close_notify, which ends every handshake that succeeds; the others are in ./en-tls.ts.
 */
const alerts: Table = {
  close_notify:
    'The sender will send nothing more on this connection. It is the proper way to end a TLS connection, so the peer knows the data was not cut off.',
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
  servfail: 'SERVFAIL: {reason}',
  tlsSent: 'alert {alert} sent by the {us}: {reason}',
  tlsReceived: 'alert {alert} received from the {peer}',
  tlsReceivedHint: 'alert {alert} received from the {peer}: {hint}',
  stalled: 'the {lane} still waits in {state}',
  stalledBoth: 'the {lane} still waits in {state}, the {other} in {otherState}',
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
export type Strings = typeof en &
  typeof enLab &
  typeof enDns &
  typeof enKeys &
  typeof enTls &
  typeof enTls13 &
  typeof enFields &
  typeof enReport;

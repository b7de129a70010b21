/**
 * The English text that only the lab and the Decode view show, fetched with them (src/ui/lazy.ts)
 * rather than before the first drawing: the lab panel's editors and outcomes, the preset titles,
 * every scenario's lesson but the default's, the notes the lab and the journey add to a Trace, and the TCP header
 * fields. ./index.ts merges it into the English table (en.ts) when it arrives; the Korean table
 * (ko.ts) holds all of it.
 */
import { JOURNEY_LESSON } from '../../engine/scenarios/journey/lesson';
import { DNS_LAB_LESSONS } from '../../engine/scenarios/lab/dns/lessons';
import { LAB_LESSONS } from '../../engine/scenarios/lab/lessons';
import { LIMIT_TEXT_EN } from '../../i18n/limits.en';
import type { Table } from './en';
import { DNS_LAB_NOTE_TEXT, DNS_LAB_TEXT } from '../../engine/scenarios/lab/dns/text';
import { LAB_TEXT } from '../../engine/scenarios/lab/text';
import { SCENARIO_LESSONS } from '../../engine/scenarios/lessons';
import {
  JOURNEY_NOTE_TEXT,
  JOURNEY_TEXT,
  TCP_FIELD_TEXT,
} from '../../engine/scenarios/journey/text';

const lab = {
  startFrom: 'Start from',
  resetPreset: 'Undo my changes',
  outcome: 'Outcome',
  running: 'Running…',
  noOutcome: 'Run the scenario to see its outcome.',
  yes: 'yes',
  no: 'no',
  alert: 'Alert',
  alertSent: '{description} ({code}), sent by {by} to {to}:',
  moveUp: 'Move {name} up',
  moveDown: 'Move {name} down',
  showServerHello: 'Show the ServerHello',
  showCertificate: 'Show the Certificate',
  showAlert: 'Show the alert',
  numberRange: 'Enter a whole number from {min} to {max}.',
  presets: Object.fromEntries([
    ...Object.entries(LAB_TEXT).map(([id, text]) => [id, { ...text.presets }]),
    ...Object.entries(DNS_LAB_TEXT).map(([id, text]) => [id, { ...text.presets }]),
    ['journey-visit', { ...JOURNEY_TEXT.presets }],
  ]) as Readonly<Record<string, Readonly<Record<string, string>>>>,

  negotiation: {
    client: 'Client',
    server: 'Server',
    suites: 'cipher suites',
    groups: 'key exchange groups',
    signatureSchemes: 'signature algorithms',
    listOf: '{side}: {list}',
    preference: 'Whose order wins',
    preferServer: 'The server’s order',
    preferClient: 'The client’s order',
    misbehave: 'The ServerHello names',
    followRfc: 'the suite the server chose',
    namesSuite: '{suite}, whatever was offered',
    agreed: 'The handshake completed with {suite}.',
    failed: 'The handshake failed.',
    chosenSuite: 'Suite chosen',
    why: 'Why',
    serverHelloSaid: 'The ServerHello named instead',
    group: 'Key exchange group',
    signatureScheme: 'ServerKeyExchange signed with',
    versions: '{side}: TLS versions',
    versionChoices: {
      '1.2': 'TLS 1.2 only',
      '1.3': 'TLS 1.3 only',
      '1.2,1.3': 'TLS 1.2 and TLS 1.3',
    },
    onPath: 'On the path',
    pathHonest: 'Nothing touches the ClientHello',
    pathStrips: 'An attacker strips TLS 1.3 from the ClientHello',
    version: 'Version',
    stripped: 'The attacker hid supported_versions, so the server saw a TLS 1.2 client.',
  },

  resumption: {
    sessionCache: 'The server keeps a session cache (resumption by session ID)',
    tickets: 'The server issues session tickets',
    offerTickets: 'The client accepts session tickets',
    between: 'Between the two connections',
    betweenChoices: {
      nothing: 'Nothing happens (one second passes)',
      'server-cache-cleared': 'The server restarts and loses its session cache',
      'ticket-key-rotated': 'The server changes its ticket key',
      'session-lifetime-passed': 'Six minutes pass (the session lives five)',
    },
    resumed: 'The second connection resumed the session {by}.',
    notResumed: 'The second connection made a full handshake.',
    bySessionId: 'by session ID',
    byTicket: 'with the session ticket',
    offered: 'The client offered to resume {by}.',
    offeredNothing: 'The client had nothing to resume.',
    full: 'full handshake',
    abbreviated: 'abbreviated handshake',
    noHandshake: 'no handshake',
    roundTrips: '{n#one:# round trip|other:# round trips}',
    readyAfter: 'request after {time} ms',
    showSecond: 'Show the second ClientHello',
  },

  certificates: {
    problem: 'What is wrong with the certificate',
    accepted: 'The client accepted the certificate chain and got the page.',
    served: 'What the server sent (its own certificate first)',
    issuedBy: 'issued by {issuer}',
  },

  warning: {
    title: 'Your connection is not private',
    notSecure: 'Not secure',
    intro:
      'Attackers might be trying to steal your information from {host} (for example, passwords, messages or credit cards).',
    kinds: {
      expired:
        'The certificate has expired. The server may be misconfigured, or the clock of this device may be wrong.',
      not_yet_valid:
        'The certificate is not valid yet. The clock of this device may be wrong, or the certificate was issued for the future.',
      hostname_mismatch:
        'The certificate is for another name. The server presented a certificate that does not list this site’s name.',
      unknown_ca:
        'The certificate was issued by an authority that this device does not trust. Anyone can make such a certificate for any name.',
      self_signed:
        'The certificate is signed by itself. No authority vouches for it, so anyone could have made it.',
      missing_intermediate:
        'The certificate chain is incomplete. The server did not send the intermediate certificate that links its certificate to a trusted root.',
      other: 'The certificate could not be checked.',
    },
    onTheWire: 'On the wire:',
  },

  mitm: {
    trust: 'Trust the attacker’s CA',
    trustHint:
      'As if someone had installed the attacker’s root certificate on this device (a company proxy, or malware).',
    accepted:
      'The client accepted the attacker’s certificate, issued by “{issuer}”. The padlock shows, and the attacker reads everything.',
    relayed: 'The request reached the real server',
    clientGot: 'The client got',
    attackerRead: 'What the attacker read in plaintext',
    readNothing: 'Nothing: the client stopped before sending any data.',
  },

  tamper: {
    record: 'Message to change',
    recordOption: '{n}: {message} from {from}',
    offset: 'Byte (offset from the record header)',
    pickHint: 'Or click a byte below. Hover over bytes to see their field.',
    useInspector:
      'Use the first byte of the field selected in the inspector ({message}, byte {offset})',
    change: 'How to change it',
    masks: {
      '1': 'Flip the lowest bit (XOR 0x01)',
      '128': 'Flip the highest bit (XOR 0x80)',
      '255': 'Flip every bit (XOR 0xff)',
    },
    ems: 'The client offers the extended master secret',
    preview: 'Byte {offset} of {message}, in {field}: 0x{before} becomes 0x{after}.',
    noField: 'no field',
    caught: 'Caught by the {by}, when the {message} arrived.',
    unnoticed: 'Nobody noticed: the handshake completed and the page loaded.',
    stalled: 'Nobody sent an alert, but the handshake did not finish.',
    changed: 'Changed',
    changedByte: 'byte {offset} of {message} from {from} ({field}): 0x{before} became 0x{after}',
    notSent: 'nothing: that record was never sent, or it is shorter',
    waiting: '{lane} still waits in',
    response: 'The client got',
    showTampered: 'Show the changed message',
    showCaught: 'Show where it was caught',
  },

  ems: {
    clientOffers: 'The client offers the extended master secret',
    serverSupports: 'The server supports it',
    used: 'Both sides used the extended master secret.',
    notUsed: 'The classic master secret was used.',
    label: 'PRF label',
    seedIs: 'PRF seed',
    sidesAgree: 'Client and server derived the same master secret',
    masterSecret: 'master_secret (48 bytes)',
    showKeys: 'Show the key schedule',
  },

  dns: {
    layers: {
      Browser: 'the browser’s cache',
      'OS resolver': 'the OS resolver’s cache',
      'Recursive resolver': 'the recursive resolver’s cache',
      'Authoritative servers': 'the authoritative servers',
    },
    name: 'Name',
    type: 'Type',
    lookupN: 'Lookup {n}',
    after: 'Seconds after the previous lookup',
    secondsUnit: 's',
    restart: 'Before it',
    restarts: {
      none: 'nothing restarts',
      browser: 'the browser restarts',
      computer: 'the computer restarts',
    },
    removeLookup: 'Remove lookup {n}',
    lookupsFull: 'That is the most lookups one run takes ({max}): remove one to add another.',
    advanceClock: 'Advance the clock and look up again:',
    jumps: {
      '10': '+10 s',
      '60': '+1 min',
      '300': '+5 min',
      '3600': '+1 h',
      '86400': '+1 day',
    },
    lastAnsweredBy: 'The last lookup was answered by {layer}.',
    lookupsCaption: 'The lookups, one by one',
    barsHint:
      'The bars show how many seconds each cache had left on the answer when the browser asked.',
    answeredFrom: 'Answered by {layer} · {n#one:# DNS message|other:# DNS messages}',
    when: 'At',
    atSeconds: '{s} s',
    question: 'Asked',
    answeredBy: 'Answered by',
    answer: 'Answer',
    messages: 'DNS messages',
    ttlBrowser: 'Browser TTL',
    ttlOs: 'OS TTL',
    ttlRecursive: 'Recursive TTL',
    ttlDelegations: 'Delegations TTL',
    notCached: 'not cached',
    afterLast: 'Left after the last lookup (at {s} s)',
    firstType: 'First lookup’s type',
    againType: 'Second lookup’s type',
    againAfter: 'Second lookup, seconds later',
    firstLookup: 'First lookup',
    secondLookup: 'Second lookup',
    lookupResult: '{result}, from {layer}',
    soaOf: 'The SOA of {zone} in the answer',
    soaTtl: 'Its TTL in the zone',
    soaMinimum: 'Its MINIMUM field',
    soaSent: 'The TTL the server sent: the smaller',
    negativeCachedFor: 'How long each layer remembers the negative answer',
    notCachedThere: 'not cached',
    allFailed: 'Every server failed: the resolver answered SERVFAIL.',
    stillAnswered: 'The lookup still succeeded: {result}.',
    failedServers: 'Servers the resolver gave up on',
    failedTimeout: '{server} ({address}) did not answer; the resolver waited {ms} ms.',
    failedAnswer: '{server} ({address}) answered {why}.',
    usedServer: 'The answer came from',
    nobody: 'no server',
    rcode: 'Result',
    finishedAfter: 'The lookup took',
  },

  poisoning: {
    attack: 'The attack',
    outOfBailiwick: 'Extra records for another zone in an answer',
    forged: 'Forged answers racing the real one',
    forgeries: 'Forged answers',
    seesQuery: 'The attacker sees the query (on the path)',
    poisoned: 'The resolver’s cache is poisoned: it holds the attacker’s address.',
    notPoisoned: 'The attack failed: the resolver’s cache holds only the real answer.',
    refused: 'Records the resolver dropped',
    refusedRecord: '{record} from the {section} section: outside {zone}',
    forgeriesTitle: 'The forged answers',
    forgery: {
      dropped: 'ID {id}, but the query had ID {queryId}: dropped',
      accepted: 'ID {id}, the query’s own ID {queryId}: accepted',
      tooLate: 'ID {id}: arrived after the real answer, never read',
    },
    cached: 'The resolver’s cache holds for www.example.com',
    delegation: 'Its name servers for example.com',
    browserGot: 'The browser got',
  },

  cname: {
    loop: 'The chain loops back to {name}: the resolver stops with SERVFAIL.',
    noLoop: 'The chain ends in an address.',
    chain: 'The names the resolver followed',
  },

  gslb: {
    ttl: 'TTL of the record',
    interval: 'Health check every',
    threshold: 'Failed checks before failover',
    stopAt: 'Stop the primary at',
    lookupEvery: 'The browser looks up every',
    lookupUntil: 'Until',
    primary: 'Primary',
    secondary: 'Secondary',
    stopped: 'Primary stopped',
    unhealthy: 'Health check says it is down',
    authoritativeSwitched: 'Authoritative servers answer the secondary from',
    browserSwitched: 'The browser gets the secondary from',
    never: 'never',
    lag: 'The browser kept the old address for {s} s after the authoritative servers had switched: the TTL and the browser’s own cache.',
    tableCaption: 'Each lookup: what the authoritative servers said, and what the browser got',
    authoritativeSays: 'Authoritative',
    browserGets: 'Browser got',
    gotFrom: 'from {layer}, TTL {ttl} s',
    page: 'Page',
    loads: 'loads',
    fails: 'fails',
  },

  qname: {
    toggle: 'QNAME minimisation',
    queries: 'Queries the resolver sent',
    captionOn: 'What each server learned, with QNAME minimisation',
    captionOff: 'What each server learned, without QNAME minimisation',
    server: 'Server',
    learned: 'Was asked about',
  },

  zone: {
    zone: 'Zone',
    text: 'Master file',
    errorAt: 'Line {line}: {message}',
    parses: 'The zone parses.',
    showLine: 'Show line {line}',
    reset: 'Back to the shipped zone',
    lookups: 'Look up',
    lookupName: 'Name {n}',
    addLookup: 'Add a lookup',
    notLoaded: 'The zone was not loaded, so nothing was looked up.',
    loaded: 'The edited zone was loaded; the lookups used it.',
  },

  journey: {
    url: 'Address',
    visitAgain: 'Visit again',
    againAfter: 'Seconds after the first visit',
    visitN: 'Visit {n}',
    caption: 'The visits side by side',
    rowDns: 'DNS',
    rowTcp: 'TCP',
    rowTls: 'TLS',
    rowCertificate: 'Certificate',
    rowHttp: 'HTTP',
    rowTotal: 'Messages in all',
    rowTime: 'Page after',
    dnsCell: '{address} from {layer}, {n#one:# message|other:# messages}',
    tcpCell: '{n#one:# segment|other:# segments} to {server}',
    tlsFull: 'full handshake',
    tlsResumed: 'resumed {by}',
    tlsFailed: 'failed: {alert}',
    tlsRecords: '{n#one:# record|other:# records}',
    byTicket: 'with the ticket',
    bySessionId: 'by session ID',
    certificate: {
      valid: 'checked: valid for the host',
      rejected: 'rejected',
      notSent: 'not sent (the session was checked before)',
    },
    saved:
      'The second visit needed {n#one:# fewer message|other:# fewer messages} and had the page {ms} ms sooner.',
    savedMessages: 'The second visit needed {n} fewer messages.',
    refused: 'The browser refused the certificate ({alert}): it is not valid for {host}.',
    showTcp: 'Show the TCP handshake',
    showTls: 'Show the first ClientHello',
    showSecondTls: 'Show the second ClientHello',
  },

  decode: {
    title: 'Paste and decode',
    hint: 'Paste the hex of one or more TLS records, or of one DNS message: a hex stream, or Wireshark’s “Copy as Hex Dump”. Up to 64 KiB.',
    inputLabel: 'Hex',
    modeLabel: 'Decode as',
    modes: { auto: 'Detect', tls: 'TLS records', dns: 'DNS message' },
    protocols: { tls: 'TLS records', dns: 'DNS message' },
    empty: 'Paste some hex to decode it.',
    tooLong:
      'The pasted text is {chars} characters long; at most {max} are read (64 KiB as a hex dump). Paste the records of one handshake or one DNS message.',
    tooLarge:
      'That is {bytes} bytes; the decoder takes at most {max} bytes (64 KiB). Paste the records of one handshake or one DNS message.',
    oddDigits: 'The hex has an odd number of digits ({digits}): a byte is cut in half.',
    badChar: '“{char}” on line {line}, column {column} is not a hex digit.',
    errorAt: 'Not valid as {protocol}: {reason} (at byte {offset}, marked in Bytes).',
    decoded: 'Decoded as {protocol}: {count#one:# byte|other:# bytes}.',
    failed: 'The decoder failed: {reason}',
    fromDiagram: 'Paste the bytes of {name} from the diagram',
    clear: 'Clear',
    nothing: 'Paste hex on the left to see its fields and bytes here.',
    undecodable: 'Bytes that do not decode',
    noFields: 'No fields: the bytes do not decode. The Bytes tab marks where the decoder stopped.',
    errorMarked: 'The marked byte is where the decoder stopped.',
  },
};

/**
 * The notes the lab and the journey add to a Trace, and the input limits the lab's editors and the
 * header's boxes check (English shows the engine's own line for the latter until this arrives).
 */
const notes: Table = {
  ...LIMIT_TEXT_EN,
  'lab.tamper.changed_byte':
    'On the wire, byte {offset} of {message} ({field}) was changed: its value {before} became {after}.',
  'lab.downgrade.stripped':
    'On the wire, an attacker renamed the ClientHello’s supported_versions extension to a type no one knows. The server skips it and sees a client that speaks only TLS 1.2. A server that speaks TLS 1.3 then writes the downgrade sentinel (“DOWNGRD” and 01) into the last 8 bytes of its ServerHello.random, which the attacker cannot change without breaking the signature (RFC 8446, Section 4.1.3).',
  'lab.mitm.read_plaintext':
    'The attacker decrypted what the {from} sent to the {to}, read it, and encrypted it again: {text}',
  ...DNS_LAB_NOTE_TEXT,
  ...JOURNEY_NOTE_TEXT,
};

/**
 * The TCP header fields of the journey's segments, and what real captures carry that the engine
 * never sends (only Decode, a probe or an imported trace shows them).
 */
const spans: Table = {
  ...TCP_FIELD_TEXT,
  'tls.record.inner_type':
    'The real content type of a TLS 1.3 record (handshake, alert or application data): the last non-zero byte of the decrypted TLSInnerPlaintext, hidden from the wire (RFC 8446, Section 5.2).',
  'tls.record.encrypted_tls13':
    'A TLS 1.3 protected record: its outer opaque_type is always application_data, and the real content type is inside the encryption (RFC 8446, Section 5.2).',
  'tls.heartbeat':
    'A Heartbeat message (RFC 6520): a keep-alive that the peer echoes. A payload_length longer than the payload is the Heartbleed attack.',
  'tls.heartbeat.type':
    'heartbeat_request (1) asks for an echo; heartbeat_response (2) is the echo.',
  'tls.heartbeat.payload_length':
    'How many payload bytes follow; the answer must echo exactly these.',
  'tls.heartbeat.payload': 'The bytes to echo back.',
  'tls.heartbeat.padding': 'At least 16 random bytes, ignored by the receiver.',
  'tls.sslv2':
    'An SSL 2.0-style ClientHello that offers TLS (RFC 5246, Appendix E.2): old clients sent it so that SSL 2.0 servers could answer too.',
  'tls.sslv2.msg_length': 'The SSL 2.0 record length; its top bit marks the 2-byte header.',
  'tls.sslv2.version': 'The highest version the client can speak.',
  'tls.sslv2.cipher_spec_length': 'The length of the cipher list, 3 bytes per entry.',
  'tls.sslv2.cipher_specs':
    'The offered ciphers, 3 bytes each. An entry whose first byte is 0 is a TLS cipher suite.',
  'tls.sslv2.challenge': 'Random bytes that become the end of client_random.',
  'tls.server_key_exchange.dh_params':
    'The finite-field Diffie-Hellman parameters: the prime dh_p, the generator dh_g and the server’s public value dh_Ys (RFC 5246, Section 7.4.3).',
  'tls.server_key_exchange.dh_p': 'The prime modulus p of the group.',
  'tls.server_key_exchange.dh_g': 'The generator g.',
  'tls.server_key_exchange.dh_Ys':
    'The server’s public value g^Xs mod p, made fresh for this connection.',
  'tls.client_key_exchange.encrypted_pre_master_secret':
    'RSA key exchange: the 48-byte premaster secret, encrypted with the server certificate’s RSA key. Anyone who later gets that key can decrypt the session: there is no forward secrecy.',
  'tls.client_key_exchange.dh_Yc':
    'The client’s Diffie-Hellman public value g^Xc mod p. With the server’s secret it gives the same premaster secret.',
  'tls.client_key_exchange.exchange_keys':
    'RSA’s encrypted premaster secret or DHE’s public value dh_Yc: both are bytes with a 2-byte length, and only the cipher suite in the ServerHello says which.',
  'tls.client_key_exchange.unsupported':
    'Key exchange data of a kind this decoder does not read (PSK, SRP, …); kept as raw bytes.',
  'tls.ext.supported_versions':
    'supported_versions (RFC 8446, Section 4.2.1): the client lists the versions it speaks; the server names the one it chose. TLS 1.3 is negotiated here, not in the version field.',
  'tls.ext.key_share':
    'key_share (RFC 8446, Section 4.2.8): ephemeral public keys, one per group, so the handshake needs one round trip. Hybrid groups such as X25519MLKEM768 carry a post-quantum key and an X25519 key together.',
  'tls.ext.psk_key_exchange_modes':
    'psk_key_exchange_modes (RFC 8446, Section 4.2.9): how a resumed session may use its key: psk_ke alone or psk_dhe_ke with a fresh key exchange.',
  'tls.ext.pre_shared_key':
    'pre_shared_key (RFC 8446, Section 4.2.11): the tickets offered for resumption with their binders; the server answers with the one it took. It must be the last extension.',
  'tls.ext.early_data':
    'early_data (RFC 8446, Section 4.2.10): the client sends application data before the handshake ends (0-RTT), which an attacker can replay.',
  'tls.ext.cookie':
    'cookie (RFC 8446, Section 4.2.2): state a server puts in a HelloRetryRequest, which the client sends back unchanged.',
  'tls.ext.encrypted_client_hello':
    'encrypted_client_hello (ECH): the real ClientHello, with its server name, encrypted to the server’s published key. The outer hello only shows the HPKE suite, the config_id and the sealed payload.',
  'tls.ext.compress_certificate':
    'compress_certificate (RFC 8879): the algorithms the peer can decompress a Certificate message with.',
  'tls.ext.record_size_limit':
    'record_size_limit (RFC 8449): the largest record the sender is willing to receive.',
  'tls.ext.padding':
    'padding (RFC 7685): zero bytes that bring the ClientHello to a size some middleboxes handle.',
  'tls.ext.status_request':
    'status_request (RFC 6066, Section 8): the client asks the server to staple an OCSP response for its certificate.',
  'tls.ext.signed_certificate_timestamp':
    'signed_certificate_timestamp (RFC 6962): proof that the certificate was logged in Certificate Transparency logs.',
  'tls.ext.application_settings':
    'application_settings (ALPS): the ALPN protocols for which the client can exchange settings (such as HTTP/2 SETTINGS) during the handshake.',
  'tls.ext.delegated_credential':
    'delegated_credential (RFC 9345): the signature schemes the client accepts for a short-lived credential that the server signs with its certificate’s key.',
  'tls.ext.supported_versions.versions':
    'The versions the client speaks, most preferred first, 2 bytes each: 0x0304 is TLS 1.3, 0x0303 TLS 1.2. A client that lists 1.3 here is a TLS 1.3 client whatever legacy_version says (RFC 8446, Section 4.2.1).',
  'tls.ext.supported_versions.selected_version':
    'The version the server chose, 0x0304 for TLS 1.3. Its presence alone tells the client this is TLS 1.3: a server that picks TLS 1.2 must not send this extension (RFC 8446, Section 4.2.1).',
  'tls.ext.key_share.client_shares':
    'The client’s key shares, one per group it guesses the server will take, each a group and a fresh public key. Sending them in the first message is what saves TLS 1.3 a round trip (RFC 8446, Section 4.2.8).',
  'tls.ext.key_share.group':
    'The named group of this key share, such as x25519 (29) or secp256r1 (23).',
  'tls.ext.key_share.key_exchange':
    'The ephemeral public key: 32 bytes for x25519, an uncompressed point (0x04 ‖ x ‖ y) for the NIST curves. Combined with the peer’s private key it gives the (EC)DHE shared secret (RFC 8446, Section 4.2.8.2).',
  'tls.ext.key_share.selected_group':
    'In a HelloRetryRequest: the group the server wants a key share for, which the client offered in supported_groups but sent no share for. The client must answer with a share for exactly this group (RFC 8446, Section 4.2.8).',
  'tls.ext.cookie.cookie':
    'Opaque bytes from the server, which the client echoes unchanged in its second ClientHello; a server can keep its state there instead of in memory (RFC 8446, Section 4.2.2).',
  'tls.ext.psk_key_exchange_modes.ke_modes':
    'How a PSK may be used: psk_ke (0) alone, or psk_dhe_ke (1) together with a fresh (EC)DHE exchange, which keeps forward secrecy. Browsers offer only psk_dhe_ke (RFC 8446, Section 4.2.9).',
  'tls.ext.pre_shared_key.identities':
    'The PSKs the client offers, each a ticket from an earlier NewSessionTicket and its obfuscated age (RFC 8446, Section 4.2.11).',
  'tls.ext.pre_shared_key.identity':
    'A ticket as the server issued it: opaque to the client, which only stores it and sends it back.',
  'tls.ext.pre_shared_key.obfuscated_ticket_age':
    'How long the client has held the ticket, in milliseconds, plus the ticket’s ticket_age_add (mod 2^32), so observers cannot link connections by the age (RFC 8446, Section 4.2.11.1).',
  'tls.ext.pre_shared_key.binders':
    'One binder per offered PSK, in the same order. The binders are the last bytes of the ClientHello: each one is an HMAC over everything before them (RFC 8446, Section 4.2.11.2).',
  'tls.ext.pre_shared_key.binder':
    'HMAC(finished key of binder_key, hash of the truncated ClientHello): proves the client holds this PSK and binds it to this ClientHello. The Keys tab shows how it is computed.',
  'tls.ext.pre_shared_key.selected_identity':
    'Which of the client’s PSKs the server accepted, counted from 0. Its absence in ServerHello means a full handshake (RFC 8446, Section 4.2.11).',
  'tls.ext.early_data.max_early_data_size':
    'In a NewSessionTicket: how many bytes of 0-RTT data the client may send when it resumes with this ticket (RFC 8446, Section 4.2.10).',
  'tls.encrypted_extensions.extensions':
    'The server’s extensions that need no part in the key exchange (ALPN, server_name, supported_groups, …), now encrypted (RFC 8446, Section 4.3.1).',
  'tls.certificate13.certificate_request_context':
    'Empty in the server’s Certificate; when a client answers a CertificateRequest, the context copied from that request, so the two can be matched (RFC 8446, Section 4.4.2).',
  'tls.certificate13.certificate_list':
    'The chain, leaf first, each entry a certificate (3-byte length) followed by that certificate’s own extensions (RFC 8446, Section 4.4.2).',
  'tls.certificate.certificate':
    'One X.509 certificate in DER: subject, issuer, validity, public key, extensions such as the names it is valid for, and the issuer’s signature over all of it.',
  'tls.certificate13.extensions':
    'This certificate’s extensions, such as a stapled OCSP response (status_request) or SCTs; often empty (RFC 8446, Section 4.4.2).',
  'tls.certificate_verify.algorithm':
    'The signature scheme, one the peer listed in signature_algorithms. TLS 1.3 allows only RSA-PSS for RSA keys (never PKCS#1 v1.5), and an ECDSA scheme names its curve (RFC 8446, Section 4.4.3).',
  'tls.certificate_verify.signature':
    'The signature over 64 spaces, the context string (“TLS 1.3, server CertificateVerify”), a zero byte and the transcript hash. The padding and the context make sure a TLS 1.3 signature can never be replayed elsewhere (RFC 8446, Section 4.4.3).',
  'tls.new_session_ticket13.ticket_lifetime':
    'How many seconds the ticket may be used, at most 7 days (604800) (RFC 8446, Section 4.6.1).',
  'tls.new_session_ticket13.ticket_age_add':
    'A random 32-bit value the client adds to the ticket’s age when it offers it, so the age on the wire looks random (RFC 8446, Section 4.6.1).',
  'tls.new_session_ticket13.ticket_nonce':
    'A value unique to this ticket: the PSK is HKDF-Expand-Label(resumption_master_secret, “resumption”, ticket_nonce, …), so each ticket of the connection gets a different PSK.',
  'tls.new_session_ticket13.ticket':
    'The ticket: the server’s encrypted record of the PSK and its parameters, opaque to the client, which sends it back in pre_shared_key.',
  'tls.new_session_ticket13.extensions':
    'The ticket’s extensions; early_data here allows 0-RTT data with this ticket.',
  'tls.key_update.request_update':
    'update_requested (1) asks the peer to update its own sending keys too and answer with a KeyUpdate; update_not_requested (0) updates only the sender (RFC 8446, Section 4.6.3).',
};

/**
 * TCP control segments, by what they do in their connection (model/message.ts, classifyTcp):
 * the three-way handshake, the close, an abort, and the health checker's probes.
 */
const tcp = {
  syn: 'The {from} opens a TCP connection to {destination}: a SYN segment, the first of the three-way handshake (RFC 9293, Section 3.5). It carries no data, only the sender’s initial sequence number ({seq}), picked at random so an old or forged segment is unlikely to fit the new connection.',
  synProbe:
    'A health-check probe. To learn whether the {to} is up, the {from} tries to open a TCP connection to {destination}: a SYN. If something listens there, a SYN-ACK comes back within the check’s ten seconds and the probe passes; if nothing answers, the probe fails.',
  synLost:
    'This SYN never arrives: the {to} is down, so nothing answers and no SYN-ACK comes back. The sender waits for its retransmission timeout (1 s, then doubling, RFC 6298) and sends the SYN again; a health checker counts the probe as failed once its ten seconds are up.',
  synAck:
    'The {from} accepts the connection: SYN-ACK both acknowledges the SYN (acknowledgment number {ack}: the other side’s initial sequence number plus one, because a SYN counts as one byte) and carries the {from}’s own initial sequence number ({seq}). This is the second step of the three-way handshake.',
  ackOpen:
    'The {from} acknowledges the SYN-ACK: the third and last step of the three-way handshake. Both sides now know each other’s sequence numbers and the connection is established; the very next segment can carry data, here the TLS ClientHello.',
  ackProbe:
    'The {from} completes the handshake: the {to} is up, so the probe passed. The health checker needs nothing more from this connection than the fact that it opened.',
  ackClose:
    'The {from} acknowledges the {to}’s FIN. Both directions are now closed; the side that sent the first FIN waits a while (TIME-WAIT) so that a late segment of this connection cannot be mistaken for part of a new one (RFC 9293, Section 3.6).',
  ack: 'The {from} acknowledges what it has received from the {to}, up to byte {ack}. An ACK without data or other flags only moves the acknowledgment forward.',
  fin: 'The {from} has nothing more to send: FIN closes its direction of the connection (RFC 9293, Section 3.6), and its ACK flag acknowledges everything it received. The other side still may send; it closes its own direction with a FIN of its own, and each FIN is acknowledged.',
  rstProbe:
    'The {from} aborts the connection it has just opened with a RST instead of closing it with FIN (RFC 9293, Section 3.10.5): it only wanted to know that the {to} answers. A RST frees both sides at once, so a probe every few seconds leaves no connection open.',
  rst: 'The {from} aborts the connection with RST: no more data in either direction, and nothing that was still in flight is delivered (RFC 9293, Section 3.10.5).',
};

/**
 * Every scenario's lesson but the default's (en.ts has that one, and every title, for the
 * picker): the lab's, and the other scenarios' of the catalog, which come with this part when the
 * page shows one of them.
 */
const scenarios: Readonly<Record<string, { lesson: string }>> = Object.fromEntries(
  Object.entries({
    ...SCENARIO_LESSONS,
    ...LAB_LESSONS,
    ...DNS_LAB_LESSONS,
    'journey-visit': JOURNEY_LESSON,
  }).map(([id, lesson]) => [id, { lesson }]),
);

export const enLab = { lab, notes, spans, scenarios, tcp };

/**
 * The Export and share panel, and the negotiation report of a `tls probe --json` file opened
 * through its Import, in English: fetched with the panel or the report's view (src/ui/lazy.ts),
 * not before the first drawing; ./index.ts merges it into the English table (en.ts), and the
 * Korean table (ko.ts) holds all of it.
 */
const ui = {
  // The Export and share panel (src/ui/share/SharePanel.tsx) and the diagram it exports.
  downloadPcap: 'Download pcap',
  downloadKeylog: 'Download key log',
  pcapHelp:
    'A classic pcap of this run (Ethernet, IPv4, TCP or UDP). Open it in Wireshark together with the key log (Preferences → Protocols → TLS → (Pre)-Master-Secret log filename) to see the decrypted HTTP.',
  noKeys: 'This run has no TLS keys to log.',
  downloadSvg: 'Download diagram (SVG)',
  downloadPng: 'Download diagram (PNG)',
  exportTrace: 'Export trace (JSON)',
  importTrace: 'Import trace (JSON)…',
  copyLink: 'Copy link',
  linkCopied: 'Link copied.',
  linkLabel: 'Link to this message',
  exportBusy: 'Preparing {what}…',
  exportFailed: 'Could not prepare {what}: {reason}',
  diagramExportTitle: '{title} · seed {seed}',
  legend: 'Legend',
  legendPlain: 'Plaintext message',
  legendEncrypted: 'Encrypted message',
  legendWarning: 'Warning alert',
  legendFatal: 'Fatal alert or lost message',
  legendCache: 'Answered from a cache',
  legendState: 'State of a lane',

  // The negotiation report.
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
  reportNoExchanges:
    'Each probe’s ClientHello and the server’s answer were not recorded in this file. Run `tls probe HOST:PORT --json --exchanges` to record them.',
  reportSignatureAlgorithms: 'Signature algorithms (TLS 1.2)',
  reportExchangeList: 'Probes, in the order sent',
  reportExchangeItem: '{n}. {version}, {offered}: {answer}',
  reportExchangeMessages: 'Messages of probe {n}',
  reportProbeNumber: 'Probe {n}',
  reportAnswerHello: '{message}, {suite}',
  reportAnswerAlert: 'Alert {description}',
  reportClosed: 'connection closed',
  reportUndecodable: 'not TLS records',
};

export const enReport = { ui };

/**
 * `tls probe --json`: the probe's findings in exactly the shape issue 14 gives, so scripts can rely
 * on its keys. What the app's negotiation report shows beyond that (every connection's
 * ClientHello and answer, whose group order wins, the signature algorithms) comes only with
 * `--exchanges`, as four more top-level keys after the same ones.
 */
import type {
  ProbeJson,
  ProbeVersionResult as ProbeJsonVersion,
} from '../../../engine/scenarios/probe-json';
import type { ProbeExchange, ProbeReport, VersionName } from './probe';

export type { ProbeJson, ProbeJsonVersion };

/** `--json --exchanges`: the same keys, then what the negotiation report's probe list needs. */
export interface ProbeJsonWithExchanges extends ProbeJson {
  groupOrder: 'server' | 'client' | null;
  signatureAlgorithms: string[];
  connections: number;
  exchanges: ProbeExchange[];
}

export function probeJson(r: ProbeReport): ProbeJson;
export function probeJson(r: ProbeReport, exchanges: true): ProbeJsonWithExchanges;
export function probeJson(r: ProbeReport, exchanges = false): ProbeJson | ProbeJsonWithExchanges {
  const versions = {} as Record<VersionName, ProbeJsonVersion>;
  for (const [name, v] of Object.entries(r.versions) as [VersionName, ProbeJsonVersion][]) {
    // With one suite there is no order to see, so `order` is left out rather than guessed.
    versions[name] = v.accepted
      ? { accepted: true, suites: v.suites ?? [], ...(v.order ? { order: v.order } : {}) }
      : { accepted: false };
  }
  const c = r.certificate;
  const json: ProbeJson = {
    target: r.target,
    versions,
    groups: r.groups,
    extendedMasterSecret: r.extendedMasterSecret,
    secureRenegotiation: r.secureRenegotiation,
    sessionTicket: r.sessionTicket,
    alpn: r.alpn,
    ocspStapling: r.ocspStapling,
    certificate:
      c === null
        ? null
        : { subject: c.subject, issuer: c.issuer, chainLength: c.chainLength, valid: c.valid },
  };
  if (!exchanges) return json;
  return {
    ...json,
    groupOrder: r.groupOrder,
    signatureAlgorithms: r.signatureAlgorithms,
    connections: r.connections,
    exchanges: r.exchanges,
  };
}

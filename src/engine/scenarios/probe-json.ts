/**
 * A `tls probe --json` report (issue 14), read for the app's Import: the versions a server accepts,
 * the suites of each in the order found, whose order wins, the groups, the extensions and the
 * certificate. The file is the probe's own JSON, not a trace: it has no `format` field. Reading
 * checks every field the negotiation report shows and refuses the rest with a reason.
 *
 * `tls probe --json` writes exactly the keys. `tls probe --json --exchanges` adds
 * `groupOrder`, `signatureAlgorithms`, `connections` and `exchanges`: each probe's ClientHello and
 * the server's answer (ServerHello flight or alert) as hex, for the inspector. Both open; the added
 * keys are read when present.
 *
 * What a probe could not see is null, as `tls probe` writes it: the order of a version with one
 * suite, and, from a server that speaks only TLS 1.3, the extensions and the certificate (they come
 * encrypted, RFC 8446, Section 4.3).
 */
import { HexError, fromHex } from '../bytes/hex';

export const PROBE_VERSIONS = ['TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type ProbeVersion = (typeof PROBE_VERSIONS)[number];

export interface ProbeVersionResult {
  accepted: boolean;
  /** IANA names, in the server's order when `order` is "server". */
  suites?: string[];
  /** Absent when fewer than two suites were accepted: no order to see. */
  order?: 'server' | 'client';
}

export interface ProbeExchange {
  version: ProbeVersion;
  /** What the probe asked, e.g. the suite it offered alone; free text from the probe. */
  offered: string;
  clientHello: Uint8Array;
  /** The server's bytes: its ServerHello flight, or an alert record; empty if it closed. */
  answer: Uint8Array;
}

/** What `tls probe --json` prints: exactly the keys. */
export interface ProbeJson {
  target: string;
  versions: Record<ProbeVersion, ProbeVersionResult>;
  groups: string[];
  /** null: not seen (TLS 1.3 only). */
  extendedMasterSecret: boolean | null;
  secureRenegotiation: boolean | null;
  sessionTicket: boolean | null;
  alpn: string[];
  ocspStapling: boolean | null;
  /** null: not seen (TLS 1.3 only: the certificate comes encrypted). */
  certificate: { subject: string; issuer: string; chainLength: number; valid: boolean } | null;
}

/** The report as read: the JSON, and what `--json --exchanges` adds when present. */
export interface ProbeReport extends ProbeJson {
  /** Whose preference picks the group, when two or more were found. */
  groupOrder?: 'server' | 'client';
  /** The TLS 1.2 ServerKeyExchange signature algorithms seen. */
  signatureAlgorithms?: string[];
  exchanges?: ProbeExchange[];
}

export type ProbeResult = { ok: true; report: ProbeReport } | { ok: false; detail: string };

class Invalid extends Error {}
type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
function record(v: unknown, at: string): Json {
  if (!isRecord(v)) throw new Invalid(`${at} is not an object`);
  return v;
}
function text(v: unknown, at: string): string {
  if (typeof v !== 'string') throw new Invalid(`${at} is not text`);
  return v;
}
function flag(v: unknown, at: string): boolean {
  if (typeof v !== 'boolean') throw new Invalid(`${at} is not true or false`);
  return v;
}
function flagOrNull(v: unknown, at: string): boolean | null {
  if (v === null) return null;
  if (typeof v !== 'boolean') throw new Invalid(`${at} is not true, false or null`);
  return v;
}
function texts(v: unknown, at: string): string[] {
  if (!Array.isArray(v)) throw new Invalid(`${at} is not a list`);
  return v.map((x, i) => text(x, `${at}[${i}]`));
}
function hex(v: unknown, at: string): Uint8Array {
  try {
    return fromHex(text(v, at));
  } catch (e) {
    if (e instanceof HexError) throw new Invalid(`${at} is not hex`);
    throw e;
  }
}

/** Whether a parsed JSON value looks like a probe report rather than something else. */
export function looksLikeProbe(raw: unknown): boolean {
  return isRecord(raw) && !('format' in raw) && 'target' in raw && 'versions' in raw;
}

export function parseProbeJson(raw: unknown): ProbeResult {
  try {
    return { ok: true, report: readReport(record(raw, 'the file')) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, detail: e.message };
    throw e;
  }
}

function readReport(raw: Json): ProbeReport {
  const target = text(raw['target'], 'target');
  const v = record(raw['versions'], 'versions');
  const versions = {} as Record<ProbeVersion, ProbeVersionResult>;
  for (const name of PROBE_VERSIONS) {
    const at = `versions.${name}`;
    const r = record(v[name], at);
    const result: ProbeVersionResult = { accepted: flag(r['accepted'], `${at}.accepted`) };
    if (r['suites'] !== undefined) result.suites = texts(r['suites'], `${at}.suites`);
    if (r['order'] !== undefined && r['order'] !== null) {
      if (r['order'] !== 'server' && r['order'] !== 'client')
        throw new Invalid(`${at}.order is not "server" or "client"`);
      result.order = r['order'];
    }
    versions[name] = result;
  }
  const report: ProbeReport = {
    target,
    versions,
    groups: texts(raw['groups'], 'groups'),
    extendedMasterSecret: flagOrNull(raw['extendedMasterSecret'], 'extendedMasterSecret'),
    secureRenegotiation: flagOrNull(raw['secureRenegotiation'], 'secureRenegotiation'),
    sessionTicket: flagOrNull(raw['sessionTicket'], 'sessionTicket'),
    alpn: texts(raw['alpn'], 'alpn'),
    ocspStapling: flagOrNull(raw['ocspStapling'], 'ocspStapling'),
    certificate: raw['certificate'] === null ? null : readCertificate(raw['certificate']),
  };
  const groupOrder = raw['groupOrder'];
  if (groupOrder !== undefined && groupOrder !== null) {
    if (groupOrder !== 'server' && groupOrder !== 'client')
      throw new Invalid('groupOrder is not "server", "client" or null');
    report.groupOrder = groupOrder;
  }
  if (raw['signatureAlgorithms'] !== undefined)
    report.signatureAlgorithms = texts(raw['signatureAlgorithms'], 'signatureAlgorithms');
  if (raw['exchanges'] !== undefined) {
    if (!Array.isArray(raw['exchanges'])) throw new Invalid('exchanges is not a list');
    report.exchanges = raw['exchanges'].map((x, i) => {
      const at = `exchanges[${i}]`;
      const e = record(x, at);
      const version = e['version'];
      if (!PROBE_VERSIONS.includes(version as ProbeVersion))
        throw new Invalid(`${at}.version is not one of ${PROBE_VERSIONS.join(', ')}`);
      return {
        version: version as ProbeVersion,
        offered: text(e['offered'], `${at}.offered`),
        clientHello: hex(e['clientHello'], `${at}.clientHello`),
        answer: hex(e['answer'], `${at}.answer`),
      };
    });
  }
  return report;
}

function readCertificate(raw: unknown): NonNullable<ProbeReport['certificate']> {
  const c = record(raw, 'certificate');
  const chainLength = c['chainLength'];
  if (typeof chainLength !== 'number' || !Number.isInteger(chainLength) || chainLength < 0)
    throw new Invalid('certificate.chainLength is not a count');
  return {
    subject: text(c['subject'], 'certificate.subject'),
    issuer: text(c['issuer'], 'certificate.issuer'),
    chainLength,
    valid: flag(c['valid'], 'certificate.valid'),
  };
}

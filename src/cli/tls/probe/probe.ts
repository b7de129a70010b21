/**
 * What a server accepts, found the way sslscan and nmap's ssl-enum-ciphers find it: offer
 * everything, note what the server chose, take that out and offer the rest again, until it
 * refuses. Whose preference wins is seen by offering two accepted values in both orders.
 */
import { faultText } from '../../../i18n/tls-failure';
import { toHex } from '../../../engine/bytes/hex';
import {
  validateChain,
  summarizeCertificate,
  type CertSummary,
} from '../../../engine/tls/certificates';
import { IANA_TLS12_SUITES, IANA_TLS13_SUITES, ianaSuiteName } from './iana-suites';
import {
  PROBE_GROUPS,
  PROBE_SIGNATURE_SCHEMES,
  TLS10,
  TLS11,
  TLS12,
  TLS13,
  clientHelloRecord,
  extensionData,
  probeOnce,
  type HelloSpec,
  type ProbeAnswer,
} from './wire';

export type VersionName = 'TLSv1.0' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
const VERSIONS: readonly [VersionName, HelloSpec['version']][] = [
  ['TLSv1.0', TLS10],
  ['TLSv1.1', TLS11],
  ['TLSv1.2', TLS12],
  ['TLSv1.3', TLS13],
];

export interface VersionResult {
  accepted: boolean;
  suites?: string[];
  /** null when fewer than two suites are accepted, so no order can be seen. */
  order?: 'server' | 'client' | null;
}

export interface ProbeReport {
  target: string;
  versions: Record<VersionName, VersionResult>;
  groups: string[];
  /** Whether the server picks the group by its own preference; null if it cannot be seen. */
  groupOrder: 'server' | 'client' | null;
  signatureAlgorithms: string[];
  /** Seen in a TLS 1.0-1.2 ServerHello; null when the server speaks only TLS 1.3. */
  extendedMasterSecret: boolean | null;
  secureRenegotiation: boolean | null;
  sessionTicket: boolean | null;
  alpn: string[];
  ocspStapling: boolean | null;
  certificate: {
    subject: string;
    issuer: string;
    chainLength: number;
    valid: boolean;
    validationError?: string;
    notBefore: string;
    notAfter: string;
    key: string;
    san: string[];
    chain: { subject: string; issuer: string }[];
  } | null;
  connections: number;
  /**
   * Every connection's ClientHello and the server's answer (its ServerHello flight or alert, as
   * received), in the order sent, so the app can show each pair in its inspector.
   */
  exchanges: ProbeExchange[];
}

export interface ProbeExchange {
  version: VersionName;
  /** What this hello varied: the suites, groups, signature algorithms or ALPN it offered. */
  offered: string;
  /** The ClientHello record, as hex. */
  clientHello: string;
  /** The server's records up to its ServerHello flight or alert, as hex; empty if none came. */
  answer: string;
}

export interface ProbeOptions {
  host: string;
  port: number;
  serverName: string;
  trustAnchors: readonly Uint8Array[];
  timeoutMs: number;
  maxConnections: number;
  now: number;
  progress: (line: string) => void;
}

/** How many suites one hello offers when the whole registry is not answered. */
const CHUNK = 64;

const soFar = (n: number) => `${n} ${n === 1 ? 'connection' : 'connections'} so far`;

/** RFC 5246, Section 7.2.2: decode_error (50), illegal_parameter (47), record_overflow (22), internal_error (80). */
const CHOKE_ALERTS: ReadonlySet<number> = new Set([22, 47, 50, 80]);

function choked(a: ProbeAnswer): boolean {
  if (a.kind === 'alert') return CHOKE_ALERTS.has(a.description);
  return a.kind === 'closed' || a.kind === 'reset' || a.kind === 'garbled';
}

/** A connection ended without a TLS answer: one line says how, and the probe stops. */
export class ProbeFailure extends Error {}

function describeFailure(a: ProbeAnswer, target: string, timeoutMs: number): string | undefined {
  switch (a.kind) {
    case 'timeout':
      return `${target} did not answer the ClientHello within ${timeoutMs / 1000} s`;
    case 'closed':
      return `${target} closed the connection without answering the ClientHello`;
    case 'reset':
      return `${target} reset the connection (${a.code})`;
    case 'refused':
      return `cannot connect to ${target} (${a.code})`;
    case 'garbled':
      return `${target} does not answer in TLS: ${a.reason}`;
    default:
      return undefined;
  }
}

export async function probe(opts: ProbeOptions): Promise<ProbeReport> {
  const target = `${opts.host}:${opts.port}`;
  let connections = 0;
  let anyHello = false;
  let lastFailure: string | undefined;
  const exchanges: ProbeExchange[] = [];
  const ask = async (
    spec: Omit<HelloSpec, 'serverName'>,
    offered: string,
  ): Promise<ProbeAnswer> => {
    if (connections >= opts.maxConnections)
      throw new ProbeFailure(`stopped after ${opts.maxConnections} connections (the cap)`);
    connections++;
    const hello = clientHelloRecord({ ...spec, serverName: opts.serverName });
    const { answer, received } = await probeOnce(opts.host, opts.port, hello, opts.timeoutMs);
    exchanges.push({
      version: VERSIONS.find(([, v]) => v === spec.version)![0],
      offered,
      clientHello: toHex(hello),
      answer: toHex(received),
    });
    if (answer.kind === 'hello') anyHello = true;
    const failure = describeFailure(answer, target, opts.timeoutMs);
    // A server that never answers, or cannot be reached, will not do better for another hello.
    // One that closes or resets may be refusing only this version, so that waits for the end of
    // the version probes; after any ServerHello, it is a refusal like an alert.
    if (failure !== undefined && !anyHello) {
      if (answer.kind === 'timeout' || answer.kind === 'refused') throw new ProbeFailure(failure);
      lastFailure = failure;
    }
    return answer;
  };
  const allGroups = [...PROBE_GROUPS.keys()];
  const versions = {} as Record<VersionName, VersionResult>;
  const chosen = (a: ProbeAnswer, v: number): number | undefined =>
    a.kind === 'hello' && a.version === v ? a.serverHello.cipherSuite : undefined;
  let tls12Answer: (ProbeAnswer & { kind: 'hello' }) | undefined;
  let tls12Version = 0;

  for (const [name, v] of VERSIONS) {
    opts.progress(`probing ${name} (${soFar(connections)})`);
    const registry = v === TLS13 ? IANA_TLS13_SUITES : IANA_TLS12_SUITES;
    const remaining = [...registry.keys()];
    const spec = (suites: number[]): Omit<HelloSpec, 'serverName'> => ({
      version: v,
      suites,
      groups: allGroups,
      keyShareX25519: true,
    });
    // Offers `offer`, takes out each suite the server picks, and offers the rest again.
    const eliminate = async (offer: number[]): Promise<{ found: number[]; last: ProbeAnswer }> => {
      const picked: number[] = [];
      let rest = [...offer];
      let last: ProbeAnswer = { kind: 'closed' };
      while (rest.length > 0) {
        last = await ask(spec(rest), suitesOffered(rest));
        const suite = chosen(last, v);
        if (suite === undefined || !rest.includes(suite)) break;
        if (v !== TLS13 && last.kind === 'hello' && !last.helloRetry) {
          tls12Answer = last;
          tls12Version = v;
        }
        picked.push(suite);
        rest = rest.filter((s) => s !== suite);
      }
      return { found: picked, last };
    };
    const whole = await eliminate(remaining);
    let found = whole.found;
    // Some servers choke on a ClientHello of several hundred suites (it is ~700 bytes of them)
    // rather than refuse it; sslscan and nmap then offer the registry in chunks, and so do we.
    if (found.length === 0 && remaining.length > CHUNK && choked(whole.last)) {
      opts.progress(`${name}: the full list was not answered; offering it in chunks of ${CHUNK}`);
      for (let i = 0; i < remaining.length; i += CHUNK) {
        const chunk = await eliminate(remaining.slice(i, i + CHUNK));
        found.push(...chunk.found);
        // A server that has never answered any hello is not choking on its size.
        if (!anyHello && choked(chunk.last)) break;
      }
      // Chunks find the suites but not their order across chunks: ask again with only those.
      if (found.length >= 2) found = (await eliminate(found)).found;
    }
    if (found.length === 0) {
      versions[name] = { accepted: false };
      continue;
    }
    let order: 'server' | 'client' | null = null;
    if (found.length >= 2) {
      const [a, b] = [found[0]!, found[1]!];
      const ab = chosen(await ask(spec([a, b]), suitesOffered([a, b])), v);
      const ba = chosen(await ask(spec([b, a]), suitesOffered([b, a])), v);
      order = ab === ba ? 'server' : 'client';
    }
    versions[name] = { accepted: true, suites: found.map(ianaSuiteName), order };
  }
  if (!anyHello && lastFailure !== undefined) throw new ProbeFailure(lastFailure);

  // Groups: TLS 1.3 HelloRetryRequest names the server's pick when no key share fits it
  // (RFC 8446, Section 4.1.4); in TLS 1.2 the ServerKeyExchange's named curve does
  // (RFC 8422, Section 5.4). Each pick is taken out and the rest offered again.
  opts.progress(`probing groups (${soFar(connections)})`);
  const groupPick = async (groups: number[]): Promise<number | undefined> => {
    if (versions['TLSv1.3'].accepted) {
      const a = await ask(
        { version: TLS13, suites: [...IANA_TLS13_SUITES.keys()], groups },
        groupsOffered(groups),
      );
      if (a.kind !== 'hello') return undefined;
      const ks = extensionData(a.serverHello, 51);
      return ks && ks.length >= 2 ? (ks[0]! << 8) | ks[1]! : undefined;
    }
    if (tls12Version === 0) return undefined;
    const ecdhe = [...IANA_TLS12_SUITES]
      .filter(([, n]) => n.startsWith('TLS_ECDHE_'))
      .map(([c]) => c);
    const a = await ask(
      { version: tls12Version as HelloSpec['version'], suites: ecdhe, groups },
      groupsOffered(groups),
    );
    if (a.kind !== 'hello' || a.version !== tls12Version || !a.serverKeyExchange) return undefined;
    const ske = a.serverKeyExchange;
    // ECParameters: curve_type named_curve(3), NamedCurve (RFC 8422, Section 5.4).
    return ske[0] === 3 ? (ske[1]! << 8) | ske[2]! : undefined;
  };
  const groups: number[] = [];
  let remainingGroups = [...allGroups];
  while (remainingGroups.length > 0) {
    const g = await groupPick(remainingGroups);
    if (g === undefined || !remainingGroups.includes(g)) break;
    groups.push(g);
    remainingGroups = remainingGroups.filter((x) => x !== g);
  }
  let groupOrder: 'server' | 'client' | null = null;
  if (groups.length >= 2) {
    const ab = await groupPick([groups[0]!, groups[1]!]);
    const ba = await groupPick([groups[1]!, groups[0]!]);
    groupOrder = ab === ba ? 'server' : 'client';
  }

  // Signature schemes and the extensions: read from a TLS 1.0-1.2 first flight, the last one
  // whose ServerHello is in the clear. TLS 1.3 encrypts them (RFC 8446, Section 4.3.1).
  opts.progress(`probing extensions and signature algorithms (${soFar(connections)})`);
  const signatureAlgorithms: string[] = [];
  let extendedMasterSecret: boolean | null = null;
  let secureRenegotiation: boolean | null = null;
  let sessionTicket: boolean | null = null;
  let ocspStapling: boolean | null = null;
  const alpn: string[] = [];
  let certificate: ProbeReport['certificate'] = null;
  if (tls12Version !== 0 && tls12Answer) {
    const v = tls12Version as HelloSpec['version'];
    const suites = versions[VERSIONS.find(([, x]) => x === v)![0]].suites!.map(
      (n) => [...IANA_TLS12_SUITES].find(([, m]) => m === n)![0],
    );
    const kx = suites.filter((s) => /_(EC)?DHE_/.test(ianaSuiteName(s)));
    let schemes = [...PROBE_SIGNATURE_SCHEMES.keys()];
    while (v === TLS12 && kx.length > 0 && schemes.length > 0) {
      const a = await ask(
        { version: v, suites: kx, groups: allGroups, schemes },
        `signature algorithms: ${schemes.length}`,
      );
      if (a.kind !== 'hello' || !a.serverKeyExchange) break;
      const scheme = signatureSchemeOf(a.serverKeyExchange);
      if (scheme === undefined || !schemes.includes(scheme)) break;
      signatureAlgorithms.push(PROBE_SIGNATURE_SCHEMES.get(scheme)!);
      schemes = schemes.filter((s) => s !== scheme);
    }
    const sh = tls12Answer.serverHello;
    const has = (kind: string, type?: number): boolean =>
      sh.extensions.some((e) => e.kind === kind || (e.kind === 'unknown' && e.type === type));
    extendedMasterSecret = has('extended_master_secret');
    secureRenegotiation = has('renegotiation_info');
    sessionTicket = has('session_ticket');
    ocspStapling = has('', 5) || tls12Answer.certificateStatus;
    let offer = ['h2', 'http/1.1'];
    while (offer.length > 0) {
      const a = await ask(
        { version: v, suites, groups: allGroups, alpn: offer },
        `ALPN: ${offer.join(', ')}`,
      );
      const picked =
        a.kind === 'hello' ? a.serverHello.extensions.find((e) => e.kind === 'alpn') : undefined;
      const p = picked && picked.kind === 'alpn' ? picked.protocols[0] : undefined;
      if (p === undefined || !offer.includes(p)) break;
      alpn.push(p);
      offer = offer.filter((x) => x !== p);
    }
    if (tls12Answer.certificate)
      certificate = await describeChain(tls12Answer.certificate.certificates, opts);
  }
  return {
    target,
    versions,
    groups: groups.map((g) => PROBE_GROUPS.get(g)!),
    groupOrder,
    signatureAlgorithms,
    extendedMasterSecret,
    secureRenegotiation,
    sessionTicket,
    alpn,
    ocspStapling,
    certificate,
    connections,
    exchanges,
  };
}

/** A hello's suites in a few words: the names when there are two or fewer, else the count. */
function suitesOffered(suites: readonly number[]): string {
  return suites.length <= 2
    ? `suites: ${suites.map(ianaSuiteName).join(', ')}`
    : `suites: ${suites.length}`;
}

function groupsOffered(groups: readonly number[]): string {
  return groups.length <= 2
    ? `groups: ${groups.map((g) => PROBE_GROUPS.get(g) ?? String(g)).join(', ')}`
    : `groups: ${groups.length}`;
}

/**
 * The SignatureAndHashAlgorithm after the key exchange parameters of a ServerKeyExchange
 * (RFC 5246, Section 7.4.3): ECDHE's curve and point (RFC 8422, Section 5.4), or DHE's p, g, Ys.
 */
function signatureSchemeOf(ske: Uint8Array): number | undefined {
  let at: number;
  if (ske[0] === 3 && ske.length > 4) {
    at = 4 + ske[3]!;
  } else {
    at = 0;
    for (let i = 0; i < 3; i++) {
      if (at + 2 > ske.length) return undefined;
      at += 2 + ((ske[at]! << 8) | ske[at + 1]!);
    }
  }
  return at + 2 <= ske.length ? (ske[at]! << 8) | ske[at + 1]! : undefined;
}

function keyOf(s: CertSummary): string {
  if (s.keyType === 'RSA') return `RSA ${s.keyBits ?? '?'}`;
  if (s.keyType === 'EC') return `EC ${s.curve ?? '?'}`;
  return s.keyType;
}

async function describeChain(
  certs: readonly Uint8Array[],
  opts: ProbeOptions,
): Promise<ProbeReport['certificate']> {
  if (certs.length === 0) return null;
  const summaries = certs.map((c) => summarizeCertificate(c));
  const leaf = summaries[0]!;
  const result = await validateChain(certs, {
    hostname: opts.serverName,
    now: opts.now,
    trustAnchors: opts.trustAnchors,
  });
  return {
    subject: leaf.subject,
    issuer: leaf.issuer,
    chainLength: certs.length,
    valid: result.ok,
    ...(result.ok ? {} : { validationError: faultText(result.error) }),
    notBefore: leaf.notBefore,
    notAfter: leaf.notAfter,
    key: keyOf(leaf),
    san: leaf.san,
    chain: summaries.map((s) => ({ subject: s.subject, issuer: s.issuer })),
  };
}

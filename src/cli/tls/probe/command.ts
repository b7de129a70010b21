/**
 * `tls probe HOST:PORT`: which versions, cipher suites, groups, signature schemes and extensions
 * a real server accepts, and whose preference wins. One line per finding, or `--json` in the
 * issue's shape; `--json --exchanges` adds what the app's negotiation report shows per probe.
 */
import { demoTrustAnchors } from '../../../engine/scenarios/tls-demo-config';
import { CliError, parseHostPort, type Args } from '../../args';
import type { Command } from '../../command';
import { err, out } from '../../output';
import { readPemFile } from '../pki-files';
import { probeJson } from './json';
import { probe, ProbeFailure, type ProbeReport, type VersionName } from './probe';

/** Per connection: a server that has not answered a ClientHello by then will not. */
const CONNECTION_TIMEOUT_MS = 5_000;
/** The whole IANA registry is ~320 suites, one connection per accepted one, plus the rest. */
const MAX_CONNECTIONS = 400;

export const probeCommand: Command = {
  protocol: 'tls',
  command: 'probe',
  synopsis:
    "HOST:PORT [--servername NAME] [--cafile PEM] [--json [--exchanges]]   (--json: the issue 14 shape; --exchanges adds each connection's ClientHello and answer, the group order, signature algorithms and connection count, for the app's negotiation report)",
  spec: {
    positional: ['target'],
    values: ['servername', 'cafile'],
    switches: ['json', 'exchanges'],
  },
  run,
};

async function run(args: Args): Promise<number> {
  const { host, port } = parseHostPort(args.positional.target!);
  const json = args.switches.has('json');
  const exchanges = args.switches.has('exchanges');
  if (exchanges && !json) throw new CliError('--exchanges goes with --json', 2);
  const trustAnchors = args.values.cafile
    ? readPemFile(args.values.cafile, 'CA file', 'CERTIFICATE')
    : demoTrustAnchors();
  let report: ProbeReport;
  try {
    report = await probe({
      host,
      port,
      serverName: args.values.servername ?? host,
      trustAnchors,
      timeoutMs: CONNECTION_TIMEOUT_MS,
      maxConnections: MAX_CONNECTIONS,
      now: Date.now(),
      progress: (line) => err(line),
    });
  } catch (e) {
    if (e instanceof ProbeFailure) throw new CliError(e.message);
    throw e;
  }
  if (json) out(JSON.stringify(exchanges ? probeJson(report, true) : probeJson(report)));
  else for (const line of reportLines(report)) out(line);
  const accepted = Object.values(report.versions).some((v) => v.accepted);
  if (!accepted) err(`error: ${report.target} accepted no TLS version from 1.0 to 1.3`);
  return accepted ? 0 : 1;
}

const yesNo = (b: boolean | null): string =>
  b === null ? 'unknown (TLS 1.3 only)' : b ? 'yes' : 'no';

export function reportLines(r: ProbeReport): string[] {
  const lines: string[] = [];
  for (const [name, v] of Object.entries(r.versions) as [
    VersionName,
    ProbeReport['versions'][VersionName],
  ][]) {
    if (!v.accepted) {
      lines.push(`${name}: not accepted`);
      continue;
    }
    const order =
      v.order === null
        ? 'one suite, no order to see'
        : v.order === 'server'
          ? "server's order"
          : "client's order";
    lines.push(`${name}: accepted, ${v.suites!.length} suites, ${order}`);
    for (const s of v.suites!) lines.push(`${name} suite: ${s}`);
  }
  const gOrder =
    r.groupOrder === null
      ? ''
      : r.groupOrder === 'server'
        ? " (server's order)"
        : " (client's order)";
  lines.push(`groups: ${r.groups.join(', ') || 'none seen'}${gOrder}`);
  lines.push(`signature algorithms (TLS 1.2): ${r.signatureAlgorithms.join(', ') || 'none seen'}`);
  lines.push(`extended master secret: ${yesNo(r.extendedMasterSecret)}`);
  lines.push(`secure renegotiation: ${yesNo(r.secureRenegotiation)}`);
  lines.push(`session tickets: ${yesNo(r.sessionTicket)}`);
  lines.push(`ALPN: ${r.alpn.join(', ') || 'none'}`);
  lines.push(`OCSP stapling: ${yesNo(r.ocspStapling)}`);
  const c = r.certificate;
  if (c === null) {
    lines.push('certificate: not seen (sent encrypted in TLS 1.3)');
  } else {
    lines.push(`certificate subject: ${c.subject}`);
    lines.push(`certificate issuer: ${c.issuer}`);
    lines.push(`certificate validity: ${c.notBefore} to ${c.notAfter}`);
    lines.push(`certificate key: ${c.key}`);
    lines.push(`certificate SANs: ${c.san.join(', ') || 'none'}`);
    lines.push(`certificate chain: ${c.chainLength} certificates`);
    lines.push(`certificate valid: ${c.valid ? 'yes' : `no: ${c.validationError ?? ''}`}`);
  }
  lines.push(`connections: ${r.connections}`);
  return lines;
}

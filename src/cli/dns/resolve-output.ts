/** The text `dns resolve` prints: records as dig prints them, and one `--verbose` line per step. */
import {
  className,
  formatRData,
  typeName,
  type Peer,
  type PlainMessage,
  type PlainRecord,
  type ResourceRecord,
} from '../../engine/dns';
import type { TraceEvent } from '../../engine/trace';
import { formatSocketAddress } from './addresses';
import type { TransportEvent } from './socket-transport';

/** `www.example.com.	300	IN	A	192.0.2.1`, tab-separated as dig prints it; no TTL for a question. */
export function recordLine(
  rr: Pick<ResourceRecord, 'name' | 'class' | 'type'> & Partial<ResourceRecord>,
): string {
  const fields = [rr.name.toString()];
  if (rr.ttl !== undefined) fields.push(String(rr.ttl));
  fields.push(className(rr.class), typeName(rr.type));
  if (rr.data) fields.push(formatRData(rr.data));
  return fields.join('\t');
}

const plainLine = (rr: PlainRecord) => [rr.name, rr.ttl, rr.class, rr.type, rr.data].join(' ');
const hex16 = (v: number) => `0x${v.toString(16).padStart(4, '0')}`;

/** One trace event as a `;;` line, or undefined for events the trace leaves out (cache misses). */
export function traceLine(
  event: TraceEvent,
  portFor: (address: string) => number,
): string | undefined {
  switch (event.kind) {
    case 'message': {
      const { server, message } = event.decoded as { server: Peer; message: PlainMessage };
      const where = formatSocketAddress({ host: server.address, port: portFor(server.address) });
      const who = `${where} (${server.name ?? '?'}, zone ${server.zone ?? '?'})`;
      if (!message.flags.qr) {
        const q = message.questions[0];
        return `;; -> query    ${who}: ${q ? `${q.name} ${q.type}` : '(no question)'} id=${hex16(message.id)}`;
      }
      return `;; <- response ${where}: ${responseSummary(event.name, message)} [${event.bytes.length} bytes]`;
    }
    case 'note': {
      const params = Object.entries(event.params ?? {})
        .filter(([k]) => k !== 'ms')
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      return `;; note       ${event.key.replace(/^dns\.note\./, '')}${params ? ' ' + params : ''}`;
    }
    case 'cache':
      // Hits are worth seeing (a delegation reused for a CNAME target); misses and inserts are noise.
      return event.op === 'hit'
        ? `;; cache hit  ${event.cache}: ${event.key}${event.value ? ` (${event.value})` : ''}`
        : undefined;
    default:
      return undefined;
  }
}

function responseSummary(name: string, m: PlainMessage): string {
  const flags = (['aa', 'tc'] as const).filter((f) => m.flags[f]).join(' ');
  const head = `${m.rcode}${flags ? ' ' + flags : ''}`;
  if (name.startsWith('Referral to ')) {
    const glue = new Map<string, string[]>();
    for (const rr of m.additional) {
      if (rr.type === 'A' || rr.type === 'AAAA')
        glue.set(rr.name, [...(glue.get(rr.name) ?? []), rr.data]);
    }
    const servers = m.authority
      .filter((rr) => rr.type === 'NS')
      .map((rr) => `${rr.data} (${glue.get(rr.data)?.join(', ') ?? 'no glue'})`);
    return `${head}, referral to ${name.slice('Referral to '.length)}: ${servers.join(', ')}`;
  }
  if (m.answers.length > 0) return `${head}, answer: ${m.answers.map(plainLine).join('; ')}`;
  const soa = m.authority.find((rr) => rr.type === 'SOA');
  const negative =
    m.rcode === 'NXDOMAIN' ? 'name does not exist' : m.rcode === 'NOERROR' ? 'no data' : 'failed';
  return `${head}, ${negative}${soa ? `, SOA ${soa.name}` : ''}`;
}

export function transportLine(event: TransportEvent): string {
  if (event.kind === 'truncated')
    return `;; truncated  ${event.server}: TC set in a ${event.bytes}-byte UDP answer, retrying over TCP`;
  return `;; tcp failed ${event.server}: ${event.reason}`;
}

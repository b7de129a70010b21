/**
 * A DNS trace as text, one line per event: the golden files' format, and what `dns resolve
 * --trace` can print. Byte-exact without being unreadable: each message shows its size and the
 * start of its SHA-256.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../bytes';
import type { Trace, TraceEvent } from '../trace';
import type { PlainMessage } from './plain';
import type { Peer } from './messages';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function formatTraceEvent(event: TraceEvent, start: number): string {
  const t = `+${String(event.t - start).padStart(5)} ms`;
  switch (event.kind) {
    case 'message': {
      const { server, message } = event.decoded as { server: Peer; message: PlainMessage };
      const who = server.name ? `${server.name} ${server.address}` : server.address;
      const counts = message.flags.qr
        ? `  an=${message.answers.length} ns=${message.authority.length} ar=${message.additional.length}`
        : '';
      const lost = event.dropped ? '  LOST' : '';
      const digest = toHex(sha256(event.bytes)).slice(0, 12);
      return `${t}  message  ${event.from} -> ${event.to}  ${event.name}  [${who}]  id=${message.id}${counts}  ${event.bytes.length}B sha256:${digest}${lost}`;
    }
    case 'cache': {
      const ttl = event.ttl === undefined ? '' : ` ttl=${event.ttl}`;
      const value = event.value === undefined ? '' : `  (${event.value})`;
      return `${t}  cache    ${pad(event.lane, 18)}  ${event.cache}: ${event.op} ${event.key}${ttl}${value}`;
    }
    case 'note': {
      const params = Object.entries(event.params ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      return `${t}  note     ${pad(event.lane, 18)}  ${event.key}${params ? ' ' + params : ''}`;
    }
    case 'error':
      return `${t}  error    ${event.lane}  ${event.code} ${event.message}`;
    default:
      return `${t}  ${event.kind}`;
  }
}

/** Every event of `trace`, one per line, times relative to the first event (or `start`). */
export function formatDnsTrace(trace: Trace, start = trace.events[0]?.t ?? 0): string {
  return trace.events.map((e) => formatTraceEvent(e, start)).join('\n') + '\n';
}

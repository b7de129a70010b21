/**
 * DNS messages as trace events: real bytes, their spans, a plain decoded view, and a name the
 * diagram's accessible name begins with ("Query www.example.com A", "Referral to com.").
 */
import type { Span } from '../bytes';
import type { MessageEvent, TraceEvent } from '../trace';
import { plainMessage } from './plain';
import { shortQuestion } from './present';
import { rcodeName, type Message } from './types';

export function queryName(message: Message): string {
  const q = message.questions[0];
  return q ? `Query ${shortQuestion(q.name, q.type)}` : 'Query';
}

export function responseName(message: Message, referralZone?: string): string {
  if (referralZone !== undefined) return `Referral to ${referralZone}`;
  const q = message.questions[0];
  const what = q ? ` ${shortQuestion(q.name, q.type)}` : '';
  return `Response${what} ${rcodeName(message.header.rcode)}`;
}

export interface Peer {
  /** The server's name, when known ("a.root-servers.net."). */
  name?: string;
  address: string;
  /** The zone it was asked as an authority for. */
  zone?: string;
}

export function messageEvent(
  sink: { push(event: TraceEvent): void },
  t: number,
  from: string,
  to: string,
  name: string,
  bytes: Uint8Array,
  spans: Span[],
  message: Message,
  peer: Peer,
): MessageEvent {
  const event: MessageEvent = {
    kind: 'message',
    t,
    from,
    to,
    protocol: 'dns',
    name,
    bytes,
    spans,
    decoded: { server: peer, message: plainMessage(message) },
    encrypted: false,
  };
  sink.push(event);
  return event;
}

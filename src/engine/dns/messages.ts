/**
 * DNS messages as trace events: real bytes, their spans, a plain decoded view, and a name the
 * diagram's accessible name begins with ("Query www.example.com A", "Referral to com."). The name
 * is words, so the event carries it as a key too (`label`), for the page to say in its language.
 */
import { DNS_MESSAGE_TEXT_EN, type DnsMessageKey } from '../../i18n/dns-message.en';
import { translate } from '../../i18n/format';
import type { Span } from '../bytes';
import type { MessageEvent, TraceEvent } from '../trace';
import { plainMessage } from './plain';
import { shortQuestion } from './present';
import { rcodeName, type Message } from './types';

/** A message's name as a key of the language tables (src/i18n/dns-message.en.ts). */
export interface MessageLabel {
  key: DnsMessageKey;
  params: Record<string, string>;
}

export function queryLabel(message: Message): MessageLabel {
  const q = message.questions[0];
  return q
    ? { key: 'dns.message.query', params: { question: shortQuestion(q.name, q.type) } }
    : { key: 'dns.message.query_empty', params: {} };
}

export function responseLabel(message: Message, referralZone?: string): MessageLabel {
  if (referralZone !== undefined)
    return { key: 'dns.message.referral', params: { zone: referralZone } };
  const q = message.questions[0];
  const rcode = rcodeName(message.header.rcode);
  return q
    ? { key: 'dns.message.response', params: { question: shortQuestion(q.name, q.type), rcode } }
    : { key: 'dns.message.response_empty', params: { rcode } };
}

/** The label in English: the message's name. */
export function labelName(label: MessageLabel): string {
  return translate(DNS_MESSAGE_TEXT_EN, label.key, label.params);
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
  label: MessageLabel,
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
    name: labelName(label),
    label,
    bytes,
    spans,
    decoded: { server: peer, message: plainMessage(message) },
    encrypted: false,
  };
  sink.push(event);
  return event;
}

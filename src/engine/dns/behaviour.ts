/**
 * Demo servers as wire handlers: an AuthoritativeServer, bent by the server's behaviour
 * (SERVFAIL, lame, record injection). A 'down' server is the network's business: it loses the
 * query before any handler sees it.
 */
import { AuthoritativeServer } from './authoritative';
import { decodeMessage, encodeMessage } from './codec';
import { Rcode, emptyHeader, type Message } from './types';
import type { DemoServer } from './universe';

/**
 * A server on the simulated network: query bytes in, response bytes out (or nothing). `now` is
 * when the query arrived, for servers whose answers change over time (a health-checked failover
 * record); the demo servers ignore it.
 */
export type WireHandler = (query: Uint8Array, now?: number) => Uint8Array | undefined;

export function demoServerHandler(server: DemoServer): WireHandler {
  const authority = new AuthoritativeServer(server.zones);
  const behaviour = server.behaviour;
  switch (behaviour.kind) {
    case 'normal':
      return (query) => authority.handle(query);
    case 'down':
      return () => undefined;
    case 'servfail':
      return (query) =>
        rewrite(query, (response) => ({
          ...response,
          header: { ...response.header, rcode: Rcode.SERVFAIL },
        }));
    case 'lame':
      if (behaviour.mode === 'refused') {
        return (query) =>
          rewrite(query, (r) => ({ ...r, header: { ...r.header, rcode: Rcode.REFUSED } }));
      }
      // NOERROR, no AA, nothing in any section: neither an answer nor a referral.
      return (query) => rewrite(query, (r) => r);
    case 'inject':
      return (query) => {
        const bytes = authority.handle(query);
        if (!bytes) return undefined;
        const { message } = decodeMessage(bytes, { annotate: false });
        message.authority.push(...behaviour.authority);
        message.additional.push(...behaviour.additional);
        return encodeMessage(message, { annotate: false }).bytes;
      };
  }
}

/** An empty response to `query` (same ID and question), shaped by `shape`. */
function rewrite(query: Uint8Array, shape: (response: Message) => Message): Uint8Array | undefined {
  let message: Message;
  try {
    message = decodeMessage(query, { annotate: false }).message;
  } catch {
    return undefined;
  }
  const response: Message = {
    header: { ...emptyHeader(message.header.id), qr: true, rd: message.header.rd },
    questions: message.questions,
    answers: [],
    authority: [],
    additional: [],
  };
  return encodeMessage(shape(response), { annotate: false }).bytes;
}

/**
 * When the capture of a trace begins (./trace-pcap.ts writes it): its first event, or earlier when
 * a TLS connection's TCP handshake, which the trace does not show, goes into the capture before
 * it. addTlsConnection opens such a connection one round trip (TCP_ROUND_TRIP_MS) before its first
 * record; a connection whose SYN the trace shows (the journey) starts at that SYN, an event of
 * the trace. The diagram counts time from here, so a time on screen is the time Wireshark shows
 * as "seconds since the beginning of the capture".
 *
 * A module of its own, without the pcap writer: the store needs it for every run, while the
 * export is loaded only when someone downloads.
 */
import type { Trace } from '../trace';

/** Mirrors tls-pcap.ts's TCP_ROUND_TRIP_MS (a test checks they agree). */
export const HIDDEN_HANDSHAKE_MS = 40;

export function captureStart(trace: Trace): number {
  const first = trace.events[0]?.t ?? 0;
  // Lane pairs whose TCP segments the trace shows: their handshake is already an event.
  const shown = new Set<string>();
  for (const e of trace.events) {
    if (e.kind !== 'message') continue;
    const pair = [e.from, e.to].sort().join('\u0000');
    if (e.protocol === 'tcp') shown.add(pair);
    // The earliest record of a connection without its own SYN is the only one that can start
    // the capture early: every later one is opened later still.
    else if (e.protocol === 'tls' && !shown.has(pair))
      return Math.min(first, e.t - HIDDEN_HANDSHAKE_MS);
  }
  return first;
}

/**
 * The TLS runner draws its two parties on lanes "Client" and "Server". In the journey the client
 * is the browser, so its events move to the Browser lane (the one the DNS lookup started on) and
 * the server's to a lane named after the host. Only lane names change; bytes, times and the order
 * of events are the runner's.
 */
import type { TraceEvent } from '../../trace';

export function relane(event: TraceEvent, lanes: ReadonlyMap<string, string>): TraceEvent {
  const to = (lane: string) => lanes.get(lane) ?? lane;
  switch (event.kind) {
    case 'message':
    case 'alert':
      return { ...event, from: to(event.from), to: to(event.to) };
    case 'state':
    case 'secret':
    case 'cache':
    case 'error':
    case 'note':
      return { ...event, lane: to(event.lane) };
  }
}

/**
 * Which message moved each state machine. A state is named for what it waits for
 * (`ExpectServerHello`), so a machine that leaves `ExpectX` does so because an X
 * arrived: its cause is the latest message named X sent to that lane before the change. The engine
 * logs a peer's changes when it handles a whole flight, after the last message of the flight, so
 * by log order alone the three changes a client makes on NewSessionTicket, ChangeCipherSpec and Finished
 * would all sit after the server's Finished.
 */
import type { MessageEvent, StateEvent } from '../../engine/trace';
import { stepOfEvent, type TraceView } from '../../store/trace-view';

export interface StateChange {
  /** Index of the state event in trace.events. */
  eventIndex: number;
  event: StateEvent;
  /** The message that caused it, as a step; undefined when no message did (a machine's start). */
  causeStep: number | undefined;
  /** The step it belongs to: its cause's, or else the message it was logged after. */
  step: number;
}

/** "Certificate" waits for "Certificate" and for "Certificate (empty)". */
function answers(message: MessageEvent, awaited: string): boolean {
  return message.name === awaited || message.name.startsWith(`${awaited} `);
}

const EXPECT = 'Expect';

export function stateChanges(view: TraceView): StateChange[] {
  const events = view.trace.events;
  const used = new Set<number>();
  const out: StateChange[] = [];
  events.forEach((e, eventIndex) => {
    if (e.kind !== 'state') return;
    let causeStep: number | undefined;
    if (e.from.startsWith(EXPECT)) {
      const awaited = e.from.slice(EXPECT.length);
      for (let i = eventIndex - 1; i >= 0; i--) {
        const m = events[i]!;
        if (m.kind !== 'message' || m.to !== e.lane || used.has(i)) continue;
        if (!answers(m, awaited)) continue;
        used.add(i);
        causeStep = stepOfEvent(view, i);
        break;
      }
    }
    out.push({
      eventIndex,
      event: e,
      causeStep,
      step: causeStep ?? stepOfEvent(view, eventIndex),
    });
  });
  return out;
}

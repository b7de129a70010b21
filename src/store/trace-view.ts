/**
 * A Trace indexed for playback: its messages in order, where each sits among the events, and
 * which events are known at each step. Pure functions only; the store keeps one TraceView per run.
 *
 * A step is a message. At step k the viewer has seen messages 0..k and every event before message
 * k+1: what the engine logged while handling message k (state changes, secrets, cache lookups)
 * is known once k has been sent. A phase boundary (the next lookup, 90 s later) also ends a step:
 * what happens in the next phase before its first message belongs to that message's step.
 */
import type { Phase } from '../engine/scenarios/run-outcome';
import { captureStart } from '../engine/export/capture-start';
import type { MessageEvent, Trace, TraceEvent } from '../engine/trace';

export interface TraceView {
  trace: Trace;
  messages: MessageEvent[];
  /** messageEvents[k] is the index in trace.events of message k. */
  messageEvents: number[];
  /**
   * Where times on screen count from: the start of the trace's capture (captureStart), which is
   * also time 0 of the exported pcap.
   */
  t0: number;
  phases: Phase[];
  protocol: 'tls' | 'dns' | 'mixed' | 'none';
  /** eventStep[i]: the step at which event i becomes known (-1: before the first message). */
  eventStep: Int32Array;
  /** stepLimit[k]: events with a lower index are known at step k. */
  stepLimit: Int32Array;
}

export function indexTrace(trace: Trace, phases: Phase[] = []): TraceView {
  const messages: MessageEvent[] = [];
  const messageEvents: number[] = [];
  trace.events.forEach((e, i) => {
    if (e.kind === 'message') {
      messages.push(e);
      messageEvents.push(i);
    }
  });
  const protocols = new Set(messages.map((m) => (m.protocol === 'dns' ? 'dns' : 'tls')));
  const protocol =
    protocols.size === 0
      ? 'none'
      : protocols.size > 1
        ? 'mixed'
        : protocols.has('dns')
          ? 'dns'
          : 'tls';

  const phaseStarts = new Set(phases.filter((p) => p.eventIndex > 0).map((p) => p.eventIndex));
  const last = messages.length - 1;
  const eventStep = new Int32Array(trace.events.length);
  let current = -1;
  let seen = 0;
  trace.events.forEach((e, i) => {
    if (phaseStarts.has(i)) current = Math.min(seen, last);
    if (e.kind === 'message') current = seen++;
    eventStep[i] = current;
  });
  // eventStep never decreases, so step k ends where the first event of a later step begins.
  const stepLimit = new Int32Array(messages.length).fill(trace.events.length);
  let k = 0;
  eventStep.forEach((stepOfI, i) => {
    while (k < messages.length && stepOfI > k) stepLimit[k++] = i;
  });
  return {
    trace,
    messages,
    messageEvents,
    t0: captureStart(trace),
    phases,
    protocol,
    eventStep,
    stepLimit,
  };
}

/** Events with an index below this are known at `step` (-1: before any message). */
export function eventLimit(view: TraceView, step: number): number {
  if (step < 0) return view.messageEvents[0] ?? view.trace.events.length;
  return view.stepLimit[Math.min(step, view.stepLimit.length - 1)] ?? view.trace.events.length;
}

/** The step at which an event becomes known: usually the last message sent before it, or -1. */
export function stepOfEvent(view: TraceView, eventIndex: number): number {
  return view.eventStep[eventIndex] ?? -1;
}

/** The events known at a step, in order. */
export function eventsUpTo(view: TraceView, step: number): TraceEvent[] {
  return view.trace.events.slice(0, eventLimit(view, step));
}

/** The events logged between message `step` and the next one, with the message itself first. */
export function eventsOfStep(view: TraceView, step: number): TraceEvent[] {
  const start = view.messageEvents[step];
  if (start === undefined) return [];
  // Include what was logged just before the message too (the server's suite choice comes
  // before ServerHello is sent), back to the previous message.
  const previous = step > 0 ? view.messageEvents[step - 1]! + 1 : 0;
  return view.trace.events.slice(previous, eventLimit(view, step));
}

/** Each lane's current state-machine state at a step. */
export function statesAt(view: TraceView, step: number): Map<string, string> {
  const states = new Map<string, string>();
  for (const e of eventsUpTo(view, step)) if (e.kind === 'state') states.set(e.lane, e.to);
  return states;
}

/** The virtual time of a step: when its message was sent. */
export function timeOfStep(view: TraceView, step: number): number {
  const m = view.messages[step];
  return m ? m.t : view.t0;
}

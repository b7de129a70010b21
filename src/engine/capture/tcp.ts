/**
 * TCP reassembly (RFC 9293, Section 3.10.7.4): each direction's bytes in sequence order, whatever
 * order the segments were captured in, each byte taken once even when a retransmission repeats
 * it. A hole (a segment the capture missed) ends the stream there, and says so.
 */
import { TCP_SYN, type TransportPacket } from './packets';

export interface StreamChunk {
  /** Offset in the reassembled stream. */
  start: number;
  end: number;
  time: number;
  frame: number;
}

export interface TcpStream {
  bytes: Uint8Array;
  chunks: StreamChunk[];
  /** Set when a hole stopped the stream: the stream offset where the missing bytes start. */
  gapAt?: number;
  /** Time of the first segment, SYN included. */
  firstTime: number;
}

/** Sequence-space difference a − b, in −2^31..2^31 (RFC 1982 style comparison). */
function seqDiff(a: number, b: number): number {
  return ((a - b) | 0) as number;
}

export function reassemble(segments: readonly TransportPacket[]): TcpStream {
  const firstTime = segments.length > 0 ? Math.min(...segments.map((s) => s.time)) : 0;
  const syn = segments.find((s) => s.flags & TCP_SYN);
  const data = segments.filter((s) => s.payload.length > 0);
  if (data.length === 0) return { bytes: new Uint8Array(0), chunks: [], firstTime };
  // The stream starts after the SYN (which takes one sequence number), or, in a capture that
  // began mid-connection, at the lowest sequence number seen.
  let base = syn ? (syn.seq + 1) >>> 0 : data[0]!.seq;
  if (!syn) for (const s of data) if (seqDiff(s.seq, base) < 0) base = s.seq;
  const placed = data
    .map((s, i) => ({ s, i, rel: seqDiff(s.seq, base) }))
    .sort((a, b) => a.rel - b.rel || a.i - b.i);
  const total = Math.max(...placed.map((p) => p.rel + p.s.payload.length));
  const bytes = new Uint8Array(Math.max(0, total));
  let end = 0;
  let gapAt: number | undefined;
  for (const { s, rel } of placed) {
    if (rel > end) {
      gapAt = end;
      break;
    }
    const segEnd = rel + s.payload.length;
    if (segEnd <= end) continue;
    bytes.set(s.payload.subarray(end - rel), end);
    end = segEnd;
  }
  // Each byte's time is when the first segment carrying it arrived, whatever its order in the
  // stream: a pass in capture order, keeping the stretches no earlier segment covered.
  const chunks: StreamChunk[] = [];
  const covered: [number, number][] = [];
  for (const { s, rel } of [...placed].sort((a, b) => a.s.time - b.s.time || a.i - b.i)) {
    const from = Math.max(0, rel);
    const to = Math.min(end, rel + s.payload.length);
    let at = from;
    for (const [cs, ce] of covered) {
      if (ce <= at) continue;
      if (cs >= to) break;
      if (cs > at) chunks.push({ start: at, end: cs, time: s.time, frame: s.frame });
      at = Math.max(at, ce);
    }
    if (at < to) chunks.push({ start: at, end: to, time: s.time, frame: s.frame });
    if (from < to) mergeInto(covered, from, to);
  }
  chunks.sort((a, b) => a.start - b.start);
  return {
    bytes: bytes.subarray(0, end),
    chunks,
    firstTime,
    ...(gapAt !== undefined ? { gapAt } : {}),
  };
}

/** When the bytes [start, end) had all arrived: the latest of the segments that carried them. */
export function arrivalOf(stream: TcpStream, start: number, end: number): number {
  let t = -Infinity;
  for (const c of stream.chunks) {
    if (c.end <= start) continue;
    if (c.start >= end) break;
    t = Math.max(t, c.time);
  }
  return t === -Infinity ? stream.firstTime : t;
}

/** Adds [from, to) to a sorted list of disjoint intervals, merging what touches it. */
function mergeInto(list: [number, number][], from: number, to: number): void {
  const last = list[list.length - 1];
  // The common case: the stream grows at its end.
  if (!last || last[1] < from) {
    list.push([from, to]);
    return;
  }
  if (last[0] <= from) {
    last[1] = Math.max(last[1], to);
    return;
  }
  const kept = list.filter(([s, e]) => e < from || s > to);
  const merged = list.filter(([s, e]) => !(e < from || s > to));
  const start = Math.min(from, ...merged.map(([s]) => s));
  const stop = Math.max(to, ...merged.map(([, e]) => e));
  kept.push([start, stop]);
  kept.sort((a, b) => a[0] - b[0]);
  list.splice(0, list.length, ...kept);
}

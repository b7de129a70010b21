/**
 * The sequence diagram's geometry: a pure function from a TraceView to positions and paths. No
 * DOM, no React: the diagram component only draws what this returns, and layout.test.ts checks
 * it in Node. d3-scale places the lanes; d3-shape draws the arrow shafts and cache loops.
 *
 * Rows are stacked top to bottom in trace order. A message takes a full row. A state change that a
 * message caused (model/states.ts) sits under that message's tip, on the lane it moved; the others
 * share a thin row across lanes (a new one starts when a lane already has a label in the current
 * one); cache hits, misses and expiries, errors and phase separators get rows of their own. Other
 * events (secrets, notes, cache inserts) have no row: the inspector shows them.
 */
import { scalePoint } from 'd3-scale';
import { curveCatmullRom, line } from 'd3-shape';
import { messageTone, type Tone } from '../model/message';
import { stateChanges, type StateChange } from '../model/states';
import { stepOfEvent, type TraceView } from '../../store/trace-view';
import type { MessageEvent, TraceParams } from '../../engine/trace';

export const LAYOUT = {
  gutter: 76,
  /** Six DNS lanes fit a 1280-pixel projector's diagram area at zoom 1. */
  minLaneGap: 128,
  lanePad: 66,
  widePad: 116,
  padTop: 16,
  padBottom: 40,
  messageRow: 56,
  /** Where the arrow sits within a message row; the label goes above it. */
  arrowOffset: 34,
  /** How far an arrow drops while it travels: time passes on the way. */
  slope: 10,
  stateRow: 28,
  /** Below a message whose arrival moved a state machine: room for the state pill under its tip. */
  causedStateRow: 20,
  /** From an arrow's tip down to the centre of the state pill it caused. */
  causedStateGap: 17,
  cacheRow: 46,
  /** A miss or an expiry: a mark and one line, no loop. */
  cacheNoteRow: 26,
  cacheNoteLine: 17,
  errorRow: 34,
  phaseRow: 48,
  /** Gap between an arrow's tip and the lifeline it points at. */
  tipGap: 3,
  loopWidth: 40,
  loopHeight: 22,
  /** A rough width per character of the state pills' 12px monospace font, for packing without measuring. */
  charWidth: 7.3,
  /**
   * The same for message labels: 15px bold name, then the 12px size. Measured on DejaVu Sans, the
   * widest of the usual sans fonts (Debian's default): at 8.6 a long DNS label spilled into the
   * time gutter.
   */
  labelCharWidth: 10.1,
  sizeCharWidth: 6.6,
} as const;

export interface LaneGeom {
  name: string;
  x: number;
}

export interface ArrowGeom {
  step: number;
  eventIndex: number;
  name: string;
  from: string;
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The shaft, for an SVG path `d`. */
  path: string;
  self: boolean;
  labelX: number;
  /** The label's estimated width, so its highlight can cover it. */
  labelWidth: number;
  labelY: number;
  labelAnchor: 'middle' | 'start';
  /** Milliseconds since the start of the trace. */
  timeMs: number;
  /** When the lookup, connection or visit this message belongs to began (0 for the first). */
  phaseStartMs: number;
  bytes: number;
  encrypted: boolean;
  tone: Tone;
}

export interface StateGeom {
  eventIndex: number;
  step: number;
  lane: string;
  x: number;
  y: number;
  width: number;
  /** The state it moved to. */
  text: string;
  /** The state it left. */
  from: string;
  /** Drawn under the message that caused it (its step). */
  caused: boolean;
}

export interface CacheGeom {
  eventIndex: number;
  step: number;
  lane: string;
  cache: string;
  /** A hit loops back with the answer; a miss goes on asking; an expiry dropped a stale entry. */
  op: 'hit' | 'miss' | 'expire';
  key: string;
  ttl?: number;
  /** For an expiry: how long the cache had kept the entry (its TTL when inserted), in seconds. */
  keptSeconds?: number;
  x: number;
  y: number;
  path: string;
  labelX: number;
  labelY: number;
}

export interface ErrorGeom {
  eventIndex: number;
  step: number;
  lane: string;
  x: number;
  y: number;
  /** A key of the language tables (or, in an older trace, the sentence itself). */
  text: string;
  params?: TraceParams;
}

export interface PhaseGeom {
  eventIndex: number;
  step: number;
  y: number;
  n: number;
  kind: 'lookup' | 'connection' | 'visit';
  timeMs: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  lanes: LaneGeom[];
  arrows: ArrowGeom[];
  states: StateGeom[];
  caches: CacheGeom[];
  errors: ErrorGeom[];
  phases: PhaseGeom[];
  /** The band [top, bottom] of each step's row, for scrolling the current message into view. */
  stepBands: { top: number; bottom: number }[];
}

export interface LayoutOptions {
  /** How many lines an error's note takes (the diagram measures the translated text); 1 if absent. */
  errorLines?: (eventIndex: number) => number;
  /** The height of one line of an error's note. */
  errorLineHeight?: number;
  /** A message's name as the page shows it (translated); the engine's name if absent. */
  title?: (message: MessageEvent) => string;
}

const stateWidth = (text: string): number => text.length * LAYOUT.charWidth + 18;

const shaft = line();
const loop = line().curve(curveCatmullRom.alpha(0.5));

/** Lay out a trace for a drawing area `width` pixels wide (it grows if the lanes need more). */
export function layoutDiagram(
  view: TraceView,
  width: number,
  options: LayoutOptions = {},
): DiagramLayout {
  const L = LAYOUT;
  const laneNames = view.trace.lanes;
  // Few lanes get wide margins, so the outer lanes' headers and state labels stay inside; an
  // outer lane's widest state pill needs half its width on the outer side.
  let widestState = 0;
  for (const e of view.trace.events)
    if (e.kind === 'state') widestState = Math.max(widestState, stateWidth(e.to));
  const pad = Math.max(laneNames.length <= 3 ? L.widePad : L.lanePad, widestState / 2 + 6);
  const needed = L.gutter + pad * 2 + Math.max(0, laneNames.length - 1) * L.minLaneGap;
  const w = Math.max(width, needed);
  const x = scalePoint<string>()
    .domain(laneNames)
    .range([L.gutter + pad, w - pad]);
  if (laneNames.length === 1) x.range([L.gutter + pad, L.gutter + pad]);
  const laneX = (lane: string) => x(lane) ?? L.gutter + pad;

  const out: DiagramLayout = {
    width: w,
    height: 0,
    lanes: laneNames.map((name) => ({ name, x: laneX(name) })),
    arrows: [],
    states: [],
    caches: [],
    errors: [],
    phases: [],
    stepBands: [],
  };

  let y = L.padTop;
  let stateRow: Set<string> | undefined;
  const closeStateRow = () => {
    if (stateRow) y += L.stateRow;
    stateRow = undefined;
  };
  const phaseAt = new Map(view.phases.map((p) => [p.eventIndex, p]));
  let phaseStartMs = 0;
  // The TTL each cache entry was inserted with, so an expiry can say how long it was kept.
  const insertedTtl = new Map<string, number>();
  // The state changes each message caused, by the message's event index.
  const causedBy = new Map<number, StateChange[]>();
  const drawnAtCause = new Set<number>();
  for (const change of stateChanges(view)) {
    if (change.causeStep === undefined) continue;
    const at = view.messageEvents[change.causeStep]!;
    causedBy.set(at, [...(causedBy.get(at) ?? []), change]);
    drawnAtCause.add(change.eventIndex);
  }
  // A pill on an outer lane moves inward rather than run off the drawing.
  const pillX = (lane: string, width: number) =>
    Math.min(Math.max(laneX(lane), L.gutter + width / 2 + 2), w - width / 2 - 2);

  view.trace.events.forEach((e, eventIndex) => {
    const step = stepOfEvent(view, eventIndex);
    const phase = phaseAt.get(eventIndex);
    if (phase && eventIndex > 0) {
      phaseStartMs = e.t - view.t0;
      closeStateRow();
      out.phases.push({
        eventIndex,
        step,
        y: y + L.phaseRow / 2,
        n: phase.n,
        kind: phase.kind,
        timeMs: e.t - view.t0,
      });
      y += L.phaseRow;
    }
    switch (e.kind) {
      case 'message': {
        closeStateRow();
        const self = e.from === e.to;
        const xa = laneX(e.from);
        const xb = laneX(e.to);
        const dir = xb >= xa ? 1 : -1;
        const y1 = y + L.arrowOffset;
        let x2 = self ? xa : xb - dir * L.tipGap;
        const y2 = self ? y1 + L.loopHeight : y1 + L.slope;
        // A lost message stops halfway.
        if (e.dropped && !self) x2 = (xa + xb) / 2;
        const path = self
          ? loop([
              [xa, y1],
              [xa + L.loopWidth * 0.8, y1 + 1],
              [xa + L.loopWidth, y1 + L.loopHeight / 2],
              [xa + L.loopWidth * 0.8, y2 - 1],
              [xa + L.tipGap, y2],
            ])!
          : shaft([
              [xa, y1],
              [x2, y2],
            ])!;
        // Keep the label inside the drawing: centred on the arrow where there is room.
        const name = options.title?.(e) ?? e.name;
        const labelWidth =
          name.length * L.labelCharWidth + (String(e.bytes.length).length + 5) * L.sizeCharWidth;
        const centre = (xa + xb) / 2;
        const labelX = self
          ? xa + L.loopWidth + 8
          : Math.min(w - 6 - labelWidth / 2, Math.max(L.gutter + 6 + labelWidth / 2, centre));
        out.arrows.push({
          step: out.arrows.length,
          eventIndex,
          name,
          from: e.from,
          to: e.to,
          x1: xa,
          y1,
          x2,
          y2,
          path,
          self,
          labelX,
          labelWidth,
          labelY: y1 - 9,
          labelAnchor: self ? 'start' : 'middle',
          timeMs: e.t - view.t0,
          phaseStartMs,
          bytes: e.bytes.length,
          encrypted: e.encrypted,
          tone: messageTone(view, out.arrows.length),
        });
        const caused = causedBy.get(eventIndex) ?? [];
        for (const change of caused) {
          out.states.push({
            eventIndex: change.eventIndex,
            step: change.step,
            lane: change.event.lane,
            x: pillX(change.event.lane, stateWidth(change.event.to)),
            y: y2 + L.causedStateGap,
            width: stateWidth(change.event.to),
            text: change.event.to,
            from: change.event.from,
            caused: true,
          });
        }
        const rowHeight =
          L.messageRow + (self ? L.loopHeight : 0) + (caused.length ? L.causedStateRow : 0);
        out.stepBands.push({ top: y, bottom: y + rowHeight });
        y += rowHeight;
        break;
      }
      case 'state': {
        // Already drawn under the message that caused it.
        if (drawnAtCause.has(eventIndex)) break;
        if (stateRow?.has(e.lane)) closeStateRow();
        stateRow ??= new Set();
        stateRow.add(e.lane);
        out.states.push({
          eventIndex,
          step,
          lane: e.lane,
          x: pillX(e.lane, stateWidth(e.to)),
          y: y + L.stateRow / 2,
          width: stateWidth(e.to),
          text: e.to,
          from: e.from,
          caused: false,
        });
        break;
      }
      case 'cache': {
        const slot = `${e.lane}\u0000${e.cache}\u0000${e.key}`;
        if (e.op === 'insert') {
          if (e.ttl !== undefined) insertedTtl.set(slot, e.ttl);
          break;
        }
        closeStateRow();
        if (e.op !== 'hit') {
          const kept = insertedTtl.get(slot);
          out.caches.push({
            eventIndex,
            step,
            lane: e.lane,
            cache: e.cache,
            op: e.op,
            key: e.key ?? '',
            ...(e.op === 'expire' && kept !== undefined ? { keptSeconds: kept } : {}),
            x: laneX(e.lane),
            y: y + L.cacheNoteRow / 2,
            path: '',
            labelX: laneX(e.lane) + 12,
            labelY: y + L.cacheNoteRow / 2 + 4,
          });
          // An expiry has a second line: why the cache let the entry go.
          y += e.op === 'expire' ? L.cacheNoteRow + L.cacheNoteLine : L.cacheNoteRow;
          break;
        }
        const cx = laneX(e.lane);
        const cy = y + 12;
        out.caches.push({
          eventIndex,
          step,
          lane: e.lane,
          cache: e.cache,
          op: 'hit',
          // Tolerate an event without a key: draw the hit anyway.
          key: e.key ?? '',
          ...(e.ttl !== undefined ? { ttl: e.ttl } : {}),
          x: cx,
          y: cy,
          path: loop([
            [cx, cy],
            [cx + L.loopWidth * 0.8, cy + 1],
            [cx + L.loopWidth, cy + L.loopHeight / 2],
            [cx + L.loopWidth * 0.8, cy + L.loopHeight - 1],
            [cx + L.tipGap, cy + L.loopHeight],
          ])!,
          labelX: cx + L.loopWidth + 8,
          labelY: cy + L.loopHeight / 2 + 4,
        });
        y += L.cacheRow;
        break;
      }
      case 'error': {
        closeStateRow();
        const extra =
          ((options.errorLines?.(eventIndex) ?? 1) - 1) * (options.errorLineHeight ?? 16);
        out.errors.push({
          eventIndex,
          step,
          lane: e.lane,
          x: laneX(e.lane),
          y: y + L.errorRow / 2,
          text: e.message,
          ...(e.params ? { params: e.params } : {}),
        });
        y += L.errorRow + extra;
        break;
      }
      default:
        break;
    }
  });
  closeStateRow();
  out.height = y + L.padBottom;
  return out;
}

/** The arrow's point at progress p (0 at the sender, 1 at the tip), for the travelling packet. */
export function pointAlong(arrow: ArrowGeom, p: number): { x: number; y: number } {
  const t = Math.min(1, Math.max(0, p));
  if (arrow.self) {
    // Out along the top of the loop, down, and back.
    const w = LAYOUT.loopWidth;
    const h = arrow.y2 - arrow.y1;
    const total = w * 2 + h;
    const d = t * total;
    if (d <= w) return { x: arrow.x1 + d, y: arrow.y1 };
    if (d <= w + h) return { x: arrow.x1 + w, y: arrow.y1 + (d - w) };
    return { x: arrow.x1 + w - (d - w - h), y: arrow.y2 };
  }
  return { x: arrow.x1 + (arrow.x2 - arrow.x1) * t, y: arrow.y1 + (arrow.y2 - arrow.y1) * t };
}

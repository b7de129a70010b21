/**
 * The sequence diagram. React draws what layoutDiagram returns; useDiagramZoom owns the pan/zoom
 * transform (event listeners attached in an effect, removed on cleanup) and writes it straight to
 * the DOM, so
 * panning never re-renders the arrows. The current message travels along its arrow on
 * requestAnimationFrame (see usePlaybackClock), or simply appears when motion is reduced.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { stateChanges } from '../model/states';
import { stateText } from '../inspector/ExplainTab';
import { useShallow } from 'zustand/react/shallow';
import {
  selectCursor,
  selectInspected,
  selectSelectionActions,
  selectView,
  useStore,
} from '../../store/store';
import { useReducedMotion, useStrings } from '../hooks';
import { displayName, format, translate, type Strings } from '../i18n';
import { gutterTime, gutterTimeSince, readableTime } from '../i18n/duration';
import { Icon } from '../Icon';
import { messageTitle } from '../i18n/message-title';
import { LAYOUT, layoutDiagram, type ArrowGeom, type DiagramLayout } from './layout';
import { MessageArrow, type StepStatus } from './MessageArrow';
import { diagramFont, fitLaneName, textWidth, wrapText } from './measure';
import { useDiagramZoom } from './useDiagramZoom';
import { Packet } from './Packet';
import { prefetchAll } from '../lazy';
import { selectPresenting } from '../present/selectors';

/** Height of the lane header strip that stays put while the body scrolls, at natural size. */
export const HEADER_HEIGHT = 58;

/**
 * How much larger presentation mode draws the whole diagram: its 15 px message labels become
 * 24 px, and the time gutter, state chips, notes and lane heads grow with them. The lanes are
 * laid out for the width divided by this, so the enlarged diagram still fills the screen.
 */
export const PRESENT_SCALE = 1.6;

/** The error notes' type (app.css .error-mark text) and line height. */
const ERROR_FONT = () => diagramFont(13, 600);
const ERROR_LINE = 16;
/** The cache marks' type (app.css .cache-mark text). */
const CACHE_FONT = () => diagramFont(13, 650);

/** The lane head's state (app.css .lane-state, 11.5 px monospace), smaller if it is too wide. */
function stateFontStyle(state: string, width: number): React.CSSProperties | undefined {
  const natural = textWidth(state, diagramFont(11.5, 400, '--mono'));
  return natural <= width
    ? undefined
    : { fontSize: `${Math.floor((115 * width) / natural) / 10}px` };
}

function useElementSize(ref: React.RefObject<HTMLElement | null>): {
  width: number;
  height: number;
} {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((old) =>
        old.width === Math.round(width) && old.height === Math.round(height)
          ? old
          : { width: Math.round(width), height: Math.round(height) },
      );
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/**
 * The gutter is narrow. A message of a lookup or visit that began later than ten seconds in
 * shows its time from that start (the phase's label gives the start itself), so a lookup an
 * hour later still reads "+12 ms" rather than a rounded hour.
 */
function gutterLabel(units: Strings['units'], a: ArrowGeom): string {
  return a.phaseStartMs >= 10_000
    ? gutterTimeSince(units, a.timeMs - a.phaseStartMs)
    : gutterTime(units, a.timeMs);
}

const statusOf = (step: number, cursor: number): StepStatus =>
  step < cursor ? 'past' : step === cursor ? 'current' : 'future';

export function SequenceDiagram() {
  const t = useStrings();
  const view = useStore(selectView);
  const cursor = useStore(selectCursor);
  const inspected = useStore(selectInspected);
  const { selectMessage } = useStore(useShallow(selectSelectionActions));
  const reduced = useReducedMotion();
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<SVGGElement>(null);
  const size = useElementSize(wrapRef);
  const presenting = useStore(selectPresenting);
  const baseScale = presenting ? PRESENT_SCALE : 1;
  const headerHeight = Math.round(HEADER_HEIGHT * baseScale);

  // Lay out at the width the lanes get at the natural zoom; the layout only grows past it.
  const layoutWidth = Math.max(480, size.width / baseScale);
  // Error notes in the current language, broken into lines that fit the drawing.
  const errorNotes = useMemo(() => {
    const notes = new Map<number, string[]>();
    if (!view) return notes;
    const room = layoutWidth - LAYOUT.gutter - 40;
    view.trace.events.forEach((e, i) => {
      if (e.kind === 'error')
        notes.set(i, wrapText(translate(t.notes, e.message, e.params), room, ERROR_FONT()));
    });
    return notes;
  }, [view, t, layoutWidth]);
  const layout: DiagramLayout | undefined = useMemo(
    () =>
      view
        ? layoutDiagram(view, layoutWidth, {
            errorLines: (i) => errorNotes.get(i)?.length ?? 1,
            errorLineHeight: ERROR_LINE,
            title: (m) => messageTitle(t, m),
          })
        : undefined,
    [view, layoutWidth, errorNotes, t],
  );
  const zoom = useDiagramZoom({
    targetRef: wrapRef,
    viewportRef,
    headRef,
    layout,
    size,
    cursor,
    reduced,
    headerHeight,
    baseScale,
  });

  const laneGap = layout && layout.lanes.length > 1 ? layout.lanes[1]!.x - layout.lanes[0]!.x : 200;
  // A head never reaches past the diagram's edge: the outer lanes sit one pad in from it.
  const edgeRoom = layout?.lanes.length
    ? 2 * (layout.width - layout.lanes[layout.lanes.length - 1]!.x) - 8
    : 200;
  const headWidth = Math.min(200, laneGap - 10, edgeRoom);
  const changes = useMemo(() => (view ? stateChanges(view) : []), [view]);
  // Each lane's state once the current message has arrived: a change counts from its cause.
  const states = useMemo(() => {
    const at = new Map<string, string>();
    for (const c of changes) if (c.step <= cursor) at.set(c.event.lane, c.event.to);
    return at;
  }, [changes, cursor]);
  // The state pill under the pointer or the keyboard focus, whose explanation shows beside it.
  const [tip, setTip] = useState<number | undefined>();
  const tipState = layout?.states.find((s) => s.eventIndex === tip);
  const onSelect = useCallback((step: number) => selectMessage(step), [selectMessage]);

  // Mark the first complete drawing for the benchmark (performance.now() after the next paint),
  // then fetch what the page has not needed yet.
  const drawnRef = useRef(false);
  useEffect(() => {
    if (drawnRef.current || !layout || layout.arrows.length === 0) return;
    drawnRef.current = true;
    requestAnimationFrame(() => {
      svgRef.current?.setAttribute('data-first-draw-ms', String(Math.round(performance.now())));
      void prefetchAll();
    });
  }, [layout]);

  const labels = useMemo(
    () =>
      layout?.arrows.map((a) => {
        const size = format(t.ui.bytesShort, { count: a.bytes });
        const time = readableTime(t.units, a.timeMs);
        // The name starts with what the message shows, in its order ("ClientHello · 230 B, 0 ms"),
        // so a voice-control user can say what they see (WCAG 2.5.3, label-content-name-mismatch).
        const parts = [
          format(t.ui.messageLabel, {
            name: `${a.name} · ${size}, ${time}`,
            from: displayName(t, a.from),
            to: displayName(t, a.to),
          }),
        ];
        if (a.encrypted) parts.push(t.ui.messageEncrypted);
        if (a.tone === 'fatal') parts.push(t.ui.messageFatal);
        if (a.tone === 'dropped') parts.push(t.ui.messageDropped);
        return {
          label: parts.join(', '),
          size,
          time: gutterLabel(t.units, a),
        };
      }) ?? [],
    [layout, t],
  );

  return (
    <div className="diagram" id="diagram">
      <h2 id="diagram-title" className="visually-hidden">
        {t.ui.diagram}
      </h2>
      <div className="zoom-buttons" role="group" aria-label={t.ui.diagram}>
        <button
          type="button"
          className="icon-button small"
          aria-label={t.ui.zoomIn}
          title={t.ui.zoomIn}
          onClick={() => zoom.zoomBy(1.25)}
        >
          <Icon name="plus" size={18} />
        </button>
        <button
          type="button"
          className="icon-button small"
          aria-label={t.ui.zoomOut}
          title={t.ui.zoomOut}
          onClick={() => zoom.zoomBy(0.8)}
        >
          <Icon name="minus" size={18} />
        </button>
        <button
          type="button"
          className="icon-button small"
          aria-label={t.ui.zoomFit}
          title={t.ui.zoomFit}
          onClick={zoom.fit}
        >
          <Icon name="fit" size={18} />
        </button>
      </div>
      <div className="diagram-canvas" ref={wrapRef}>
        {layout && view && (
          <>
            <div className="diagram-viewport" ref={viewportRef}>
              <svg
                ref={svgRef}
                className="diagram-svg"
                width={layout.width}
                height={layout.height}
                role="group"
                aria-label={t.ui.diagram}
                aria-describedby="diagram-help"
                data-messages={layout.arrows.length}
              >
                <Defs />
                <g className="lifelines" aria-hidden="true">
                  {layout.lanes.map((lane) => (
                    <line
                      key={lane.name}
                      className="lifeline"
                      x1={lane.x}
                      x2={lane.x}
                      y1={0}
                      y2={layout.height}
                    />
                  ))}
                  <line
                    className="gutter-rule"
                    x1={LAYOUT.gutter}
                    x2={LAYOUT.gutter}
                    y1={0}
                    y2={layout.height}
                  />
                </g>
                {layout.phases.map((p) => (
                  <g key={`phase-${p.eventIndex}`} className="phase" aria-hidden="true">
                    <line x1={0} x2={layout.width} y1={p.y} y2={p.y} />
                    <text x={LAYOUT.gutter + 8} y={p.y - 8}>
                      {p.kind === 'connection'
                        ? format(t.ui.connectionLabel, { n: p.n })
                        : format(p.kind === 'visit' ? t.lab.visitLabel : t.ui.phaseLabel, {
                            n: p.n,
                            time: readableTime(t.units, p.timeMs),
                          })}
                    </text>
                  </g>
                ))}
                {layout.states.map((s) => (
                  <g
                    key={`state-${s.eventIndex}`}
                    className={`state ${s.step <= cursor ? '' : 'future'}${tip === s.eventIndex ? ' tipped' : ''}`}
                    transform={`translate(${s.x},${s.y})`}
                    role="img"
                    tabIndex={0}
                    aria-label={format(t.ui.stateName, {
                      lane: displayName(t, s.lane),
                      state: s.text,
                    })}
                    data-state={s.text}
                    onMouseEnter={() => setTip(s.eventIndex)}
                    onMouseLeave={() => setTip(undefined)}
                    onFocus={() => setTip(s.eventIndex)}
                    onBlur={() => setTip(undefined)}
                    onKeyDown={(e) => {
                      // A tooltip can be dismissed without moving focus (WCAG 1.4.13).
                      if (e.key === 'Escape' && tip === s.eventIndex) {
                        e.preventDefault();
                        setTip(undefined);
                      }
                    }}
                  >
                    <desc>{stateText(t, s.lane, s.from, s.text)}</desc>
                    <rect x={-s.width / 2} y={-11} width={s.width} height={22} rx={11} />
                    <text y={4} textAnchor="middle">
                      {s.text}
                    </text>
                  </g>
                ))}
                {layout.caches.map((c) => {
                  const m = t.cacheMarks;
                  const cache = displayName(t, c.cache);
                  const note =
                    c.op === 'hit'
                      ? format(m.hit, {
                          ttl: c.ttl === undefined ? '?' : readableTime(t.units, c.ttl * 1000),
                        })
                      : c.op === 'miss'
                        ? format(m.miss, { cache })
                        : c.keptSeconds === undefined
                          ? format(m.expiredUnknown, { cache })
                          : format(m.expired, {
                              cache,
                              kept: readableTime(t.units, c.keptSeconds * 1000),
                            });
                  // An expiry's second line: why this cache let the entry go before its TTL.
                  const why = c.op === 'expire' ? m.why[c.cache] : undefined;
                  // Right of the lane if the text fits there, else left of it.
                  const width = Math.max(
                    textWidth(`${c.key} · ${note}`, CACHE_FONT()),
                    why ? textWidth(why, CACHE_FONT()) : 0,
                  );
                  const fitsRight = c.labelX + width <= layout.width - 6;
                  const labelX = fitsRight ? c.labelX : c.x - (c.op === 'hit' ? 10 : 12);
                  const future = statusOf(c.step, cursor) === 'future' ? 'future' : '';
                  const name =
                    c.op === 'hit'
                      ? format(t.ui.cacheHitName, {
                          lane: displayName(t, c.lane),
                          cache,
                          key: c.key,
                          ttl: c.ttl ?? '?',
                        })
                      : format(c.op === 'miss' ? m.missName : m.expiredName, {
                          lane: displayName(t, c.lane),
                          cache,
                          key: c.key,
                        });
                  return (
                    <g
                      key={`cache-${c.eventIndex}`}
                      className={`cache-mark cache-${c.op} ${future}`}
                      role="img"
                      aria-label={
                        c.op === 'hit' ? name : [`${name}: ${note}`, why].filter(Boolean).join(', ')
                      }
                    >
                      {c.op === 'hit' ? (
                        <path d={c.path} markerEnd="url(#arrowhead-cache)" />
                      ) : (
                        <circle cx={c.x} cy={c.y} r={5} />
                      )}
                      <text x={labelX} y={c.labelY} textAnchor={fitsRight ? 'start' : 'end'}>
                        {c.key} <tspan className="ttl">· {note}</tspan>
                        {why && (
                          <tspan className="ttl why" x={labelX} dy={LAYOUT.cacheNoteLine}>
                            {why}
                          </tspan>
                        )}
                      </text>
                    </g>
                  );
                })}
                {layout.errors.map((e) => {
                  const lines = errorNotes.get(e.eventIndex) ?? [e.text];
                  const text = lines.join(' ');
                  const widest = Math.max(...lines.map((l) => textWidth(l, ERROR_FONT())));
                  // Right of the mark if it fits, else moved left until it ends inside the drawing.
                  const textX = Math.max(
                    LAYOUT.gutter + 8 - e.x,
                    Math.min(16, layout.width - 8 - widest - e.x),
                  );
                  return (
                    <g
                      key={`error-${e.eventIndex}`}
                      className={`error-mark ${statusOf(e.step, cursor) === 'future' ? 'future' : ''}`}
                      transform={`translate(${e.x},${e.y})`}
                      role="img"
                      aria-label={format(t.ui.errorName, {
                        lane: displayName(t, e.lane),
                        message: text,
                      })}
                    >
                      <circle r={9} />
                      <path d="M-4,-4L4,4M4,-4L-4,4" />
                      <text x={textX} y={4}>
                        {lines.map((line, i) => (
                          <tspan key={i} x={textX} dy={i === 0 ? 0 : ERROR_LINE}>
                            {line}
                          </tspan>
                        ))}
                      </text>
                    </g>
                  );
                })}
                <g className="messages">
                  {layout.arrows.map((a, i) => (
                    <MessageArrow
                      key={a.eventIndex}
                      arrow={a}
                      status={statusOf(a.step, cursor)}
                      inspected={a.step === inspected}
                      label={labels[i]!.label}
                      sizeText={labels[i]!.size}
                      timeText={labels[i]!.time}
                      gutterX={LAYOUT.gutter}
                      onSelect={onSelect}
                      onFocusStep={zoom.reveal}
                    />
                  ))}
                </g>
              </svg>
              <Packet arrow={layout.arrows[cursor]} svgRef={svgRef} reduced={reduced} />
              {tipState && (
                // What the pill's <desc> says, drawn for sighted users; screen readers read the desc.
                <div
                  className="state-tip"
                  aria-hidden="true"
                  style={{
                    left: Math.max(4, Math.min(tipState.x - 170, layout.width - 344)),
                    top: tipState.y + 15,
                  }}
                >
                  {stateText(t, tipState.lane, tipState.from, tipState.text)}
                </div>
              )}
            </div>
            <svg className="lane-heads" width={size.width} height={headerHeight} aria-hidden="true">
              <rect
                className="lane-heads-bg"
                x={0}
                y={0}
                width={size.width}
                height={headerHeight}
              />
              <g ref={headRef}>
                {layout.lanes.map((lane) => {
                  const shownName = displayName(t, lane.name);
                  const state = states.get(lane.name);
                  // With a state under it the name keeps one line; either way it shrinks to fit.
                  const fit = fitLaneName(shownName, headWidth - 12, 15, state !== undefined);
                  const lineY = state ? [25] : fit.lines.length > 1 ? [25, 42] : [34];
                  return (
                    <g key={lane.name} className="lane-head" data-x={lane.x}>
                      <rect x={-headWidth / 2} y={6} width={headWidth} height={46} rx={8} />
                      <text
                        className="lane-name"
                        textAnchor="middle"
                        style={fit.size < 15 ? { fontSize: `${fit.size}px` } : undefined}
                      >
                        {fit.lines.map((line, i) => (
                          <tspan key={i} x={0} y={lineY[i]}>
                            {line}
                          </tspan>
                        ))}
                      </text>
                      {state && (
                        <text
                          className="lane-state"
                          y={43}
                          textAnchor="middle"
                          style={stateFontStyle(state, headWidth - 12)}
                        >
                          {state}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            </svg>
          </>
        )}
      </div>
      <p id="diagram-help" className="visually-hidden">
        {t.ui.diagramHelp}
      </p>
    </div>
  );
}

/** Arrowheads per tone, and one for cache loops. */
function Defs() {
  const heads = ['normal', 'warning', 'fatal', 'dropped', 'cache'] as const;
  return (
    <defs>
      {heads.map((tone) => (
        <marker
          key={tone}
          id={`arrowhead-${tone}`}
          className={`arrowhead tone-${tone}`}
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={9}
          markerHeight={9}
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M0,0L10,5L0,10z" />
        </marker>
      ))}
    </defs>
  );
}

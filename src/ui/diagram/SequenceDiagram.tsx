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
import { displayName, format, formatMs, translate } from '../i18n';
import { Icon } from '../Icon';
import { LAYOUT, layoutDiagram, type DiagramLayout } from './layout';
import { MessageArrow, type StepStatus } from './MessageArrow';
import { useDiagramZoom } from './useDiagramZoom';
import { Packet } from './Packet';
import { prefetchAll } from '../lazy';

/** Height of the lane header strip that stays put while the body scrolls. */
export const HEADER_HEIGHT = 58;

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

/** A lane name on one line, or two when it is wider than its box (no measuring: a char estimate). */
function laneNameLines(name: string, width: number): string[] {
  const space = name.lastIndexOf(' ');
  if (name.length * 9.2 + 14 <= width || space < 0) return [name];
  return [name.slice(0, space), name.slice(space + 1)];
}

/** The gutter is narrow: milliseconds up to 10 s, then seconds with three decimals. */
function shortTime(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(3)} s`;
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

  // Lay out at the width the lanes get at zoom 1; the layout only grows past it.
  const layoutWidth = Math.max(480, size.width);
  const layout: DiagramLayout | undefined = useMemo(
    () => (view ? layoutDiagram(view, layoutWidth) : undefined),
    [view, layoutWidth],
  );
  const zoom = useDiagramZoom({
    targetRef: wrapRef,
    viewportRef,
    headRef,
    layout,
    size,
    cursor,
    reduced,
    headerHeight: HEADER_HEIGHT,
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
        const time = shortTime(a.timeMs);
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
          time,
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
                            time: formatMs(p.timeMs),
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
                {layout.caches.map((c) => (
                  <g
                    key={`cache-${c.eventIndex}`}
                    className={`cache-hit ${statusOf(c.step, cursor) === 'future' ? 'future' : ''}`}
                    role="img"
                    aria-label={format(t.ui.cacheHitName, {
                      lane: displayName(t, c.lane),
                      cache: displayName(t, c.cache),
                      key: c.key,
                      ttl: c.ttl ?? '?',
                    })}
                  >
                    <path d={c.path} markerEnd="url(#arrowhead-cache)" />
                    <text x={c.labelX} y={c.labelY}>
                      {c.key}{' '}
                      <tspan className="ttl">
                        · {format(t.ui.cacheHitLabel, { ttl: c.ttl ?? '?' })}
                      </tspan>
                    </text>
                  </g>
                ))}
                {layout.errors
                  .map((geom) => ({
                    ...geom,
                    text: translate(t.notes, geom.text, geom.params),
                  }))
                  .map((e) => (
                    <g
                      key={`error-${e.eventIndex}`}
                      className={`error-mark ${statusOf(e.step, cursor) === 'future' ? 'future' : ''}`}
                      transform={`translate(${e.x},${e.y})`}
                      role="img"
                      aria-label={format(t.ui.errorName, {
                        lane: displayName(t, e.lane),
                        message: e.text,
                      })}
                    >
                      <circle r={9} />
                      <path d="M-4,-4L4,4M4,-4L-4,4" />
                      <text x={16} y={4}>
                        {e.text.length > 90 ? `${e.text.slice(0, 88)}…` : e.text}
                      </text>
                    </g>
                  ))}
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
            <svg
              className="lane-heads"
              width={size.width}
              height={HEADER_HEIGHT}
              aria-hidden="true"
            >
              <rect
                className="lane-heads-bg"
                x={0}
                y={0}
                width={size.width}
                height={HEADER_HEIGHT}
              />
              <g ref={headRef}>
                {layout.lanes.map((lane) => {
                  const shownName = displayName(t, lane.name);
                  const lines = laneNameLines(shownName, headWidth);
                  const state = states.get(lane.name);
                  const lineY = state ? [25] : lines.length > 1 ? [24, 42] : [34];
                  return (
                    <g key={lane.name} className="lane-head" data-x={lane.x}>
                      <rect x={-headWidth / 2} y={6} width={headWidth} height={46} rx={8} />
                      <text className="lane-name" textAnchor="middle">
                        {(state ? [shownName] : lines).map((line, i) => (
                          <tspan key={i} x={0} y={lineY[i]}>
                            {line}
                          </tspan>
                        ))}
                      </text>
                      {state && (
                        <text className="lane-state" y={43} textAnchor="middle">
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

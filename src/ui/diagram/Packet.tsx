/**
 * The current message travelling along its arrow, and the playback clock that drives it: while
 * playing, each message travels, dwells a moment, then the store advances to the next. The packet
 * is moved by writing its transform on requestAnimationFrame, not by re-rendering.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { easeCubicInOut } from 'd3-ease';
import { selectPlaying, selectSpeed, selectTravel, useStore } from '../../store/store';
import { LOCK_PATH } from '../Icon';
import { pointAlong, type ArrowGeom } from './layout';

/** At 1×: how long a message takes to cross, and how long it rests before the next one leaves. */
export const TRAVEL_MS = 900;
export const DWELL_MS = 450;
const PACKET_HALF_W = 17;
const PACKET_HALF_H = 13;

interface Props {
  arrow: ArrowGeom | undefined;
  svgRef: RefObject<SVGSVGElement | null>;
  reduced: boolean;
}

export function Packet({ arrow, svgRef, reduced }: Props) {
  const travel = useStore(selectTravel);
  const playing = useStore(selectPlaying);
  const speed = useStore(selectSpeed);
  const ref = useRef<SVGSVGElement>(null);
  const progress = useRef({ key: '', p: 1 });

  useEffect(() => {
    const g = ref.current;
    if (!arrow || !g) return;
    const key = `${travel}:${arrow.step}`;
    // A message that was not moved forward onto (a jump, a step back, the first draw) has arrived.
    let p = progress.current.key === key ? progress.current.p : travel === 0 ? 1 : 0;
    const flying = svgRef.current?.querySelector(`[data-step="${arrow.step}"]`);
    const place = (at: number) => {
      const { x, y } = pointAlong(arrow, easeCubicInOut(at));
      g.style.transform = `translate(${x - PACKET_HALF_W}px,${y - PACKET_HALF_H}px)`;
      g.style.visibility = at < 1 ? 'visible' : 'hidden';
      if (at < 1) flying?.setAttribute('data-flight', '');
      else flying?.removeAttribute('data-flight');
      progress.current = { key, p: at };
    };
    let raf = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arrived = () => {
      if (playing) timer = setTimeout(() => useStore.getState().advance(), DWELL_MS / speed);
    };
    if (reduced || p >= 1) {
      const wait = reduced && p < 1 ? TRAVEL_MS / speed : 0;
      place(1);
      if (playing) timer = setTimeout(() => useStore.getState().advance(), wait + DWELL_MS / speed);
    } else {
      let last = performance.now();
      place(p);
      const frame = (now: number) => {
        p = Math.min(1, p + (now - last) / (TRAVEL_MS / speed));
        last = now;
        place(p);
        if (p < 1) raf = requestAnimationFrame(frame);
        else arrived();
      };
      raf = requestAnimationFrame(frame);
    }
    return () => {
      cancelAnimationFrame(raf);
      if (timer) clearTimeout(timer);
      flying?.removeAttribute('data-flight');
    };
  }, [arrow, travel, playing, speed, reduced, svgRef]);

  // A small SVG of its own, on its own compositor layer: moving it never repaints the diagram.
  return (
    <svg
      ref={ref}
      width={PACKET_HALF_W * 2}
      height={PACKET_HALF_H * 2}
      viewBox={`${-PACKET_HALF_W} ${-PACKET_HALF_H} ${PACKET_HALF_W * 2} ${PACKET_HALF_H * 2}`}
      className={`packet tone-${arrow?.tone ?? 'normal'}${arrow?.encrypted ? ' enc' : ''}`}
      style={{ visibility: 'hidden' }}
      aria-hidden="true"
    >
      <rect x={-15} y={-11} width={30} height={22} rx={6} />
      {arrow?.encrypted ? (
        <path d={LOCK_PATH} transform="translate(-7,-7) scale(0.58)" />
      ) : (
        <path d="M-9,-5h18v10h-18zM-9,-5l9,6l9,-6" className="envelope" />
      )}
    </svg>
  );
}

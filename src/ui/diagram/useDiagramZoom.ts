/**
 * Pan and zoom with d3-zoom, attached in an effect and detached on cleanup. The transform is
 * written straight to the viewport layer (a CSS transform, so the compositor moves it without
 * repainting the SVG) and to the lane heads, never through React state. A plain wheel
 * scrolls (teachers use touchpads); Ctrl/⌘ + wheel zooms. When the cursor moves off screen the
 * view glides to it (d3-interpolate + d3-ease on requestAnimationFrame), or jumps if motion is
 * reduced.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { easeCubicOut } from 'd3-ease';
import { interpolateNumber } from 'd3-interpolate';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { DiagramLayout } from './layout';

interface Options {
  /** The element that takes the pointer and wheel events. */
  targetRef: RefObject<HTMLDivElement | null>;
  /** The layer holding the diagram's SVG, moved with a CSS transform (composited, not repainted). */
  viewportRef: RefObject<HTMLDivElement | null>;
  headRef: RefObject<SVGGElement | null>;
  layout: DiagramLayout | undefined;
  size: { width: number; height: number };
  cursor: number;
  reduced: boolean;
  headerHeight: number;
}

const SCALE_EXTENT: [number, number] = [0.35, 3];
const GLIDE_MS = 380;

export function useDiagramZoom({
  targetRef: svgRef,
  viewportRef,
  headRef,
  layout,
  size,
  cursor,
  reduced,
  headerHeight,
}: Options) {
  const behaviorRef = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const glideRef = useRef(0);

  // Write a transform to the DOM: the body moves both ways, the lane heads only sideways.
  const apply = useCallback(
    (t: ZoomTransform) => {
      const viewport = viewportRef.current;
      if (viewport)
        viewport.style.transform = `translate(${t.x}px,${t.y + headerHeight}px) scale(${t.k})`;
      const heads = headRef.current;
      if (heads) {
        for (const child of Array.from(heads.children)) {
          const x = Number((child as SVGGElement).dataset['x'] ?? 0);
          child.setAttribute('transform', `translate(${x * t.k + t.x},0)`);
        }
      }
    },
    [viewportRef, headRef, headerHeight],
  );

  useEffect(() => {
    const svgEl = svgRef.current;
    if (!svgEl) return;
    const svg = select(svgEl);
    const behavior = zoom<HTMLDivElement, unknown>()
      .scaleExtent(SCALE_EXTENT)
      .filter((e: Event) =>
        e.type === 'wheel'
          ? (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey
          : !(e as MouseEvent).button,
      )
      .on('zoom', (e: { transform: ZoomTransform }) => apply(e.transform));
    svg.call(behavior).on('dblclick.zoom', null);
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      const k = zoomTransform(svgEl).k;
      cancelAnimationFrame(glideRef.current);
      behavior.translateBy(svg, -e.deltaX / k, -e.deltaY / k);
    };
    svgEl.addEventListener('wheel', onWheel, { passive: false });
    behaviorRef.current = behavior;
    return () => {
      cancelAnimationFrame(glideRef.current);
      svgEl.removeEventListener('wheel', onWheel);
      svg.on('.zoom', null);
      behaviorRef.current = null;
    };
  }, [svgRef, apply]);

  // Keep the content reachable, and fit a new layout to the width.
  const fittedFor = useRef<DiagramLayout | undefined>(undefined);
  useEffect(() => {
    const behavior = behaviorRef.current;
    const svgEl = svgRef.current;
    if (!behavior || !svgEl || !layout || size.width === 0) return;
    const viewH = Math.max(1, size.height - headerHeight);
    behavior
      .extent([
        [0, 0],
        [size.width, viewH],
      ])
      .translateExtent([
        [-40, -20],
        [layout.width + 40, layout.height + 20],
      ]);
    const svg = select(svgEl);
    if (fittedFor.current !== layout) {
      fittedFor.current = layout;
      const k = Math.max(SCALE_EXTENT[0], Math.min(1, size.width / layout.width));
      behavior.transform(
        svg,
        zoomIdentity.translate(Math.max(0, (size.width - layout.width * k) / 2), 0).scale(k),
      );
    } else {
      behavior.transform(svg, zoomTransform(svgEl));
    }
  }, [layout, size, svgRef, headerHeight]);

  // Glide so that a step's row is on screen (the current message, or one that took focus).
  const reveal = useCallback(
    (step: number) => {
      const behavior = behaviorRef.current;
      const svgEl = svgRef.current;
      const band = layout?.stepBands[step];
      if (!behavior || !svgEl || !band || size.height === 0) return;
      const t = zoomTransform(svgEl);
      const viewH = size.height - headerHeight;
      const top = band.top * t.k + t.y;
      const bottom = band.bottom * t.k + t.y;
      const margin = Math.min(60, viewH / 6);
      if (top >= 0 && bottom <= viewH - margin) return;
      // Put the band a third of the way down, so what came just before stays visible, without
      // scrolling past either end of the diagram.
      const lowest = Math.min(0, viewH - layout.height * t.k);
      const targetY = Math.max(lowest, Math.min(0, viewH / 3 - band.top * t.k));
      const svg = select(svgEl);
      cancelAnimationFrame(glideRef.current);
      if (reduced) {
        behavior.transform(svg, zoomIdentity.translate(t.x, targetY).scale(t.k));
        return;
      }
      const y = interpolateNumber(t.y, targetY);
      const start = performance.now();
      const frame = (now: number) => {
        const p = Math.min(1, (now - start) / GLIDE_MS);
        const current = zoomTransform(svgEl);
        behavior.transform(
          svg,
          zoomIdentity.translate(current.x, y(easeCubicOut(p))).scale(current.k),
        );
        if (p < 1) glideRef.current = requestAnimationFrame(frame);
      };
      glideRef.current = requestAnimationFrame(frame);
    },
    [layout, size, reduced, svgRef, headerHeight],
  );

  useEffect(() => reveal(cursor), [cursor, reveal]);

  const zoomBy = useCallback(
    (factor: number) => {
      const behavior = behaviorRef.current;
      if (behavior && svgRef.current) behavior.scaleBy(select(svgRef.current), factor);
    },
    [svgRef],
  );
  const fit = useCallback(() => {
    const behavior = behaviorRef.current;
    if (!behavior || !svgRef.current || !layout) return;
    const viewH = Math.max(1, size.height - headerHeight);
    const k = Math.max(
      SCALE_EXTENT[0],
      Math.min(1, size.width / layout.width, viewH / layout.height),
    );
    behavior.transform(
      select(svgRef.current),
      zoomIdentity.translate(Math.max(0, (size.width - layout.width * k) / 2), 0).scale(k),
    );
  }, [layout, size, svgRef, headerHeight]);

  return { zoomBy, fit, reveal };
}

/**
 * Pan and zoom, attached in an effect and detached on cleanup. The transform (./view-transform.ts)
 * lives in a ref and is written straight to the viewport layer (a CSS transform, so the compositor
 * moves it without repainting the SVG) and to the lane heads, never through React state.
 *
 * - A plain wheel scrolls (teachers use touchpads); Ctrl/⌘ + wheel, or a touchpad pinch, zooms
 *   around the cursor.
 * - Dragging with the primary button (or one finger) pans; two fingers pinch. A drag starts only
 *   after the pointer has moved a few pixels, so a click on a message stays a click, and the click
 *   that ends a drag is swallowed.
 * - When the cursor moves off screen the view glides to it (a lerp and d3-ease on
 *   requestAnimationFrame), or jumps if motion is reduced. Right after a new drawing is fitted
 *   (presentation mode on or off, a resize) it jumps too: the view has just jumped to the top,
 *   and the current message must be on screen at once, not after a glide from there.
 * - Zoomed in, it also slides sideways so that the current message's arrow is on screen.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { easeCubicOut } from 'd3-ease';
import type { DiagramLayout } from './layout';
import {
  IDENTITY,
  constrain,
  fitTransform,
  panBy,
  toCss,
  wheelPanPixels,
  wheelZoomFactor,
  zoomAround,
  type Box,
  type ViewTransform,
} from './view-transform';

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
  /** The diagram's natural scale: 1, or larger in presentation mode (the lane heads grow to it). */
  baseScale: number;
}

const GLIDE_MS = 380;
/** How far (in CSS pixels) a pressed pointer moves before a click becomes a drag. */
const DRAG_THRESHOLD = 4;

export function useDiagramZoom({
  targetRef,
  viewportRef,
  headRef,
  layout,
  size,
  cursor,
  reduced,
  headerHeight,
  baseScale,
}: Options) {
  const transformRef = useRef<ViewTransform>(IDENTITY);
  const glideRef = useRef(0);
  // A new drawing was just fitted: the next reveal jumps instead of gliding.
  const snapRef = useRef(false);
  // What constrain() needs, kept current for the event handlers attached once.
  const boundsRef = useRef<{ view: Box; diagram: Box } | undefined>(undefined);

  // Write a transform to the DOM: the body moves both ways, the lane heads only sideways.
  const apply = useCallback(
    (next: ViewTransform) => {
      const bounds = boundsRef.current;
      const t = bounds ? constrain(next, bounds.view, bounds.diagram) : next;
      transformRef.current = t;
      const viewport = viewportRef.current;
      if (viewport) viewport.style.transform = toCss(t, headerHeight);
      const heads = headRef.current;
      if (heads) {
        for (const child of Array.from(heads.children)) {
          const x = Number((child as SVGGElement).dataset['x'] ?? 0);
          // Zoomed out, the heads shrink with the lanes so that neighbours never overlap.
          child.setAttribute(
            'transform',
            `translate(${x * t.k + t.x},0) scale(${Math.min(baseScale, t.k)})`,
          );
        }
      }
    },
    [viewportRef, headRef, headerHeight, baseScale],
  );

  useEffect(() => {
    const target = targetRef.current;
    if (!target) return;
    const local = (e: { clientX: number; clientY: number }) => {
      const r = target.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top - headerHeight };
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      cancelAnimationFrame(glideRef.current);
      const t = transformRef.current;
      if (e.ctrlKey || e.metaKey) {
        apply(zoomAround(t, wheelZoomFactor(e), local(e)));
      } else {
        const view = boundsRef.current?.view ?? { width: 0, height: 0 };
        const { dx, dy } = wheelPanPixels(e, view);
        apply(panBy(t, dx, dy));
      }
    };

    // The pointers pressed on the diagram, where each was last seen, in local coordinates.
    const pressed = new Map<number, { x: number; y: number }>();
    let dragging = false;
    let origin = { x: 0, y: 0 };
    const onPointerDown = (e: PointerEvent) => {
      if (e.button !== 0 || pressed.size >= 2) return;
      pressed.set(e.pointerId, local(e));
      if (pressed.size === 1) {
        dragging = false;
        origin = local(e);
      }
    };
    const onPointerMove = (e: PointerEvent) => {
      const last = pressed.get(e.pointerId);
      if (!last) return;
      const now = local(e);
      if (!dragging) {
        if (Math.hypot(now.x - origin.x, now.y - origin.y) < DRAG_THRESHOLD && pressed.size < 2)
          return;
        dragging = true;
        cancelAnimationFrame(glideRef.current);
        // Captured from here on, so the drag goes on outside the diagram.
        for (const id of pressed.keys()) {
          try {
            target.setPointerCapture(id);
          } catch {
            // The pointer is already gone (released between events): nothing to capture.
          }
        }
      }
      if (pressed.size === 2) {
        const [a, b] = [...pressed.values()];
        const other = a === last ? b! : a!;
        const before = Math.hypot(last.x - other.x, last.y - other.y);
        const after = Math.hypot(now.x - other.x, now.y - other.y);
        const middle = { x: (now.x + other.x) / 2, y: (now.y + other.y) / 2 };
        const t = transformRef.current;
        const moved = panBy(t, (now.x - last.x) / 2, (now.y - last.y) / 2);
        apply(before > 0 ? zoomAround(moved, after / before, middle) : moved);
      } else {
        apply(panBy(transformRef.current, now.x - last.x, now.y - last.y));
      }
      pressed.set(e.pointerId, now);
    };
    // A capture ends by itself on pointerup and pointercancel (Pointer Events §10.2).
    const onPointerEnd = (e: PointerEvent) => void pressed.delete(e.pointerId);
    // The click that ends a drag is not a click on whatever message it ended over.
    const onClickCapture = (e: MouseEvent) => {
      if (!dragging) return;
      dragging = false;
      e.stopPropagation();
      e.preventDefault();
    };

    target.addEventListener('wheel', onWheel, { passive: false });
    target.addEventListener('pointerdown', onPointerDown);
    target.addEventListener('pointermove', onPointerMove);
    target.addEventListener('pointerup', onPointerEnd);
    target.addEventListener('pointercancel', onPointerEnd);
    target.addEventListener('click', onClickCapture, true);
    return () => {
      cancelAnimationFrame(glideRef.current);
      target.removeEventListener('wheel', onWheel);
      target.removeEventListener('pointerdown', onPointerDown);
      target.removeEventListener('pointermove', onPointerMove);
      target.removeEventListener('pointerup', onPointerEnd);
      target.removeEventListener('pointercancel', onPointerEnd);
      target.removeEventListener('click', onClickCapture, true);
    };
  }, [targetRef, apply, headerHeight]);

  // Keep the content reachable, and fit a new layout to the width.
  const fittedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!layout || size.width === 0) return;
    const view = { width: size.width, height: Math.max(1, size.height - headerHeight) };
    boundsRef.current = { view, diagram: layout };
    // The same drawing laid out again (a text table that arrived, the same run re-rendered) keeps
    // the view where the user put it; a drawing of another shape, a resized view or presentation
    // mode is fitted anew.
    const shape = `${layout.width}x${layout.height}:${layout.stepBands.length}@${view.width}×${baseScale}`;
    if (fittedFor.current !== shape) {
      fittedFor.current = shape;
      cancelAnimationFrame(glideRef.current);
      apply(fitTransform(view, layout, false, baseScale));
      snapRef.current = true;
    } else {
      apply(transformRef.current);
    }
  }, [layout, size, headerHeight, apply, baseScale]);

  // Glide so that a step's row is on screen (the current message, or one that took focus), and,
  // zoomed in, its arrow across.
  const reveal = useCallback(
    (step: number) => {
      const band = layout?.stepBands[step];
      if (!band || size.height === 0) return;
      const snap = reduced || snapRef.current;
      snapRef.current = false;
      const t = transformRef.current;
      const viewW = size.width;
      const viewH = size.height - headerHeight;
      const top = band.top * t.k + t.y;
      const bottom = band.bottom * t.k + t.y;
      const margin = Math.min(60, viewH / 6);
      // Put the band a third of the way down, so what came just before stays visible, without
      // scrolling past either end of the diagram.
      const lowest = Math.min(0, viewH - layout.height * t.k);
      const targetY =
        top >= 0 && bottom <= viewH - margin
          ? t.y
          : Math.max(lowest, Math.min(0, viewH / 3 - band.top * t.k));
      // Across: only when the arrow is off screen and fits on it; then centred (constrain keeps
      // the drawing's edges where they may be).
      const arrow = layout.arrows[step];
      let targetX = t.x;
      if (arrow) {
        const left = Math.min(arrow.x1, arrow.x2) * t.k + t.x;
        const right = Math.max(arrow.x1, arrow.x2) * t.k + t.x;
        if ((left < 0 || right > viewW) && right - left <= viewW)
          targetX = viewW / 2 - ((arrow.x1 + arrow.x2) / 2) * t.k;
      }
      if (targetY === t.y && targetX === t.x) return;
      cancelAnimationFrame(glideRef.current);
      if (snap) {
        apply({ ...t, x: targetX, y: targetY });
        return;
      }
      // A straight lerp: d3-interpolate's index would bring d3-color (5 KB gzip) into the first load.
      const from = { x: t.x, y: t.y };
      const at = (a: number, b: number, p: number) => a + (b - a) * p;
      const start = performance.now();
      const frame = (now: number) => {
        const p = easeCubicOut(Math.min(1, (now - start) / GLIDE_MS));
        apply({ ...transformRef.current, x: at(from.x, targetX, p), y: at(from.y, targetY, p) });
        if (p < 1) glideRef.current = requestAnimationFrame(frame);
      };
      glideRef.current = requestAnimationFrame(frame);
    },
    [layout, size, reduced, headerHeight, apply],
  );

  useEffect(() => reveal(cursor), [cursor, reveal]);

  const zoomBy = useCallback(
    (factor: number) => {
      const view = boundsRef.current?.view;
      if (!view) return;
      cancelAnimationFrame(glideRef.current);
      apply(zoomAround(transformRef.current, factor, { x: view.width / 2, y: view.height / 2 }));
    },
    [apply],
  );
  const fit = useCallback(() => {
    const bounds = boundsRef.current;
    if (!bounds) return;
    cancelAnimationFrame(glideRef.current);
    apply(fitTransform(bounds.view, bounds.diagram, true, baseScale));
  }, [apply, baseScale]);

  return { zoomBy, fit, reveal };
}

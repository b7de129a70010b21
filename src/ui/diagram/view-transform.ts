/**
 * The diagram's pan and zoom as plain arithmetic: a transform maps diagram coordinates to screen
 * coordinates as screen = diagram × k + (x, y). The hook that owns the pointer and wheel events
 * (useDiagramZoom.ts) keeps one of these and writes it to the DOM; everything it computes is here,
 * so it is tested without a browser.
 *
 * Why not d3-zoom: it brings d3-transition, d3-color, d3-timer and d3-drag with it (about 15 KB
 * of gzipped JavaScript) for a diagram that never animates its zoom through d3, and the bundle's
 * budget (issue 4) could not hold them.
 */

export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export interface Box {
  readonly width: number;
  readonly height: number;
}

/** The zoom range: small enough to see a 300-message trace whole, large enough for a projector. */
export const SCALE_EXTENT: readonly [number, number] = [0.35, 3];
/** How far past the diagram's edges the view may go, in diagram units. */
const OVERSCROLL = { x: 40, y: 20 } as const;

export const IDENTITY: ViewTransform = { x: 0, y: 0, k: 1 };

const clampScale = (k: number): number => Math.min(SCALE_EXTENT[1], Math.max(SCALE_EXTENT[0], k));

/** Move the view by a distance measured on the screen. */
export function panBy(t: ViewTransform, dx: number, dy: number): ViewTransform {
  return { x: t.x + dx, y: t.y + dy, k: t.k };
}

/**
 * Scale by `factor` around a screen point, which stays over the same diagram point (the cursor
 * under a Ctrl + wheel, the middle of a pinch, the centre for the + and − buttons).
 */
export function zoomAround(
  t: ViewTransform,
  factor: number,
  point: { x: number; y: number },
): ViewTransform {
  const k = clampScale(t.k * factor);
  const diagramX = (point.x - t.x) / t.k;
  const diagramY = (point.y - t.y) / t.k;
  return { x: point.x - diagramX * k, y: point.y - diagramY * k, k };
}

/**
 * Keep the diagram on screen. Along each axis, a diagram wider than the view may be moved until
 * its edge (plus a little overscroll) meets the view's edge; one narrower than the view is
 * centred in it.
 */
export function constrain(t: ViewTransform, view: Box, diagram: Box): ViewTransform {
  const along = (offset: number, viewLength: number, length: number, over: number): number => {
    const lo = viewLength - (length + over) * t.k; // the far edge meets the view's far edge
    const hi = over * t.k; // the near edge meets the view's near edge
    if (lo > hi) return (lo + hi) / 2;
    return Math.min(hi, Math.max(lo, offset));
  };
  return {
    x: along(t.x, view.width, diagram.width, OVERSCROLL.x),
    y: along(t.y, view.height, diagram.height, OVERSCROLL.y),
    k: t.k,
  };
}

/**
 * The transform that shows the whole width (and, with `wholeHeight`, the whole height) at no
 * more than `natural` size (1, or larger in presentation mode), centred across and starting at
 * the top.
 */
export function fitTransform(
  view: Box,
  diagram: Box,
  wholeHeight: boolean,
  natural = 1,
): ViewTransform {
  const k = clampScale(
    Math.min(
      natural,
      view.width / diagram.width,
      wholeHeight ? view.height / diagram.height : Number.POSITIVE_INFINITY,
    ),
  );
  return { x: Math.max(0, (view.width - diagram.width * k) / 2), y: 0, k };
}

/**
 * The zoom factor for one wheel event, as browsers report it: lines or pages become pixels, and
 * a touchpad pinch (which arrives as a wheel event with ctrlKey set, and small deltas) is made
 * as quick as a mouse wheel's notches.
 */
export function wheelZoomFactor(e: {
  deltaY: number;
  deltaMode: number;
  ctrlKey: boolean;
}): number {
  const perUnit = e.deltaMode === 1 ? 0.05 : e.deltaMode === 2 ? 1 : 0.002;
  return 2 ** (-e.deltaY * perUnit * (e.ctrlKey ? 10 : 1));
}

/** The wheel's scroll distance in pixels (WheelEvent.deltaMode: 0 pixels, 1 lines, 2 pages). */
export function wheelPanPixels(
  e: { deltaX: number; deltaY: number; deltaMode: number },
  view: Box,
): { dx: number; dy: number } {
  const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? view.height : 1;
  return { dx: -e.deltaX * unit, dy: -e.deltaY * unit };
}

export const toCss = (t: ViewTransform, offsetY: number): string =>
  `translate(${t.x}px,${t.y + offsetY}px) scale(${t.k})`;

/**
 * The diagram as a picture for slides: the whole diagram (not just the part in view), as it is on
 * screen at this step, with a title, the lane heads and a legend, as a standalone SVG; and that SVG
 * rasterised to a PNG at twice its size. Styles come from the stylesheet, so each element's
 * computed style is written onto its copy: the file looks the same anywhere, theme included.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_HEIGHT = 56;
const HEAD_HEIGHT = 58;
/** The legend's first row sits this far below the diagram; each further row adds a line. */
const LEGEND_TOP = 24;
const LEGEND_LINE = 28;
const LEGEND_INDENT = 90;
const MARGIN = 16;

/** The style properties that decide how the diagram's SVG elements look. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
  'display',
] as const;

export interface LegendItem {
  label: string;
  /** The class of the diagram element whose colour the swatch copies. */
  kind: 'plain' | 'encrypted' | 'warning' | 'fatal' | 'cache' | 'state';
}

export interface DiagramImageText {
  title: string;
  legendTitle: string;
  legend: LegendItem[];
}

export interface DiagramImage {
  svg: string;
  width: number;
  height: number;
}

/** Copies each element's computed style onto its clone, depth first, in step. */
function inlineStyles(original: Element, copy: Element): void {
  const style = getComputedStyle(original);
  const inline = STYLE_PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`)
    .filter((d) => !d.endsWith(':'))
    .join(';');
  copy.setAttribute('style', inline);
  for (const attr of ['tabindex', 'role', 'aria-label', 'aria-describedby', 'aria-hidden'])
    copy.removeAttribute(attr);
  for (let i = 0; i < original.children.length; i++)
    inlineStyles(original.children[i]!, copy.children[i]!);
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A colour from the diagram as drawn, so the legend matches it in either theme. */
function swatchColour(kind: LegendItem['kind']): string {
  const fallback: Record<LegendItem['kind'], string> = {
    plain: '--msg',
    encrypted: '--enc',
    warning: '--warn',
    fatal: '--fatal',
    cache: '--cache',
    state: '--state-text',
  };
  return cssVar(fallback[kind]);
}

export function buildDiagramSvg(text: DiagramImageText): DiagramImage {
  const body = document.querySelector<SVGSVGElement>('svg.diagram-svg');
  if (!body) throw new Error('the diagram is not drawn yet');
  const bodyWidth = body.width.baseVal.value;
  const bodyHeight = body.height.baseVal.value;
  const width = Math.max(bodyWidth, 640);
  const legendAt = legendPositions(text.legend, width);
  const legendRows = Math.max(...legendAt.map((p) => p.row)) + 1;
  const height =
    TITLE_HEIGHT + HEAD_HEIGHT + bodyHeight + LEGEND_TOP + legendRows * LEGEND_LINE + MARGIN;
  const font = cssVar('--font') || 'sans-serif';

  const svg = el('svg', {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': font,
  }) as SVGSVGElement;
  svg.append(el('title', {}, text.title));
  svg.append(el('rect', { x: 0, y: 0, width, height, fill: cssVar('--surface') || '#fff' }));
  svg.append(
    el(
      'text',
      {
        x: MARGIN,
        y: 36,
        'font-size': 22,
        'font-weight': 700,
        fill: cssVar('--text'),
        'font-family': font,
      },
      text.title,
    ),
  );

  // Lane heads: the on-screen strip is panned with the view; here each head sits over its lane.
  const heads = el('g', { transform: `translate(0,${TITLE_HEIGHT})` });
  for (const head of document.querySelectorAll<SVGGElement>('svg.lane-heads g.lane-head')) {
    const copy = head.cloneNode(true) as SVGGElement;
    inlineStyles(head, copy);
    copy.setAttribute('transform', `translate(${head.dataset['x'] ?? 0},0)`);
    heads.append(copy);
  }
  svg.append(heads);

  const content = el('g', { transform: `translate(0,${TITLE_HEIGHT + HEAD_HEIGHT})` });
  const copy = body.cloneNode(true) as SVGSVGElement;
  inlineStyles(body, copy);
  for (const child of [...copy.childNodes]) content.append(child);
  svg.append(content);

  const legend = el('g', {
    transform: `translate(${MARGIN},${TITLE_HEIGHT + HEAD_HEIGHT + bodyHeight + LEGEND_TOP})`,
    'font-size': 14,
    'font-family': font,
  });
  legend.append(
    el('text', { x: 0, y: 5, 'font-weight': 700, fill: cssVar('--text') }, `${text.legendTitle}:`),
  );
  text.legend.forEach((item, i) => {
    const { x, row } = legendAt[i]!;
    const y = row * LEGEND_LINE;
    const colour = swatchColour(item.kind);
    if (item.kind === 'state') {
      legend.append(
        el('rect', {
          x,
          y: y - 8,
          width: 34,
          height: 18,
          rx: 9,
          fill: cssVar('--state-bg'),
          stroke: colour,
        }),
      );
    } else {
      legend.append(
        el('line', {
          x1: x,
          x2: x + 34,
          y1: y,
          y2: y,
          stroke: colour,
          'stroke-width': 3,
          // Dashed as on the diagram: encrypted records (app.css .msg.enc) and cache loops.
          ...(item.kind === 'encrypted' ? { 'stroke-dasharray': '9 5' } : {}),
          ...(item.kind === 'cache' ? { 'stroke-dasharray': '5 4' } : {}),
        }),
      );
    }
    legend.append(el('text', { x: x + 42, y: y + 5, fill: cssVar('--text') }, item.label));
  });
  svg.append(legend);

  const xml = new XMLSerializer().serializeToString(svg);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, width, height };
}

/** Where each legend item goes: left to right, on a new row when the next would not fit. */
function legendPositions(
  items: readonly LegendItem[],
  width: number,
): { x: number; row: number }[] {
  let x = LEGEND_INDENT;
  let row = 0;
  return items.map((item) => {
    const w = 42 + labelWidth(item.label);
    if (x > LEGEND_INDENT && x + w > width - 2 * MARGIN) {
      x = LEGEND_INDENT;
      row += 1;
    }
    const at = { x, row };
    x += w + 28;
    return at;
  });
}

/** A text width estimate at 14px (no measuring: the export must not depend on layout timing). */
function labelWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(ch) ? 14 : 7.8;
  return w;
}

/** Canvas limits differ between browsers; these stay inside Chromium's and Firefox's. */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 64 * 1024 * 1024;

/** The scale a PNG is drawn at: 2× for sharp slides, less when the diagram is very long. */
export function pngScale(width: number, height: number): number {
  return Math.min(2, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
}

export async function svgToPng(image: DiagramImage): Promise<Blob> {
  const img = new Image();
  // A data: URL, which the page's Content-Security-Policy allows for images (img-src data:).
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.svg)}`;
  await img.decode();
  const scale = pngScale(image.width, image.height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, image.width, image.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}

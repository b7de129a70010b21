/**
 * Text widths for the diagram, measured with a canvas in the page's own fonts. Estimates from a
 * character count cut Korean lane names (each syllable is about twice a Latin letter's width) and
 * long DNS names; a canvas measures without touching the document's layout.
 */
let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

/** The width in CSS pixels of `text` in `font` (a CSS font shorthand), or an estimate without a canvas. */
export function textWidth(text: string, font: string): number {
  const key = `${font}\u0000${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  context ??=
    typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  let width: number;
  if (context) {
    context.font = font;
    width = context.measureText(text).width;
  } else {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 15);
    width = [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.62) * size, 0);
  }
  if (cache.size > 5_000) cache.clear();
  cache.set(key, width);
  return width;
}

/** The diagram's sans-serif stack (app.css --font, or --mono), for canvas fonts. */
export function diagramFont(size: number, weight = 400, stack = '--font'): string {
  const family =
    typeof document === 'undefined'
      ? 'sans-serif'
      : getComputedStyle(document.documentElement).getPropertyValue(stack).trim() || 'sans-serif';
  return `${weight} ${size}px ${family}`;
}

/**
 * A lane's name in its head box: one line, or two split at the space that balances them, in the
 * largest size up to `size` that fits `width`.
 */
export function fitLaneName(
  name: string,
  width: number,
  size: number,
  oneLine: boolean,
): { lines: string[]; size: number } {
  const font = diagramFont(size, 700);
  const whole = textWidth(name, font);
  if (whole <= width) return { lines: [name], size };
  let best = { lines: [name], widest: whole };
  if (!oneLine) {
    for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) {
      const lines = [name.slice(0, i), name.slice(i + 1)];
      const widest = Math.max(...lines.map((l) => textWidth(l, font)));
      if (widest < best.widest) best = { lines, widest };
    }
  }
  return {
    lines: best.lines,
    size: Math.max(8, Math.floor(size * Math.min(1, width / best.widest) * 10) / 10),
  };
}

/** `text` broken at spaces into lines no wider than `width` (a word wider than that keeps its line). */
export function wrapText(text: string, width: number, font: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, font) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

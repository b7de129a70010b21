/**
 * Virtual time as people read it. A DNS scenario runs for an hour or two days, so milliseconds
 * alone ("3,660,000 ms") hide the point; each function keeps the larger units and only as much
 * of the small ones as the place needs.
 */
import { format } from '../../i18n/format';
import type { Strings } from './en';

type Units = Strings['units'];

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Below this a time reads best in milliseconds: a handshake's whole run fits in it. */
const MS_LIMIT = 10 * SECOND;

const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * The whole time, nothing rounded away: "140 ms", "1 min 30.001 s", "1 h 1 min", "2 d 0.5 s".
 * For the inspector, the playback bar and accessible names.
 */
export function readableTime(units: Units, ms: number): string {
  const whole = Math.round(Math.abs(ms));
  const sign = ms < 0 && whole > 0 ? '-' : '';
  if (whole < MS_LIMIT) return sign + format(units.ms, { n: grouped(whole) });
  const parts: string[] = [];
  let rest = whole;
  for (const [unit, size] of [
    ['d', DAY],
    ['h', HOUR],
    ['min', MINUTE],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(format(units[unit], { n }));
  }
  if (rest > 0) {
    // Seconds with the milliseconds as decimals, trailing zeros dropped: "30.001", "0.5", "12".
    const seconds = (rest / SECOND).toFixed(3).replace(/\.?0+$/, '');
    parts.push(format(units.s, { n: seconds }));
  }
  return sign + parts.join(' ');
}

/**
 * A short time for the diagram's narrow time gutter, at most seven characters: "20 ms",
 * "1.234 s", "90 s", "61 min", "49 h". Past ten seconds it rounds to its unit; the rows of a later lookup read their time from the
 * lookup's own start instead (gutterTimeSince), which keeps every millisecond.
 */
export function gutterTime(units: Units, ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  if (whole < SECOND) return format(units.ms, { n: whole });
  if (whole < MS_LIMIT)
    return format(units.s, { n: (whole / SECOND).toFixed(3).replace(/\.?0+$/, '') });
  if (whole < 10 * MINUTE) return format(units.s, { n: Math.round(whole / SECOND) });
  if (whole < 100 * MINUTE) return format(units.min, { n: Math.round(whole / MINUTE) });
  if (whole < 100 * HOUR) return format(units.h, { n: Math.round(whole / HOUR) });
  return format(units.d, { n: Math.round(whole / DAY) });
}

/** A time counted from the start of its lookup or visit: "+12 ms". */
export function gutterTimeSince(units: Units, ms: number): string {
  return format(units.since, { time: gutterTime(units, ms) });
}

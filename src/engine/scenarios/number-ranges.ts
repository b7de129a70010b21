/**
 * The whole numbers the lab's number settings take. The settings schemas hold settings from
 * anywhere (an edit, a link, an imported trace, the CLI) to these ranges, and each editor offers
 * exactly its range and says so when typed input is outside it: some values would hang a run (a
 * health check every 0 seconds never ends).
 */
import { MAX_CLOCK_JUMP_SECONDS } from '../limits';
import { integer, type Schema } from './settings-schema';

export interface NumberRange {
  min: number;
  max: number;
}

export const NUMBER_RANGES = {
  /** Time travel and a zone's lookups: the clock's jump before a lookup (one jump's limit). */
  lookupAfter: { min: 0, max: MAX_CLOCK_JUMP_SECONDS },
  /** Names that do not exist: the second lookup, a day at most (past every negative TTL). */
  negativeAgain: { min: 0, max: 86_400 },
  /** Cache poisoning: forged answers racing the real one. */
  forgeries: { min: 1, max: 20 },
  /** GSLB: the record's TTL, a day at most. */
  gslbTtl: { min: 1, max: 86_400 },
  /** GSLB: seconds between health checks (Route 53 offers 10 and 30). */
  gslbInterval: { min: 1, max: 600 },
  /** GSLB: failed checks before failover (Route 53 takes 1 to 10). */
  gslbThreshold: { min: 1, max: 10 },
  /** GSLB: when the primary stops, within the hour the timeline covers. */
  gslbStopAt: { min: 0, max: 3_600 },
  /** GSLB: seconds between the browser's lookups. */
  gslbEvery: { min: 5, max: 600 },
  /** GSLB: the last lookup, within the hour. */
  gslbUntil: { min: 0, max: 3_600 },
  /**
   * Tamper: the record, of a handshake with one request and its response (about 15 records;
   * 64 leave room).
   */
  tamperRecord: { min: 0, max: 63 },
  /**
   * Tamper: the byte, within a record's 5-byte header and at most 2^14 + 2048 bytes of fragment
   * (RFC 5246, Section 6.2.3).
   */
  tamperOffset: { min: 0, max: 5 + 2 ** 14 + 2048 - 1 },
  /** Tamper: the XOR mask (0 would change nothing; a byte mask is at most 0xff). */
  tamperMask: { min: 1, max: 255 },
  /** The journey: the second visit, a day at most. */
  journeyAgain: { min: 0, max: 86_400 },
} as const satisfies Record<string, NumberRange>;

/** A whole number within `range`. */
export function inRange(range: NumberRange): Schema<number> {
  return integer(range.min, range.max);
}

/**
 * A fuzz target: an input generator (a fast-check arbitrary) and a check that throws a
 * FuzzFinding when the engine misbehaves on that input. The same targets run inside Vitest
 * (a bounded count, `fc.assert`, shrinking) and in `npm run fuzz` (the full count, every finding
 * counted). Targets are pure engine code: seeds come in as arguments, never from the file system.
 */
import type fc from 'fast-check';
import { DecodeError } from '../../../src/engine/bytes/errors';

/**
 * What went wrong. `crash`: an exception the engine did not type (not a DecodeError, TlsFailure,
 * ZoneParseError, ...); `invariant`: the engine answered, but broke a rule (a second alert,
 * bytes sent after closing, an outcome outside the allowed ones); `hang`: a step or time bound
 * was exceeded.
 */
export type FindingKind = 'crash' | 'invariant' | 'hang';

export class FuzzFinding extends Error {
  constructor(
    readonly kind: FindingKind,
    message: string,
    readonly detail?: unknown,
  ) {
    super(`${kind}: ${message}`);
    this.name = 'FuzzFinding';
  }
}

export interface FuzzTarget<T> {
  /** Dotted name, e.g. "tls.records"; the key in the fuzz report. */
  readonly name: string;
  readonly description: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /**
   * Resolves when the engine behaved, optionally with a short label of how the input ended
   * ("alert-sent:decode_error", "servfail"), which the fuzz report tallies to show what the
   * inputs reached; throws a FuzzFinding when the engine misbehaved.
   */
  check(input: T): void | string | Promise<void | string>;
  /**
   * The fraction of `--runs N` this target gets in `npm run fuzz`. 1 for decoders; the state
   * machines and the resolver run whole handshakes and resolutions per input and get less.
   */
  readonly share: number;
  /** Inputs per Vitest run: enough to catch a regression, few enough to stay fast. */
  readonly testRuns: number;
  /** A short printable form of an input, for a finding's report. */
  show?(input: T): string;
}

export function crash(what: string, e: unknown): FuzzFinding {
  if (e instanceof FuzzFinding) return e;
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new FuzzFinding('crash', `${what} threw ${message}`, e);
}

/**
 * The decoder contract: a decode either returns or throws a DecodeError whose offset is an
 * integer inside the input (0 to its length). Anything else is a finding.
 */
export function expectDecodeOutcome(
  what: string,
  input: Uint8Array,
  decode: () => unknown,
): 'decoded' | 'decode-error' {
  try {
    decode();
    return 'decoded';
  } catch (e) {
    if (!(e instanceof DecodeError)) throw crash(what, e);
    if (!Number.isInteger(e.offset) || e.offset < 0 || e.offset > input.length) {
      throw new FuzzFinding(
        'invariant',
        `${what}: DecodeError offset ${e.offset} is outside the ${input.length}-byte input (${e.reason})`,
      );
    }
    // codec.ts wraps an unforeseen exception as a DecodeError and keeps it as `cause`.
    if (e.cause !== undefined) throw crash(`${what} (wrapped as a DecodeError)`, e.cause);
    return 'decode-error';
  }
}

export function hex(bytes: Uint8Array, max = 256): string {
  let out = '';
  for (const b of bytes.subarray(0, max)) out += b.toString(16).padStart(2, '0');
  return bytes.length > max ? `${out}… (${bytes.length} bytes)` : out;
}

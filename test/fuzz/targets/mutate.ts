/**
 * Byte-level mutation, the way coverage-blind fuzzers (AFL's havoc stage, libFuzzer's
 * MutationDispatcher) do it: start from a real input and apply a few small, structure-agnostic
 * edits. Most mutants are rejected near where the edit is, so every part of a decoder gets its
 * turn; a length field set to an "interesting" value exercises the bounds checks.
 */
import fc from 'fast-check';

export type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'set16'; at: number; value: number }
  | { op: 'set24'; at: number; value: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; at: number; donor: number; from: number; length: number };

/** Values that sit on bounds: zero, one, sign bits, all-ones, DNS pointer and label-type bits. */
const INTERESTING_8 = [0x00, 0x01, 0x02, 0x03, 0x3f, 0x40, 0x7f, 0x80, 0xc0, 0xc1, 0xfe, 0xff];
const INTERESTING_16 = [
  0x0000, 0x0001, 0x0002, 0x00ff, 0x0100, 0x3fff, 0x4000, 0x4001, 0x4100, 0x4101, 0x47ff, 0x4800,
  0x4801, 0x7fff, 0x8000, 0xc00c, 0xfffe, 0xffff,
];
const INTERESTING_24 = [0x000000, 0x000001, 0x00ffff, 0x010000, 0x010001, 0x7fffff, 0xffffff];

/**
 * Positions are drawn as fractions of the input's length (0 to 2^16), so one mutation plan fits
 * any seed; `apply` scales them to the actual buffer.
 */
const position = fc.integer({ min: 0, max: 0xffff });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('flip' as const),
      at: position,
      bit: fc.integer({ min: 0, max: 7 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      at: position,
      value: fc.oneof(fc.constantFrom(...INTERESTING_8), fc.integer({ min: 0, max: 0xff })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('set16' as const),
      at: position,
      value: fc.oneof(fc.constantFrom(...INTERESTING_16), fc.integer({ min: 0, max: 0xffff })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('set24' as const),
      at: position,
      value: fc.constantFrom(...INTERESTING_24),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: position,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      at: position,
      length: fc.integer({ min: 1, max: 16 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('duplicate' as const),
      at: position,
      length: fc.integer({ min: 1, max: 32 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('splice' as const),
      at: position,
      donor: fc.nat(),
      from: position,
      length: fc.integer({ min: 1, max: 64 }),
    }),
  },
);

function scale(at: number, length: number): number {
  return length === 0 ? 0 : Math.floor((at / 0x10000) * length);
}

/** Applies one mutation to a copy of `input`; `donors` are the other seeds a splice may borrow from. */
export function applyMutation(
  input: Uint8Array,
  m: Mutation,
  donors: readonly Uint8Array[] = [],
): Uint8Array {
  const n = input.length;
  const at = scale(m.at, n);
  switch (m.op) {
    case 'flip': {
      if (n === 0) return input;
      const out = input.slice();
      out[at] = out[at]! ^ (1 << m.bit);
      return out;
    }
    case 'set': {
      if (n === 0) return input;
      const out = input.slice();
      out[at] = m.value;
      return out;
    }
    case 'set16': {
      if (n < 2) return input;
      const out = input.slice();
      const p = Math.min(at, n - 2);
      out[p] = m.value >> 8;
      out[p + 1] = m.value & 0xff;
      return out;
    }
    case 'set24': {
      if (n < 3) return input;
      const out = input.slice();
      const p = Math.min(at, n - 3);
      out[p] = (m.value >> 16) & 0xff;
      out[p + 1] = (m.value >> 8) & 0xff;
      out[p + 2] = m.value & 0xff;
      return out;
    }
    case 'insert': {
      const p = scale(m.at, n + 1);
      const out = new Uint8Array(n + m.bytes.length);
      out.set(input.subarray(0, p));
      out.set(m.bytes, p);
      out.set(input.subarray(p), p + m.bytes.length);
      return out;
    }
    case 'delete': {
      const end = Math.min(n, at + m.length);
      const out = new Uint8Array(n - (end - at));
      out.set(input.subarray(0, at));
      out.set(input.subarray(end), at);
      return out;
    }
    case 'duplicate': {
      const end = Math.min(n, at + m.length);
      const piece = input.subarray(at, end);
      const out = new Uint8Array(n + piece.length);
      out.set(input.subarray(0, end));
      out.set(piece, end);
      out.set(input.subarray(end), end + piece.length);
      return out;
    }
    case 'truncate':
      return input.slice(0, at);
    case 'splice': {
      if (donors.length === 0) return input;
      const donor = donors[m.donor % donors.length]!;
      const from = scale(m.from, donor.length);
      const piece = donor.subarray(from, Math.min(donor.length, from + m.length));
      const out = new Uint8Array(at + piece.length);
      out.set(input.subarray(0, at));
      out.set(piece, at);
      return out;
    }
  }
}

export function applyMutations(
  input: Uint8Array,
  mutations: readonly Mutation[],
  donors: readonly Uint8Array[] = [],
): Uint8Array {
  let out = input;
  for (const m of mutations) out = applyMutation(out, m, donors);
  return out;
}

/**
 * Inputs for a decoder: mostly mutants of the seeds (one to four edits), some seeds left whole
 * (they must decode), and some bytes with no seed behind them at all.
 */
export function mutatedBytes(
  seeds: readonly Uint8Array[],
  opts: { maxRandomLength?: number } = {},
): fc.Arbitrary<Uint8Array> {
  if (seeds.length === 0) throw new RangeError('mutatedBytes needs at least one seed');
  const seed = fc.integer({ min: 0, max: seeds.length - 1 }).map((i) => seeds[i]!);
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .tuple(seed, fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
        .map(([s, ms]) => applyMutations(s, ms, seeds)),
    },
    { weight: 1, arbitrary: seed },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: opts.maxRandomLength ?? 600 }) },
  );
}

/**
 * The fuzz checks themselves: each kind of misbehaviour they exist to catch is caught, and the
 * runner counts findings rather than stopping at the first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/engine/bytes/errors';
import { runTarget } from './targets/run';
import { FuzzFinding, expectDecodeOutcome, type FuzzTarget } from './targets/target';
import { applyEdits } from './targets/tls-edits';
import { VARIANTS, recording, replay } from './targets/tls-session';

const input = new Uint8Array(10);

describe('the decoder contract', () => {
  it('passes a DecodeError inside the input and a clean decode', () => {
    expect(expectDecodeOutcome('x', input, () => 1)).toBe('decoded');
    expect(
      expectDecodeOutcome('x', input, () => {
        throw new DecodeError('decode.unexpected', { detail: 'bad' }, 10);
      }),
    ).toBe('decode-error');
  });

  it('reports an untyped exception as a crash', () => {
    const run = () =>
      expectDecodeOutcome('x', input, () => {
        throw new TypeError("Cannot read properties of undefined (reading 'length')");
      });
    expect(run).toThrow(FuzzFinding);
    expect(run).toThrow(
      "crash: x threw TypeError: Cannot read properties of undefined (reading 'length')",
    );
  });

  it('reports an offset outside the input, and a DecodeError that wraps an untyped one', () => {
    expect(() =>
      expectDecodeOutcome('x', input, () => {
        throw new DecodeError('decode.unexpected', { detail: 'bad' }, 11);
      }),
    ).toThrow('invariant: x: DecodeError offset 11 is outside the 10-byte input (bad)');
    expect(() =>
      expectDecodeOutcome('x', input, () => {
        throw Object.assign(new DecodeError('decode.unexpected', { detail: 'oops' }, 3), {
          cause: new RangeError('oops'),
        });
      }),
    ).toThrow('crash: x (wrapped as a DecodeError) threw RangeError: oops');
  });
});

describe('runTarget', () => {
  it('counts crashes and hangs and keeps where each came from', async () => {
    const toy: FuzzTarget<number> = {
      name: 'toy',
      description: 'fails on multiples of 7, dawdles on 5',
      arbitrary: fc.nat({ max: 99 }),
      check: async (n) => {
        if (n % 7 === 0) throw new TypeError(`seven ${n}`);
        if (n === 5) await new Promise((r) => setTimeout(r, 30));
        return n % 2 ? 'odd' : 'even';
      },
      share: 1,
      testRuns: 1,
      show: String,
    };
    const inputs = fc.sample(toy.arbitrary, { numRuns: 300, seed: 9 });
    const stats = await runTarget(toy as FuzzTarget<unknown>, {
      runs: 300,
      seed: 9,
      batchSize: 300,
      hangMs: 20,
    });
    expect(stats.inputs).toBe(300);
    expect(stats.crashes).toBe(inputs.filter((n) => n % 7 === 0).length);
    expect(stats.hangs).toBe(inputs.filter((n) => n === 5).length);
    expect(stats.outcomes.odd! + stats.outcomes.even!).toBe(300 - stats.crashes);
    const first = stats.findings[0]!;
    expect(first).toMatchObject({ target: 'toy', kind: 'crash', seed: 9 });
    expect(Number(first.input) % 7).toBe(0);
    expect(inputs[first.index]).toBe(Number(first.input));
  });
});

describe('the state-machine checks', () => {
  it('an unedited recording completes on both sides; an edit that only re-fragments does too', async () => {
    for (const variant of VARIANTS) {
      const rec = await recording(variant);
      for (const side of ['client', 'server'] as const) {
        expect((await replay(rec, side, rec.received[side])).end).toBe('closed');
        const split = applyEdits(rec.received[side], [{ at: 0, op: 'split', cut: 7 }], []);
        expect(split.length).toBe(rec.received[side].length + 1);
        expect((await replay(rec, side, split)).end).toBe('closed');
      }
    }
  });

  it('a side left waiting times out with exactly one alert', async () => {
    const rec = await recording(VARIANTS[0]!);
    const outcome = await replay(rec, 'client', rec.received.client.slice(0, 2));
    expect(outcome).toMatchObject({ end: 'stalled', alert: 'internal_error' });
    expect(outcome.sent).toEqual(['ClientHello', 'Alert internal_error']);
  });
});

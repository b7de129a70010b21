/**
 * The fuzz targets (test/fuzz/targets) with a bounded number of inputs each, from a fixed seed so
 * a failure reproduces (FUZZ_SEED=n picks another). fast-check shrinks a failing input to a small
 * one. `npm run fuzz -- --runs N` runs the same targets N times over.
 *
 * Each target also has to reach a spread of outcomes, so a generator that stopped producing
 * interesting inputs (or a check that stopped looking) fails here rather than passing quietly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzTargets } from './seeds';

const SEED = Number(process.env.FUZZ_SEED ?? 20260115);
const targets = await fuzzTargets();

/** Outcomes each target must reach within its test runs (labels its check returns). */
const MUST_REACH: Record<string, string[]> = {
  'tls.records': ['decoded', 'decode-error'],
  'tls.handshake': [
    'decode-error',
    'decoded:client_hello',
    'decoded:server_hello',
    'decoded:certificate',
  ],
  'tls.extensions': ['decoded', 'decode-error'],
  'tls13.handshake': [
    'decode-error',
    'decoded:client_hello',
    'decoded:server_hello',
    'decoded:certificate_13',
    'decoded:new_session_ticket_13',
  ],
  'tls13.extensions': ['decoded', 'decode-error'],
  'tls.record-layer': ['ok', 'record-error', 'handshake-error'],
  'tls.record-protection': ['opened', 'bad_record_mac'],
  'tls13.record-protection': ['opened', 'bad_record_mac'],
  'tls.client': [
    'closed',
    'alert-sent:unexpected_message',
    'alert-sent:bad_record_mac',
    'alert-sent:decode_error',
    'stalled:internal_error',
  ],
  'tls13.client': [
    'closed',
    'alert-sent:unexpected_message',
    'alert-sent:bad_record_mac',
    'alert-sent:decode_error',
    'stalled:internal_error',
  ],
  'tls.server': [
    'closed',
    'alert-sent:unexpected_message',
    'alert-sent:bad_record_mac',
    'alert-sent:decode_error',
  ],
  'tls.exchange': ['completed', 'alert:unexpected_message', 'alert:bad_record_mac'],
  'dns.decode': ['decoded', 'decode-error'],
  'dns.zone': ['parsed', 'ZoneParseError'],
  'dns.resolver': ['servfail', 'nxdomain', 'nodata', 'answer'],
};

describe('fuzzing, bounded', () => {
  it('has every target the report names', () => {
    expect(targets.map((t) => t.name)).toEqual(Object.keys(MUST_REACH));
  });

  for (const target of targets) {
    it(`${target.name}: ${target.testRuns} inputs, no finding`, async () => {
      const outcomes = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(target.arbitrary, async (input) => {
          const outcome = (await target.check(input)) ?? 'ok';
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }),
        { numRuns: target.testRuns, seed: SEED },
      );
      expect([...outcomes.keys()]).toEqual(expect.arrayContaining(MUST_REACH[target.name]!));
    });
  }
});

import { describe, expect, it } from 'vitest';
import { lookupSpacing, lookupTimes } from './gslb-times';

describe('GSLB lookup times', () => {
  it('spaces lookups evenly from 0, the end included when it falls on a step', () => {
    expect(lookupTimes(30, 120)).toEqual([0, 30, 60, 90, 120]);
    expect(lookupTimes(30, 100)).toEqual([0, 30, 60, 90]);
    expect(lookupTimes(10, 0)).toEqual([0]);
  });
  it('reads the spacing back', () => {
    expect(lookupSpacing(lookupTimes(30, 330))).toEqual({ step: 30, until: 330 });
    expect(lookupSpacing([60, 0, 120])).toEqual({ step: 60, until: 120 });
    expect(lookupSpacing([0])).toEqual({ step: 30, until: 0 });
  });
  it('refuses a step that would never end', () => {
    expect(() => lookupTimes(0, 10)).toThrow(RangeError);
  });
});

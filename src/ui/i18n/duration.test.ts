import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { gutterTime, gutterTimeSince, readableTime } from './duration';

describe('readableTime', () => {
  it('keeps milliseconds under ten seconds and larger units above', () => {
    const cases: [number, string][] = [
      [0, '0 ms'],
      [140, '140 ms'],
      [9_999, '9,999 ms'],
      [90_001, '1 min 30.001 s'],
      [180_000, '3 min'],
      [3_660_000, '1 h 1 min'],
      [3_660_081, '1 h 1 min 0.081 s'],
      [2 * 86_400_000 + 60_000, '2 d 1 min'],
    ];
    for (const [ms, text] of cases) expect(readableTime(en.units, ms), String(ms)).toBe(text);
  });
  it('writes Korean units', () => {
    expect(readableTime(ko.units, 3_660_000)).toBe('1시간 1분');
    expect(readableTime(ko.units, 90_500)).toBe('1분 30.5초');
  });
});

describe('gutterTime', () => {
  it('fits the gutter in at most seven characters, whatever the time', () => {
    const cases: [number, string][] = [
      [20, '20 ms'],
      [999, '999 ms'],
      [1_000, '1 s'],
      [9_999, '9.999 s'],
      [90_000, '90 s'],
      [180_000, '180 s'],
      [3_660_000, '61 min'],
      [172_860_000, '48 h'],
      [30 * 86_400_000, '30 d'],
    ];
    for (const [ms, text] of cases) {
      expect(gutterTime(en.units, ms), String(ms)).toBe(text);
      expect(text.length).toBeLessThanOrEqual(7);
    }
    expect(gutterTimeSince(en.units, 12)).toBe('+12 ms');
    expect(gutterTime(ko.units, 3_660_000)).toBe('61분');
  });
});

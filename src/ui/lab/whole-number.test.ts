import { describe, expect, it } from 'vitest';
import { NUMBER_RANGES } from '../../engine/scenarios/number-ranges';
import { readWholeNumber } from './whole-number';

describe('a lab number box', () => {
  it('reads a whole number within its range, or not at all', () => {
    const range = NUMBER_RANGES.forgeries;
    expect(readWholeNumber('3', range)).toBe(3);
    expect(readWholeNumber('1e1', range)).toBe(10);
    for (const raw of ['', ' ', '0', '21', '-5', '2.5', '1e308', 'NaN', 'Infinity', '0x10'])
      expect(readWholeNumber(raw, range), raw).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { formatMs } from './index';

describe('formatMs', () => {
  it('groups thousands exactly as en-US number formatting does', () => {
    const samples = [
      0, 7, 20, 999, 1000, 30_020, 90_000, 1_234_567, 86_400_000, 12.4, 12.5, -3_600,
    ];
    for (const ms of samples)
      expect(formatMs(ms), String(ms)).toBe(Math.round(ms).toLocaleString('en-US'));
  });
});

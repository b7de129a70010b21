import { describe, expect, it } from 'vitest';
import { loadOnce } from './load-once';

describe('loadOnce', () => {
  it('loads once and hands every caller the same promise', async () => {
    let loads = 0;
    const load = loadOnce(async () => ({ n: ++loads }));
    const first = load();
    expect(load()).toBe(first);
    expect(await load()).toBe(await first);
    expect(loads).toBe(1);
  });

  it('tries again after a failed load', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads += 1;
      if (loads === 1) throw new Error('chunk failed');
      return 'module';
    });
    await expect(load()).rejects.toThrow('chunk failed');
    expect(await load()).toBe('module');
    expect(loads).toBe(2);
  });
});

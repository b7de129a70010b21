import { describe, expect, it } from 'vitest';
import { keepPlaces, moveItem, toggleInPlace, toggleItem } from './lists';

describe('moveItem', () => {
  it('swaps with the neighbour in the direction asked', () => {
    expect(moveItem([0xc02f, 0xc030, 0xcca8], 0xcca8, -1)).toEqual([0xc02f, 0xcca8, 0xc030]);
    expect(moveItem([0xc02f, 0xc030, 0xcca8], 0xc02f, 1)).toEqual([0xc030, 0xc02f, 0xcca8]);
  });
  it('leaves the list as it was at either end, or for an id not in it', () => {
    expect(moveItem([1, 2, 3], 1, -1)).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 3, 1)).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 9, 1)).toEqual([1, 2, 3]);
  });
  it('does not change the list it was given', () => {
    const list = [1, 2, 3];
    moveItem(list, 2, 1);
    expect(list).toEqual([1, 2, 3]);
  });
});

describe('toggleItem', () => {
  it('removes an offered id and appends a new one as the least preferred', () => {
    expect(toggleItem([29, 23, 24], 23)).toEqual([29, 24]);
    expect(toggleItem([29, 24], 23)).toEqual([29, 24, 23]);
  });
});

describe('keepPlaces and toggleInPlace', () => {
  const all = [0xc02f, 0xc030, 0xcca8, 0xc02b];
  it('keeps an unticked choice where it was, and ticks it back in at that place', () => {
    const shown = [...all];
    const unticked = toggleInPlace(shown, all, 0xc030);
    expect(unticked).toEqual([0xc02f, 0xcca8, 0xc02b]);
    const rows = keepPlaces(shown, unticked, all);
    expect(rows).toEqual(all);
    expect(toggleInPlace(rows, unticked, 0xc030)).toEqual(all);
  });
  it('moves the offered ones through their own places, leaving the unticked one still', () => {
    const shown = [0xc02f, 0xc030, 0xcca8, 0xc02b];
    const value = [0xc02f, 0xcca8, 0xc02b];
    expect(keepPlaces(shown, moveItem(value, 0xcca8, -1), all)).toEqual([
      0xcca8, 0xc030, 0xc02f, 0xc02b,
    ]);
  });
  it('starts over, offered first, when the rows no longer fit the value', () => {
    expect(keepPlaces([1, 2], [0xc02b, 0xc02f], all)).toEqual([0xc02b, 0xc02f, 0xc030, 0xcca8]);
  });
});

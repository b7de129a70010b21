import { describe, expect, it } from 'vitest';
import {
  IDENTITY,
  SCALE_EXTENT,
  constrain,
  fitTransform,
  panBy,
  toCss,
  wheelPanPixels,
  wheelZoomFactor,
  zoomAround,
} from './view-transform';

const screenOf = (t: { x: number; y: number; k: number }, p: { x: number; y: number }) => ({
  x: p.x * t.k + t.x,
  y: p.y * t.k + t.y,
});

describe('zoomAround', () => {
  it('keeps the diagram point under the zoom centre where it was', () => {
    const t = { x: -120, y: -300, k: 0.8 };
    const centre = { x: 400, y: 250 };
    const under = { x: (centre.x - t.x) / t.k, y: (centre.y - t.y) / t.k };
    const zoomed = zoomAround(t, 1.25, centre);
    expect(zoomed.k).toBeCloseTo(1);
    const back = screenOf(zoomed, under);
    expect(back.x).toBeCloseTo(centre.x);
    expect(back.y).toBeCloseTo(centre.y);
  });

  it('stops at either end of the scale extent', () => {
    expect(zoomAround(IDENTITY, 100, { x: 0, y: 0 }).k).toBe(SCALE_EXTENT[1]);
    expect(zoomAround(IDENTITY, 0.001, { x: 0, y: 0 }).k).toBe(SCALE_EXTENT[0]);
  });
});

describe('constrain', () => {
  const view = { width: 800, height: 600 };
  const tall = { width: 700, height: 3000 };

  it('lets a tall diagram scroll until its bottom (plus overscroll) meets the view', () => {
    const far = constrain(panBy(IDENTITY, 0, -10_000), view, tall);
    expect(far.y).toBe(600 - (3000 + 20));
    const near = constrain(panBy(IDENTITY, 0, 10_000), view, tall);
    expect(near.y).toBe(20);
  });

  it('centres a diagram narrower than the view, whatever the pan', () => {
    const t = constrain({ x: 333, y: 0, k: 1 }, view, tall);
    // 700 + 2×40 overscroll = 780 wide in an 800 view: centred between the two limits.
    expect(t.x).toBe((800 - 740 + 40) / 2);
  });

  it('scales the limits with the zoom', () => {
    const t = constrain({ x: 0, y: -10_000, k: 0.5 }, view, tall);
    expect(t.y).toBe(600 - 3020 * 0.5);
  });

  it('leaves an in-range transform alone', () => {
    const t = { x: 20, y: -500, k: 1 };
    expect(constrain(t, view, { width: 1600, height: 3000 })).toEqual(t);
  });
});

describe('fitTransform', () => {
  it('fits the width at no more than natural size, centred', () => {
    expect(fitTransform({ width: 1000, height: 500 }, { width: 800, height: 2000 }, false)).toEqual(
      { x: 100, y: 0, k: 1 },
    );
    const t = fitTransform({ width: 500, height: 500 }, { width: 1000, height: 2000 }, false);
    expect(t.k).toBe(0.5);
  });

  it('fits the height too when asked, but not below the smallest scale', () => {
    const t = fitTransform({ width: 1000, height: 500 }, { width: 800, height: 2000 }, true);
    expect(t.k).toBe(SCALE_EXTENT[0]);
    expect(t.x).toBeCloseTo((1000 - 800 * SCALE_EXTENT[0]) / 2);
  });
});

describe('the wheel', () => {
  it('zooms in when scrolled up and out when scrolled down, faster for a touchpad pinch', () => {
    expect(wheelZoomFactor({ deltaY: -100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(2 ** 0.2);
    expect(wheelZoomFactor({ deltaY: 100, deltaMode: 0, ctrlKey: false })).toBeLessThan(1);
    expect(wheelZoomFactor({ deltaY: -10, deltaMode: 0, ctrlKey: true })).toBeCloseTo(2 ** 0.2);
    expect(wheelZoomFactor({ deltaY: -3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(2 ** 0.15);
  });

  it('pans by pixels, lines or pages', () => {
    const view = { width: 800, height: 600 };
    expect(wheelPanPixels({ deltaX: 0, deltaY: 50, deltaMode: 0 }, view)).toEqual({
      dx: -0,
      dy: -50,
    });
    expect(wheelPanPixels({ deltaX: 2, deltaY: 3, deltaMode: 1 }, view)).toEqual({
      dx: -32,
      dy: -48,
    });
    expect(wheelPanPixels({ deltaX: 0, deltaY: 1, deltaMode: 2 }, view).dy).toBe(-600);
  });
});

it('writes the transform as CSS, below the lane heads', () => {
  expect(toCss({ x: 10, y: -20, k: 1.5 }, 56)).toBe('translate(10px,36px) scale(1.5)');
});

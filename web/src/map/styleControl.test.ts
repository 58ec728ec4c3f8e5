import { describe, expect, it } from 'vitest';
import { combinedFilter, scaleOpacity, styleChanges, type StyleLayerLike } from './styleControl';

describe('scaleOpacity', () => {
  it('scales numbers and an absent value (default 1)', () => {
    expect(scaleOpacity(0.6, 0.5)).toBe(0.3);
    expect(scaleOpacity(undefined, 0.4)).toBe(0.4);
  });
  it('scales the outputs of a zoom interpolation, not its inputs', () => {
    const v = ['interpolate', ['linear'], ['zoom'], 8, 0.2, 12, 0.8];
    expect(scaleOpacity(v, 0.5)).toEqual(['interpolate', ['linear'], ['zoom'], 8, 0.1, 12, 0.4]);
  });
  it('scales step outputs', () => {
    expect(scaleOpacity(['step', ['zoom'], 0, 10, 1], 0.5)).toEqual(['step', ['zoom'], 0, 10, 0.5]);
  });
  it('wraps other expressions in a product', () => {
    expect(scaleOpacity(['get', 'o'], 0.5)).toEqual(['*', ['get', 'o'], 0.5]);
  });
});

describe('combinedFilter', () => {
  it('leaves the filter alone when nothing is narrowed', () => {
    expect(combinedFilter(['==', 'a', 1], {})).toEqual(['==', 'a', 1]);
  });
  it('adds an in-test that keeps clusters', () => {
    const f = combinedFilter(['==', ['geometry-type'], 'Point'], { category: ['1', '2'] });
    expect(f).toEqual([
      'all',
      ['==', ['geometry-type'], 'Point'],
      ['any', ['has', 'point_count'], ['in', ['to-string', ['get', 'category']], ['literal', ['1', '2']]]],
    ]);
  });
});

describe('styleChanges', () => {
  const style: StyleLayerLike[] = [
    { id: 'firms-circle', type: 'circle', paint: { 'circle-opacity': 0.9 }, metadata: { 'gc:layer': 'firms' } },
    { id: 'townships-line', type: 'line', paint: {}, metadata: { 'gc:layer': 'townships' } },
    { id: 'background', type: 'background' },
  ];
  it('hides, fades and filters only the style layers of each catalogue layer', () => {
    const changes = styleChanges(style, {
      firms: { visible: true, opacity: 0.5, filters: { category: ['1'] } },
      townships: { visible: false, opacity: 1, filters: {} },
    });
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({ id: 'firms-circle', visibility: 'visible', paint: { 'circle-opacity': 0.45, 'circle-stroke-opacity': 0.5 } });
    expect(changes[1]).toMatchObject({ id: 'townships-line', visibility: 'none' });
  });
});

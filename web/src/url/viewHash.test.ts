import { describe, expect, it } from 'vitest';
import { formatViewHash, parseViewHash, type ViewState } from './viewHash';

const defaults: ViewState = {
  center: [112.57, 26.89],
  zoom: 9,
  layers: null,
  opacity: {},
  filters: {},
  selection: null,
  lang: 'zh-CN',
};

describe('view hash', () => {
  it('round-trips a full view', () => {
    const v: ViewState = {
      center: [112.61234, 26.91234],
      zoom: 12.25,
      layers: ['townships', 'firms', 'venues'],
      opacity: { firms: 0.5 },
      filters: { firms: { category: ['1', '2'] }, venues: { kind: ['bar', 'ktv'] } },
      selection: { layer: 'townships', id: '430421101000' },
      lang: 'en',
    };
    expect(parseViewHash(formatViewHash(v), defaults)).toEqual(v);
  });

  it('keeps an empty layer list distinct from the defaults', () => {
    const v = { ...defaults, layers: [] };
    expect(parseViewHash(formatViewHash(v), defaults).layers).toEqual([]);
    expect(parseViewHash('#map=9/26.89/112.57', defaults).layers).toBeNull();
  });

  it('falls back to the defaults on garbage', () => {
    const v = parseViewHash('#map=abc/1&lang=fr&sel=&f=nonsense&op=x:y', defaults);
    expect(v.center).toEqual(defaults.center);
    expect(v.zoom).toBe(9);
    expect(v.lang).toBe('zh-CN');
    expect(v.selection).toBeNull();
    expect(v.filters).toEqual({});
  });

  it('clamps out-of-range numbers', () => {
    const v = parseViewHash('#map=40/95/200&op=firms:3', defaults);
    expect(v.zoom).toBe(22);
    expect(v.center).toEqual([180, 85]);
    expect(v.opacity.firms).toBe(1);
  });

  it('encodes values with separators safely', () => {
    const v = { ...defaults, filters: { venues: { kind: ['a,b', 'c;d'] } } };
    expect(parseViewHash(formatViewHash(v), defaults).filters).toEqual(v.filters);
  });
});

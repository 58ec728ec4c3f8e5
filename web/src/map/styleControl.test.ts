import { describe, expect, it } from 'vitest';
import { changedEdits, combinedFilter, scaleOpacity, styleChanges, styleEdits, withStyleEdits, type StyleEdit, type StyleLayerLike } from './styleControl';

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

describe('styleEdits and withStyleEdits: the map starts in the state it would reach by being edited once loaded', () => {
  const style: StyleLayerLike[] = [
    { id: 'areas-fill', type: 'fill', paint: { 'fill-color': '#fff', 'fill-opacity': 0.6 }, metadata: { 'gc:layer': 'areas' } },
    { id: 'areas-line', type: 'line', paint: { 'line-color': '#000' }, metadata: { 'gc:layer': 'areas' } },
    { id: 'venues-circle', type: 'circle', layout: { visibility: 'none' }, paint: {}, metadata: { 'gc:layer': 'venues' } },
  ];
  const state = { areas: { visible: true, opacity: 0.5, filters: {} }, venues: { visible: true, opacity: 1, filters: {} } };
  const trend = [{ layer: 'areas', paint: { 'fill-color': ['get', 'trend_colour'] } }];

  it('shows a layer the server style hides when the panel says so, and recolours only the layers of the type named', () => {
    const { edits, overridden } = styleEdits(style, state, trend);
    const started = withStyleEdits({ layers: style }, edits).layers;
    expect(started.find((l) => l.id === 'venues-circle')?.layout?.visibility).toBe('visible');
    expect(started.find((l) => l.id === 'areas-fill')?.paint).toEqual({ 'fill-color': ['get', 'trend_colour'], 'fill-opacity': 0.3 });
    expect(started.find((l) => l.id === 'areas-line')?.paint?.['line-color']).toBe('#000'); // a fill colour is not a line's
    expect([...overridden]).toEqual(['areas-fill\u0000fill-color']);
    expect(style[2]!.layout?.visibility).toBe('none'); // the server's style itself is left as it came
  });

  it('gives the server colour back when the mode that recoloured the layer is switched off', () => {
    const on = styleEdits(style, state, trend);
    const off = styleEdits(style, state, [], on.overridden);
    const edited = withStyleEdits(withStyleEdits({ layers: style }, on.edits), off.edits).layers;
    expect(edited.find((l) => l.id === 'areas-fill')?.paint?.['fill-color']).toBe('#fff');
    expect(off.overridden.size).toBe(0);
  });
});

describe('changedEdits', () => {
  it('passes on only the edits whose value differs from the last one made', () => {
    const made = new Map<string, string>();
    const first: StyleEdit[] = [
      { id: 'a', kind: 'layout', prop: 'visibility', value: 'visible' },
      { id: 'a', kind: 'paint', prop: 'fill-opacity', value: 0.5 },
      { id: 'a', kind: 'filter', value: ['==', ['get', 'k'], 1] },
    ];
    expect(changedEdits(first, made)).toEqual(first);
    expect(changedEdits(first, made)).toEqual([]);
    const next: StyleEdit[] = [
      { id: 'a', kind: 'layout', prop: 'visibility', value: 'none' },
      { id: 'a', kind: 'paint', prop: 'fill-opacity', value: 0.5 },
      { id: 'a', kind: 'filter', value: undefined },
    ];
    expect(changedEdits(next, made)).toEqual([next[0], next[2]]);
    expect(changedEdits(next, made)).toEqual([]);
  });
});

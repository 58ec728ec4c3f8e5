import { describe, expect, it } from 'vitest';
import { choosePick } from './pick';

describe('choosePick', () => {
  it('prefers a point over the township under it', () => {
    const pick = choosePick([
      { layerId: 'townships', geometryType: 'Polygon', properties: { code: '430421101000', name: '西渡镇' } },
      { layerId: 'firms', geometryType: 'Point', id: 17, properties: { name: 'x' } },
    ]);
    expect(pick).toMatchObject({ kind: 'feature', selection: { layer: 'firms', id: '17' } });
  });
  it('keys areas by code and sites by feature id', () => {
    expect(choosePick([{ layerId: 'checkpoints', geometryType: 'Point', id: 25, properties: { code: 'CP-438002-01' } }])).toMatchObject({
      selection: { layer: 'checkpoints', id: '25' },
    });
    expect(choosePick([{ layerId: 'grids', geometryType: 'Polygon', id: 6001, properties: { code: '438002001001001' } }])).toMatchObject({
      selection: { layer: 'grids', id: '438002001001001' },
    });
  });
  it('keeps the topmost among polygons', () => {
    const pick = choosePick([
      { layerId: 'villages', geometryType: 'Polygon', properties: { code: '430421101001' } },
      { layerId: 'townships', geometryType: 'Polygon', properties: { code: '430421101000' } },
    ]);
    expect(pick).toMatchObject({ selection: { layer: 'villages', id: '430421101001' } });
  });
  it('reports a server cluster instead of selecting it', () => {
    expect(choosePick([{ layerId: 'venues', geometryType: 'Point', properties: { cluster: true, point_count: 12 } }])).toEqual({
      kind: 'cluster',
      count: 12,
    });
  });
  it('returns null for nothing', () => {
    expect(choosePick([])).toBeNull();
  });
});

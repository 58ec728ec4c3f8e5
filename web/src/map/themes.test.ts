import { describe, expect, it } from 'vitest';
import { catalogueLayer } from '../api/catalogue.fixture';
import type { CatalogueLayer } from '../api/types';
import { themeLegend, themeOverrides } from './themes';

const layer = (id: string, themes: CatalogueLayer['themes'] = []): CatalogueLayer => catalogueLayer({ id, themes });
const trend = { kind: 'class' as const, label: { zh: '上升', en: 'Rising' }, color: '#fdb863', shape: 'fill' as const, property: 'signal_trend', value: 'rising' };

describe('modes from the catalogue', () => {
  const catalogue = [
    layer('roads'),
    layer('villages', [{ id: 'signals', legend: [], paint: { 'fill-opacity': 0 }, styleLayers: {} }]),
    layer('townships', [{ id: 'signals', legend: [trend], paint: { 'fill-color': ['match', ['get', 'signal_trend'], 'rising', '#fdb863', '#ffffff'], 'fill-opacity': 0.5 }, styleLayers: {} }]),
  ];

  it('overrides exactly the layers that declare the mode, with their declared paint', () => {
    expect(themeOverrides(catalogue, 'signals')).toEqual([
      { layer: 'villages', paint: { 'fill-opacity': 0 } },
      { layer: 'townships', paint: catalogue[2]!.themes![0]!.paint },
    ]);
    expect(themeOverrides(catalogue, 'other')).toEqual([]);
  });

  it('shows a mode’s own outlines by their style-layer ids, only while the mode is on', () => {
    const withOutline = [layer('counties', [{ id: 'signals', legend: [], paint: {}, styleLayers: { 'counties-signals-divergent': { 'line-opacity': 1 } } }])];
    expect(themeOverrides(withOutline, 'signals')).toEqual([
      { layer: 'counties', paint: {} },
      { layer: 'counties', styleLayer: 'counties-signals-divergent', paint: { 'line-opacity': 1 } },
    ]);
    expect(themeOverrides(withOutline, 'other')).toEqual([]);
  });

  it('takes the legend from a layer that paints the mode in colour', () => {
    expect(themeLegend(catalogue, 'signals')).toEqual([trend]);
    expect(themeLegend(catalogue, 'other')).toEqual([]);
  });
});

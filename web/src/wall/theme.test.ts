import { describe, expect, it } from 'vitest';
import { catalogueLayer } from '../api/catalogue.fixture';
import { CHECKPOINT_EMPHASIS, viewOverrides } from './theme';

const signals = { id: 'signals' as const, legend: [], paint: { 'fill-color': ['match', ['get', 'signal_trend'], 'rising', '#fdb863', '#ffffff'], 'fill-opacity': 0.5 }, styleLayers: {} };
const catalogue = [
  catalogueLayer({ id: 'counties', title: { zh: '县', en: 'Counties' }, minzoom: 4, themes: [signals] }),
  catalogueLayer({ id: 'checkpoints', title: { zh: '检查站', en: 'Checkpoints' }, geometryType: 'Point', minzoom: 5 }),
];

describe('wall views', () => {
  it('draws the listing view with the style as the server sent it', () => {
    expect(viewOverrides('listing', catalogue)).toEqual([]);
  });
  it("draws the signal view with the layers' declared signals theme, nothing restated", () => {
    expect(viewOverrides('signals', catalogue)).toEqual([{ layer: 'counties', paint: signals.paint }]);
  });
  it('only sizes checkpoints up in the checkpoint view, keeping their colours', () => {
    expect(viewOverrides('checkpoints', catalogue)).toEqual([CHECKPOINT_EMPHASIS]);
    expect(Object.keys(CHECKPOINT_EMPHASIS.paint!).some((k) => k.endsWith('-color'))).toBe(false);
  });
});

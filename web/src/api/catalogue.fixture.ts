/** For unit tests: a catalogue layer as /api/layers sends it, with only the fields a test cares about given. */
import type { CatalogueLayer } from './types';

export const catalogueLayer = (l: Partial<CatalogueLayer> & Pick<CatalogueLayer, 'id'>): CatalogueLayer => ({
  title: { zh: l.id, en: l.id },
  group: 'boundaries',
  geometryType: 'Polygon',
  minzoom: 0,
  maxzoom: 16,
  visible: true,
  clusterBelowZoom: null,
  labels: false,
  count: 0,
  bounds: null,
  fields: [],
  filters: [],
  legend: [],
  themes: [],
  tiles: '',
  ogc: '',
  ...l,
});

/** Grid cells (网格) and the road network drawn as part of the offline basemap. */
import { INK, OKABE_ITO } from 'domain/palette';
import { VALID_ON_AS_OF } from './admin-area.js';
import type { LayerDefinition, Text } from './types.js';

const t = (zh: string, en: string): Text => ({ zh, en });

export const grids: LayerDefinition = {
  id: 'grids',
  title: t('网格', 'Grid cells'),
  table: 'grid_cell',
  geometryType: 'Polygon',
  // An urban grid is a few hundred metres across: legible from zoom 12.
  minzoom: 12,
  maxzoom: 16,
  tileGeometry: (z) => (z < 14 ? 't.geom_web_lo' : 't.geom_web'),
  geometry: 't.geom',
  scopeColumn: 't.code',
  // Past versions live in grid_cell_version (migration 120); tiles as of a date read both.
  asOf: { table: 'grid_cell_dated', where: VALID_ON_AS_OF },
  readsFrom: [{ table: 'grid_cell' }],
  fields: [
    { name: 'code', sql: 't.code', type: 'string', title: t('网格编码', 'Grid code') },
    { name: 'name', sql: 't.name', type: 'string', title: t('网格名称', 'Grid name') },
    { name: 'households', sql: 't.households', type: 'number', title: t('户数', 'Households') },
    { name: 'population', sql: 't.population', type: 'number', title: t('人口', 'Population') },
  ],
  paint: {
    kind: 'fill',
    opacity: 0.08,
    color: { classes: [], fallback: { color: OKABE_ITO.blue, label: t('网格', 'Grid cell') } },
    outline: { color: OKABE_ITO.blue, width: 0.8 },
  },
  labels: true,
  visible: true,
  group: 'boundaries',
};

export const roads: LayerDefinition = {
  id: 'roads',
  title: t('道路', 'Roads'),
  table: 'road',
  geometryType: 'LineString',
  minzoom: 5,
  maxzoom: 16,
  tileGeometry: () => 't.geom_web',
  geometry: 't.geom',
  readsFrom: [{ table: 'road' }],
  fields: [
    { name: 'ref', sql: 't.ref', type: 'string', title: t('编号', 'Ref') },
    { name: 'name', sql: 't.name', type: 'string', title: t('名称', 'Name') },
    { name: 'road_class', sql: 't.road_class', type: 'string', title: t('等级', 'Class') },
  ],
  paint: {
    kind: 'line',
    width: 2,
    color: {
      property: 'road_class',
      classes: [
        { value: 'expressway', color: '#C0612B', label: t('高速公路', 'Expressway') },
        { value: 'national', color: INK.road, label: t('国道', 'National road') },
        { value: 'provincial', color: '#C9A66B', label: t('省道', 'Provincial road') },
      ],
      fallback: { color: '#D7C7A8', label: t('县道', 'County road') },
    },
  },
  visible: true,
  group: 'basemap',
};

/** Point layers: checkpoints, precursor-chemical firms, key venues and wastewater sampling sites. */
import { OKABE_ITO } from 'domain/palette';
import type { LayerDefinition, Text } from './types.js';
import { CHECKPOINT_KIND_LABELS, FIRM_CATEGORY_LABELS, SITE_KIND_LABELS, VENUE_KIND_LABELS } from './vocabulary.js';

const t = (zh: string, en: string): Text => ({ zh, en });

const classesOf = <K extends string | number>(labels: Record<K, Text>, colors: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((k) => ({ value: typeof k === 'string' && /^\d+$/.test(k) ? Number(k) : k, color: colors[k], label: labels[k] }));

const filterOf = (property: string, title: Text, labels: Record<string | number, Text>) => ({
  property,
  title,
  values: Object.entries(labels).map(([k, label]) => ({ value: /^\d+$/.test(k) ? Number(k) : k, label })),
});

export const checkpoints: LayerDefinition = {
  id: 'checkpoints',
  title: t('检查站', 'Checkpoints'),
  table: 'checkpoint',
  geometryType: 'Point',
  minzoom: 5,
  maxzoom: 16,
  tileGeometry: () => 't.geom_web',
  geometry: 't.geom',
  scopeColumn: 't.county_code',
  readsFrom: [{ table: 'checkpoint' }],
  clusterBelowZoom: 8,
  fields: [
    { name: 'code', sql: 't.code', type: 'string', title: t('编号', 'Code') },
    { name: 'name', sql: 't.name', type: 'string', title: t('名称', 'Name') },
    { name: 'kind', sql: 't.kind', type: 'string', title: t('类型', 'Kind') },
    { name: 'road_ref', sql: 't.road_ref', type: 'string', title: t('道路', 'Road') },
    { name: 'on_border', sql: 't.on_border', type: 'boolean', title: t('边界站', 'On a border') },
  ],
  paint: {
    kind: 'circle',
    radius: 7,
    stroke: '#FFFFFF',
    color: {
      property: 'kind',
      classes: classesOf(CHECKPOINT_KIND_LABELS, {
        public_security: OKABE_ITO.blue,
        drug_inspection: OKABE_ITO.vermillion,
        toll_station: OKABE_ITO.grey,
        temporary: OKABE_ITO.orange,
      }),
      fallback: { color: OKABE_ITO.black, label: t('其他', 'Other') },
    },
  },
  filters: [filterOf('kind', t('检查站类型', 'Checkpoint kind'), CHECKPOINT_KIND_LABELS)],
  visible: true,
  group: 'sites',
};

/** Last inspection per target; the schedule rule itself is inspection_next_due() (see domain/src/inspection/schedule.ts). */
const DUE_JOIN = (fk: string) => `
  LEFT JOIN LATERAL (SELECT max(i.inspected_on) AS last_inspected FROM inspection i WHERE i.${fk} = t.id) li ON true`;
const DUE_FIELDS = [
  { name: 'last_inspected', sql: 'li.last_inspected', type: 'date' as const, title: t('上次检查', 'Last inspected') },
  { name: 'next_due', sql: 'inspection_next_due(li.last_inspected, t.inspection_every_days)', type: 'date' as const, title: t('下次应检', 'Next due') },
  { name: 'overdue', sql: 'inspection_next_due(li.last_inspected, t.inspection_every_days) < $asOf::date', type: 'boolean' as const, title: t('逾期未检', 'Overdue') },
];

export const firms: LayerDefinition = {
  id: 'firms',
  title: t('易制毒化学品企业', 'Precursor-chemical firms'),
  table: 'firm',
  geometryType: 'Point',
  minzoom: 6,
  maxzoom: 16,
  tileGeometry: () => 't.geom_web',
  geometry: 't.geom',
  scopeColumn: 't.township_code',
  clusterBelowZoom: 11,
  joins: DUE_JOIN('firm_id'),
  readsFrom: [{ table: 'firm' }, { table: 'inspection', kind: 'firm' }],
  fields: [
    { name: 'name', sql: 't.name', type: 'string', title: t('企业名称', 'Name') },
    { name: 'credit_code', sql: 't.credit_code', type: 'string', title: t('统一社会信用代码', 'Credit code') },
    { name: 'category', sql: 't.category', type: 'number', title: t('类别', 'Category') },
    { name: 'business', sql: 't.business', type: 'string', title: t('经营类型', 'Business') },
    { name: 'licence_expiry', sql: 't.licence_expiry', type: 'date', title: t('许可证到期', 'Licence expiry') },
    ...DUE_FIELDS,
  ],
  paint: {
    kind: 'circle',
    radius: 6,
    stroke: '#FFFFFF',
    color: {
      property: 'category',
      classes: classesOf(FIRM_CATEGORY_LABELS, { 1: OKABE_ITO.vermillion, 2: OKABE_ITO.reddishPurple, 3: OKABE_ITO.bluishGreen }),
      fallback: { color: OKABE_ITO.grey, label: t('其他', 'Other') },
    },
  },
  filters: [filterOf('category', t('企业类别', 'Firm category'), FIRM_CATEGORY_LABELS)],
  visible: true,
  group: 'sites',
};

export const venues: LayerDefinition = {
  id: 'venues',
  title: t('重点场所', 'Key venues'),
  table: 'venue',
  geometryType: 'Point',
  minzoom: 8,
  maxzoom: 16,
  tileGeometry: () => 't.geom_web',
  geometry: 't.geom',
  scopeColumn: 't.township_code',
  clusterBelowZoom: 12,
  joins: DUE_JOIN('venue_id'),
  readsFrom: [{ table: 'venue' }, { table: 'inspection', kind: 'venue' }],
  fields: [
    { name: 'code', sql: 't.code', type: 'string', title: t('编号', 'Code') },
    { name: 'name', sql: 't.name', type: 'string', title: t('场所名称', 'Name') },
    { name: 'kind', sql: 't.kind', type: 'string', title: t('类型', 'Kind') },
    { name: 'risk', sql: 't.risk', type: 'string', title: t('风险', 'Risk') },
    ...DUE_FIELDS,
  ],
  paint: {
    kind: 'circle',
    radius: 5,
    stroke: '#FFFFFF',
    color: {
      property: 'kind',
      classes: classesOf(VENUE_KIND_LABELS, {
        hotel: OKABE_ITO.blue,
        bar: OKABE_ITO.reddishPurple,
        ktv: OKABE_ITO.orange,
        bathhouse: OKABE_ITO.skyBlue,
        internet_cafe: OKABE_ITO.bluishGreen,
        private_club: OKABE_ITO.vermillion,
      }),
      fallback: { color: OKABE_ITO.grey, label: t('其他', 'Other') },
    },
  },
  filters: [filterOf('kind', t('场所类型', 'Venue kind'), VENUE_KIND_LABELS)],
  visible: false,
  group: 'sites',
};

export const wastewaterSites: LayerDefinition = {
  id: 'wastewater_sites',
  title: t('污水采样点', 'Wastewater sampling sites'),
  table: 'wastewater_site',
  geometryType: 'Point',
  minzoom: 6,
  maxzoom: 16,
  tileGeometry: () => 't.geom_web',
  geometry: 't.geom',
  scopeColumn: 't.township_code',
  readsFrom: [{ table: 'wastewater_site' }],
  clusterBelowZoom: 8,
  fields: [
    { name: 'code', sql: 't.code', type: 'string', title: t('编号', 'Code') },
    { name: 'name', sql: 't.name', type: 'string', title: t('名称', 'Name') },
    { name: 'kind', sql: 't.kind', type: 'string', title: t('类型', 'Kind') },
    { name: 'population_served', sql: 't.population_served', type: 'number', title: t('服务人口', 'Population served') },
  ],
  paint: {
    kind: 'circle',
    radius: 6,
    stroke: '#FFFFFF',
    color: {
      property: 'kind',
      classes: classesOf(SITE_KIND_LABELS, { plant_inlet: OKABE_ITO.bluishGreen, tracing: OKABE_ITO.skyBlue }),
      fallback: { color: OKABE_ITO.grey, label: t('其他', 'Other') },
    },
  },
  visible: true,
  group: 'signals',
};

export const catchments: LayerDefinition = {
  id: 'catchments',
  title: t('污水收集范围', 'Sewer catchments'),
  table: 'wastewater_site',
  where: 't.catchment IS NOT NULL',
  readsFrom: [{ table: 'wastewater_site' }],
  geometryType: 'Polygon',
  minzoom: 8,
  maxzoom: 16,
  tileGeometry: () => 't.catchment_web',
  geometry: 't.catchment',
  scopeColumn: 't.township_code',
  fields: [
    { name: 'code', sql: 't.code', type: 'string', title: t('采样点编号', 'Site code') },
    { name: 'name', sql: 't.name', type: 'string', title: t('采样点', 'Site') },
    { name: 'population_served', sql: 't.population_served', type: 'number', title: t('服务人口', 'Population served') },
  ],
  paint: {
    kind: 'line',
    width: 1.5,
    dash: [2, 2],
    color: { classes: [], fallback: { color: OKABE_ITO.bluishGreen, label: t('收集范围', 'Catchment') } },
  },
  visible: false,
  group: 'signals',
};

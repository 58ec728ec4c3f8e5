/**
 * Counties, townships and villages: one table (admin_area), three layers with their own zoom ranges. Areas are
 * coloured by their listing class as of the request's date (`as_of`), and carry their drug-signal summary.
 */
import { GRADE_COLORS, INK } from 'domain/palette';
import type { LayerDefinition, LayerField, Text } from './types.js';
import { GRADE_LABELS } from './vocabulary.js';

/** One property that folds grade, status and recency into the class the map paints. */
export const LISTING_CLASS_SQL = `CASE
  WHEN ls.status IS NULL THEN 'none'
  WHEN ls.status <> 'delisted' THEN ls.grade
  WHEN ls.event_on > $asOf::date - 365 THEN 'recently_delisted'
  ELSE 'none' END`;

export const AREA_JOINS = `
  LEFT JOIN LATERAL listing_state_at(t.code, $asOf::date) ls ON true
  LEFT JOIN area_signal sg ON sg.area_code = t.code AND sg.substance = 'index'`;

const t = (zh: string, en: string): Text => ({ zh, en });

export const AREA_FIELDS: LayerField[] = [
  { name: 'code', sql: 't.code', type: 'string', title: t('区划代码', 'Code') },
  { name: 'name', sql: 't.name', type: 'string', title: t('名称', 'Name') },
  { name: 'level', sql: 't.level', type: 'string', title: t('层级', 'Level') },
  { name: 'population', sql: 't.population', type: 'number', title: t('人口', 'Population') },
  { name: 'listing_class', sql: LISTING_CLASS_SQL, type: 'string', title: t('挂牌等级', 'Listing') },
  { name: 'listing_grade', sql: `CASE WHEN ls.status <> 'delisted' THEN ls.grade END`, type: 'string', title: t('挂牌等级', 'Grade') },
  { name: 'listing_status', sql: 'ls.status', type: 'string', title: t('挂牌状态', 'Listing status') },
  { name: 'listing_overdue', sql: `coalesce(ls.status <> 'delisted' AND ls.term_ends_on < $asOf::date, false)`, type: 'boolean', title: t('逾期未摘牌', 'Past its term') },
  { name: 'listing_recently_delisted', sql: `coalesce(ls.status = 'delisted' AND ls.event_on > $asOf::date - 365, false)`, type: 'boolean', title: t('近一年摘牌', 'Delisted within a year') },
  { name: 'signal_trend', sql: 'sg.trend', type: 'string', title: t('毒情趋势', 'Drug-signal trend') },
  { name: 'signal_load', sql: 'round(sg.latest_load::numeric, 3)', type: 'number', title: t('人均负荷', 'Load per 1000') },
  { name: 'signal_coverage', sql: 'round(sg.coverage::numeric, 3)', type: 'number', title: t('监测覆盖率', 'Coverage') },
  { name: 'signal_n', sql: 'sg.n_samples', type: 'number', title: t('样本数', 'Samples') },
];

const listingColors = {
  property: 'listing_class',
  classes: [
    { value: 'key_rectification', color: GRADE_COLORS.key_rectification, label: GRADE_LABELS.key_rectification! },
    { value: 'key_supervision', color: GRADE_COLORS.key_supervision, label: GRADE_LABELS.key_supervision! },
    { value: 'key_attention', color: GRADE_COLORS.key_attention, label: GRADE_LABELS.key_attention! },
    { value: 'recently_delisted', color: GRADE_COLORS.recently_delisted, label: t('近一年摘牌', 'Delisted within a year') },
  ],
  fallback: { color: GRADE_COLORS.none, label: t('未挂牌', 'Not listed') },
};

export const GRADE_FILTER = {
  property: 'listing_class',
  title: t('挂牌等级', 'Listing grade'),
  values: listingColors.classes.map((c) => ({ value: c.value, label: c.label })).concat([{ value: 'none', label: listingColors.fallback.label }]),
};

function areaLayer(opts: {
  id: string;
  level: 'county' | 'township' | 'village';
  title: Text;
  minzoom: number;
  loBelowZoom: number;
  opacity: number | [number, number][];
  outline: { color: string; width: number };
  visible: boolean;
}): LayerDefinition {
  return {
    id: opts.id,
    title: opts.title,
    table: 'admin_area',
    where: `t.level = '${opts.level}' AND t.valid_to IS NULL`,
    geometryType: 'Polygon',
    minzoom: opts.minzoom,
    maxzoom: 16,
    tileGeometry: (z) => (z < opts.loBelowZoom ? 't.geom_web_lo' : 't.geom_web'),
    geometry: 't.geom',
    scopeColumn: 't.code',
    fields: AREA_FIELDS,
    joins: AREA_JOINS,
    validity: { from: 't.valid_from', to: 't.valid_to' },
    paint: { kind: 'fill', color: listingColors, opacity: opts.opacity, outline: opts.outline },
    filters: [GRADE_FILTER],
    labels: true,
    visible: opts.visible,
    group: 'boundaries',
  };
}

export const counties = areaLayer({
  id: 'counties',
  level: 'county',
  title: t('县市区', 'Counties and districts'),
  minzoom: 4,
  loBelowZoom: 10,
  // Full colour while the county is the finest area drawn; a light tint once its townships are drawn over it, so
  // the two grades do not mix into a third colour (its outline stays strong).
  opacity: [
    [7, 0.5],
    [8.5, 0.12],
  ],
  outline: { color: INK.county, width: 2.5 },
  visible: true,
});

export const townships = areaLayer({
  id: 'townships',
  level: 'township',
  title: t('乡镇街道', 'Townships and streets'),
  minzoom: 7,
  loBelowZoom: 11,
  opacity: 0.55,
  outline: { color: INK.outline, width: 1.2 },
  visible: true,
});

export const villages = areaLayer({
  id: 'villages',
  level: 'village',
  title: t('村/社区', 'Villages and communities'),
  minzoom: 10,
  loBelowZoom: 12,
  opacity: 0.45,
  outline: { color: '#607D8B', width: 0.6 },
  visible: false,
});

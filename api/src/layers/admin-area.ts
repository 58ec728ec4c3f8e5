/**
 * Counties, townships and villages: one table (admin_area), three layers with their own zoom ranges. Areas are
 * coloured by their listing class as of the request's date (`as_of`), and carry their drug-signal summary.
 */
import { DARK, DIVERGENCE_COLOR, GRADE_COLORS, INK, NO_DATA_COLOR, TREND_COLORS, TRENDS } from 'domain/palette';
import { TREND_LABELS } from 'domain/wastewater';
import type { ColorRule, LayerDefinition, LayerField, LayerTheme, Outline, OutlineOverlay, Text } from './types.js';
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

/** The version of a dated row (valid_from inclusive, valid_to exclusive) in force on the tiles' as-of date. */
export const VALID_ON_AS_OF = `t.valid_from <= $asOf::date AND (t.valid_to IS NULL OR t.valid_to > $asOf::date)`;

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
  { name: 'signal_censored', sql: 'round(sg.censored_share::numeric, 3)', type: 'number', title: t('低于定量限占比', 'Share below LOQ') },
  { name: 'signal_divergent', sql: 'coalesce(sg.divergent, false)', type: 'boolean', title: t('毒情升、执法降', 'Signal up, enforcement down') },
];

const listingColors: ColorRule = {
  property: 'listing_class',
  classes: [
    { value: 'key_rectification', color: GRADE_COLORS.key_rectification, label: GRADE_LABELS.key_rectification! },
    { value: 'key_supervision', color: GRADE_COLORS.key_supervision, label: GRADE_LABELS.key_supervision! },
    { value: 'key_attention', color: GRADE_COLORS.key_attention, label: GRADE_LABELS.key_attention! },
    { value: 'recently_delisted', color: GRADE_COLORS.recently_delisted, label: t('近一年摘牌', 'Delisted within a year') },
  ],
  fallback: { color: GRADE_COLORS.none, dark: DARK.unlisted, label: t('未挂牌', 'Not listed') },
};

export const GRADE_FILTER = {
  property: 'listing_class',
  title: t('挂牌等级', 'Listing grade'),
  values: listingColors.classes.map((c) => ({ value: c.value as string, label: c.label })).concat([{ value: 'none', label: listingColors.fallback.label }]),
};

/** Two listing states also drawn without colour: past its term → thick black dashes; delisted within a year → blue dots. */
const LISTING_OVERLAYS: OutlineOverlay[] = [
  {
    id: 'overdue',
    property: 'listing_overdue',
    color: '#000000',
    dark: DARK.overdueLine,
    width: 3,
    dash: [2, 1],
    label: t('逾期未摘牌（黑色虚线框）', 'Past its term (black dashed outline)'),
  },
  {
    id: 'recently_delisted',
    property: 'listing_recently_delisted',
    color: GRADE_COLORS.recently_delisted,
    dark: DARK.delistedLine,
    width: 2.5,
    dash: [0.5, 1.5],
    label: t('近一年摘牌（蓝色点线框）', 'Delisted within a year (blue dotted outline)'),
  },
];

/** The wastewater mode: the trend of the area's drug index, confidence as opacity (signal_* fields above). */
const SIGNAL_THEME: LayerTheme = {
  id: 'signals',
  color: {
    property: 'signal_trend',
    classes: TRENDS.map((tr) => ({ value: tr, color: TREND_COLORS[tr], label: TREND_LABELS[tr] })),
    fallback: { color: NO_DATA_COLOR, label: t('无数据（未覆盖或样本不足，不着色）', 'No data (not covered or too few samples; not filled)') },
  },
  opacity: { confidence: { coverage: 'signal_coverage', n: 'signal_n' } },
  overlays: [
    {
      id: 'divergent',
      property: 'signal_divergent',
      color: DIVERGENCE_COLOR,
      width: 3.5,
      dash: [3, 1.5],
      label: t('毒情显著上升而执法下降（紫色虚线框）', 'Drug signal rising, enforcement falling (purple dashed outline)'),
    },
  ],
};

/** Areas without a signal of their own (villages) are not filled in the wastewater mode: their listing colours would read as trends. */
const NO_SIGNAL_THEME: LayerTheme = { id: 'signals', opacity: 0 };

function areaLayer(opts: {
  id: string;
  level: 'county' | 'township' | 'village';
  title: Text;
  minzoom: number;
  loBelowZoom: number;
  opacity: number | [number, number][];
  outline: Outline;
  /** Whether area_signal holds this level's trends (drawn in the wastewater mode). */
  signals: boolean;
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
    asOf: { table: 'admin_area', where: `t.level = '${opts.level}' AND ${VALID_ON_AS_OF}` },
    // Its geometry, its listing state (listing_state_at) and its drug signal.
    readsFrom: ['admin_area', 'listing', 'listing_event', 'area_signal'].map((table) => ({ table, kind: opts.level })),
    paint: { kind: 'fill', color: listingColors, opacity: opts.opacity, outline: opts.outline, overlays: LISTING_OVERLAYS },
    themes: [opts.signals ? SIGNAL_THEME : NO_SIGNAL_THEME],
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
  outline: { color: INK.county, dark: DARK.countyLine, width: 2.5 },
  signals: true,
  visible: true,
});

export const townships = areaLayer({
  id: 'townships',
  level: 'township',
  title: t('乡镇街道', 'Townships and streets'),
  minzoom: 7,
  loBelowZoom: 11,
  opacity: 0.55,
  outline: { color: INK.outline, dark: DARK.townshipLine, width: 1.2 },
  signals: true,
  visible: true,
});

export const villages = areaLayer({
  id: 'villages',
  level: 'village',
  title: t('村/社区', 'Villages and communities'),
  minzoom: 10,
  loBelowZoom: 12,
  opacity: 0.45,
  outline: { color: '#607D8B', dark: DARK.villageLine, width: 0.6 },
  signals: false,
  visible: false,
});

/**
 * What an import of each layer reads and writes: the fields a file may carry (with the column names offices use
 * for them, in Chinese and English, for the automatic mapping), the key that matches rows, the geometry kind, and
 * how rows are stored. Layer ids are those of /api/layers; roads are exported but not imported (the offline
 * basemap's roads are not an office's data).
 */
import type { Text } from '../layers/types.js';
import { CHECKPOINT_KIND_LABELS, FIRM_CATEGORY_LABELS, LEVEL_LABELS, SITE_KIND_LABELS, VENUE_KIND_LABELS } from '../layers/vocabulary.js';

/** `hours`: opening hours, read by domain/patrol/hours.ts and stored in its canonical spelling. */
export type FieldType = 'code' | 'text' | 'int' | 'date' | 'bool' | 'enum' | 'list' | 'hours';

export interface ImportField {
  /** Field id (also the column of the target table unless `column` says otherwise). */
  name: string;
  column?: string;
  type: FieldType;
  /** SQL type of the column, for the casts of the write. */
  sql: 'text' | 'integer' | 'smallint' | 'date' | 'boolean' | 'text[]';
  required: boolean;
  title: Text;
  /** Column names that map to this field without asking (compared case-, space- and punctuation-insensitively). */
  aliases: string[];
  /** Enumerations: stored value → labels that also count as that value. */
  values?: Record<string, Text>;
  /** Code fields: the shape a value must have. */
  pattern?: RegExp;
  /** SQL literal stored when a new row has no value (the table's own default, restated for coalesce). */
  default?: string;
}

export type AreaLevel = 'county' | 'township' | 'village';

export interface ImportSpec {
  layer: string;
  title: Text;
  geometry: 'Polygon' | 'Point';
  /** The field that identifies a row across imports. */
  key: string;
  fields: ImportField[];
  /** How rows are stored and versioned (writer.ts). */
  store: 'admin_area' | 'grid_cell' | 'point' | 'catchment';
  table: string;
  /** Administrative areas: the level this layer holds. */
  level?: AreaLevel;
  /** Point layers: the area-code column filled from the location when the file has none, and its level. */
  areaColumn?: { name: string; level: 'county' | 'township' };
}

const t = (zh: string, en: string): Text => ({ zh, en });

const CODE12 = /^[1-9]\d{11}$/;
const SITE_CODE = /^[A-Z0-9-]{4,32}$/;

const codeField = (title: Text, pattern: RegExp, aliases: string[]): ImportField => ({
  name: 'code', type: 'code', sql: 'text', required: true, title, pattern,
  aliases: ['code', '编码', '代码', '编号', 'bm', 'dm', ...aliases],
});
const nameField: ImportField = {
  name: 'name', type: 'text', sql: 'text', required: true, title: t('名称', 'Name'),
  aliases: ['name', '名称', 'mc', 'title'],
};
const populationField: ImportField = {
  name: 'population', type: 'int', sql: 'integer', required: false, title: t('人口', 'Population'), default: '0',
  aliases: ['population', 'pop', '人口', '人口数', '常住人口', 'rk'],
};

const openingHoursField: ImportField = {
  name: 'opening_hours', type: 'hours', sql: 'text', required: false, title: t('营业时间', 'Opening hours'),
  aliases: ['opening_hours', 'hours', 'open_hours', '营业时间', '营业时段', '开放时间', '工作时间', 'yysj'],
};

const AREA_KINDS: Record<string, Text> = {
  district: t('市辖区', 'District'), county: t('县', 'County'), county_city: t('县级市', 'County-level city'),
  town: t('镇', 'Town'), township: t('乡', 'Township'), street: t('街道', 'Street'), park: t('园区', 'Park'),
  village: t('村', 'Village'), community: t('社区', 'Community'),
};

function areaSpec(layer: string, level: AreaLevel, title: Text): ImportSpec {
  return {
    layer, title, level, geometry: 'Polygon', key: 'code', store: 'admin_area', table: 'admin_area',
    fields: [
      codeField(t('区划代码', 'Division code'), CODE12, ['区划代码', '行政区划代码', '统计用区划代码', 'xzqdm', 'qhdm', 'adcode', 'division_code']),
      nameField,
      {
        name: 'parent_code', type: 'code', sql: 'text', required: false, title: t('上级代码', 'Parent code'), pattern: CODE12,
        aliases: ['parent_code', 'parent', '上级代码', '上级区划代码', '所属区划代码', 'sjdm'],
      },
      { name: 'kind', type: 'enum', sql: 'text', required: false, title: t('类别', 'Kind'), values: AREA_KINDS, aliases: ['kind', 'type', '类别', '类型', '城乡分类'] },
      populationField,
    ],
  };
}

export const IMPORT_SPECS: readonly ImportSpec[] = [
  areaSpec('counties', 'county', LEVEL_LABELS.county!),
  areaSpec('townships', 'township', LEVEL_LABELS.township!),
  areaSpec('villages', 'village', LEVEL_LABELS.village!),
  {
    layer: 'grids', title: t('网格', 'Grid cells'), geometry: 'Polygon', key: 'code', store: 'grid_cell', table: 'grid_cell',
    fields: [
      codeField(t('网格编码', 'Grid code'), /^[1-9]\d{14}$/, ['网格编码', '网格代码', '网格编号', 'wgbm', 'grid_code']),
      { ...nameField, aliases: [...nameField.aliases, '网格名称'] },
      { name: 'households', type: 'int', sql: 'integer', required: false, default: '0', title: t('户数', 'Households'), aliases: ['households', '户数', 'hs'] },
      populationField,
    ],
  },
  {
    layer: 'checkpoints', title: t('检查站', 'Checkpoints'), geometry: 'Point', key: 'code', store: 'point', table: 'checkpoint',
    areaColumn: { name: 'county_code', level: 'county' },
    fields: [
      codeField(t('编号', 'Code'), SITE_CODE, ['检查站编号']),
      nameField,
      { name: 'kind', type: 'enum', sql: 'text', required: true, title: t('类型', 'Kind'), values: CHECKPOINT_KIND_LABELS, aliases: ['kind', 'type', '类型', '类别'] },
      { name: 'road_ref', type: 'text', sql: 'text', required: false, title: t('道路', 'Road'), aliases: ['road_ref', 'road', '道路', '所在道路', '路线编号'] },
      {
        name: 'border_of', type: 'enum', sql: 'text', required: false, title: t('边界', 'Border of'),
        values: { province: t('省界', 'Province'), city: t('市界', 'City'), county: t('县界', 'County') },
        aliases: ['border_of', 'border', '边界', '所在边界'],
      },
      { name: 'county_code', type: 'code', sql: 'text', required: false, title: t('所属县', 'County code'), pattern: CODE12, aliases: ['county_code', '县区代码', '所属县区代码'] },
      { name: 'opened_on', type: 'date', sql: 'date', required: false, title: t('设立日期', 'Opened on'), aliases: ['opened_on', '设立日期', '启用日期'] },
    ],
  },
  {
    layer: 'firms', title: t('易制毒化学品企业', 'Precursor-chemical firms'), geometry: 'Point', key: 'credit_code', store: 'point', table: 'firm',
    areaColumn: { name: 'township_code', level: 'township' },
    fields: [
      {
        name: 'credit_code', type: 'code', sql: 'text', required: true, title: t('统一社会信用代码', 'Credit code'),
        pattern: /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
        aliases: ['credit_code', 'uscc', '统一社会信用代码', '信用代码', 'tyshxydm'],
      },
      { ...nameField, aliases: [...nameField.aliases, '企业名称', '单位名称'] },
      { name: 'address', type: 'text', sql: 'text', required: true, title: t('地址', 'Address'), aliases: ['address', 'addr', '地址', '详细地址', '经营地址'] },
      { name: 'category', type: 'enum', sql: 'smallint', required: true, title: t('类别', 'Category'), values: FIRM_CATEGORY_LABELS, aliases: ['category', '类别', '易制毒类别', '品种类别'] },
      {
        name: 'business', type: 'enum', sql: 'text', required: true, title: t('经营类型', 'Business'),
        values: { producer: t('生产', 'Producer'), trader: t('经营', 'Trader'), user: t('使用', 'User') },
        aliases: ['business', '经营类型', '企业类型', '类型'],
      },
      { name: 'chemicals', type: 'list', sql: 'text[]', required: true, title: t('品种', 'Chemicals'), aliases: ['chemicals', '品种', '易制毒品种', '化学品'] },
      { name: 'licence_no', type: 'text', sql: 'text', required: false, title: t('许可证号', 'Licence no.'), aliases: ['licence_no', 'license_no', '许可证号', '许可证编号'] },
      { name: 'licence_expiry', type: 'date', sql: 'date', required: false, title: t('许可证到期', 'Licence expiry'), aliases: ['licence_expiry', 'license_expiry', '有效期至', '许可证有效期'] },
      { name: 'inspection_every_days', type: 'int', sql: 'integer', required: false, default: '90', title: t('检查周期(天)', 'Inspect every (days)'), aliases: ['inspection_every_days', '检查周期'] },
      openingHoursField,
      { name: 'township_code', type: 'code', sql: 'text', required: false, title: t('所属乡镇代码', 'Township code'), pattern: CODE12, aliases: ['township_code', '乡镇代码', '所属乡镇代码'] },
    ],
  },
  {
    layer: 'venues', title: t('重点场所', 'Key venues'), geometry: 'Point', key: 'code', store: 'point', table: 'venue',
    areaColumn: { name: 'township_code', level: 'township' },
    fields: [
      codeField(t('编号', 'Code'), SITE_CODE, ['场所编号']),
      { ...nameField, aliases: [...nameField.aliases, '场所名称'] },
      { name: 'kind', type: 'enum', sql: 'text', required: true, title: t('类型', 'Kind'), values: VENUE_KIND_LABELS, aliases: ['kind', 'type', '类型', '场所类型'] },
      { name: 'address', type: 'text', sql: 'text', required: true, title: t('地址', 'Address'), aliases: ['address', 'addr', '地址', '详细地址'] },
      {
        name: 'risk', type: 'enum', sql: 'text', required: false, default: "'low'", title: t('风险', 'Risk'),
        values: { low: t('低', 'Low'), medium: t('中', 'Medium'), high: t('高', 'High') },
        aliases: ['risk', '风险', '风险等级'],
      },
      { name: 'inspection_every_days', type: 'int', sql: 'integer', required: false, default: '60', title: t('检查周期(天)', 'Inspect every (days)'), aliases: ['inspection_every_days', '检查周期'] },
      openingHoursField,
      { name: 'township_code', type: 'code', sql: 'text', required: false, title: t('所属乡镇代码', 'Township code'), pattern: CODE12, aliases: ['township_code', '乡镇代码', '所属乡镇代码'] },
    ],
  },
  {
    layer: 'wastewater_sites', title: t('污水采样点', 'Wastewater sampling sites'), geometry: 'Point', key: 'code', store: 'point', table: 'wastewater_site',
    areaColumn: { name: 'township_code', level: 'township' },
    fields: [
      codeField(t('编号', 'Code'), SITE_CODE, ['站点编码', '采样点编码']),
      nameField,
      { name: 'kind', type: 'enum', sql: 'text', required: true, title: t('类型', 'Kind'), values: SITE_KIND_LABELS, aliases: ['kind', 'type', '类型'] },
      { name: 'parent_site_code', type: 'code', sql: 'text', required: false, title: t('所属污水厂', 'Plant'), pattern: SITE_CODE, aliases: ['parent_site_code', 'plant', '所属污水厂', '所属进水口'] },
      { name: 'population_served', type: 'int', sql: 'integer', required: true, title: t('服务人口', 'Population served'), aliases: ['population_served', '服务人口'] },
      { name: 'township_code', type: 'code', sql: 'text', required: false, title: t('所属乡镇代码', 'Township code'), pattern: CODE12, aliases: ['township_code', '乡镇代码'] },
    ],
  },
  {
    layer: 'catchments', title: t('污水收集范围', 'Sewer catchments'), geometry: 'Polygon', key: 'code', store: 'catchment', table: 'wastewater_site',
    fields: [codeField(t('采样点编号', 'Site code'), SITE_CODE, ['站点编码', '采样点编码', '采样点编号'])],
  },
];

const bySpec = new Map(IMPORT_SPECS.map((s) => [s.layer, s]));
export const importSpec = (layer: string) => bySpec.get(layer);

/**
 * Layers the drug signals rest on: sites and catchments (what a plant serves), grid cells (the people a catchment's
 * population is split by), counties and townships (boundaries and populations). Writing one recomputes the signals
 * (api/src/wastewater/recompute.ts, recomputeAfterDataChange). Villages, firms, venues and checkpoints do not move
 * a trend; enforcement beside a rising one is read again at the next recompute.
 */
export const feedsDrugSignals = (spec: ImportSpec) =>
  spec.table === 'wastewater_site' || spec.store === 'grid_cell' || (spec.store === 'admin_area' && spec.level !== 'village');
export const IMPORT_LAYERS = IMPORT_SPECS.map((s) => s.layer);

/** The datums an office can choose, in the order the page offers them. */
export const DATUM_CHOICES: { id: string; title: Text }[] = [
  { id: 'wgs84', title: t('WGS84 经纬度（GPS、奥维等）', 'WGS84 lon/lat (GPS)') },
  { id: 'cgcs2000', title: t('CGCS2000 经纬度', 'CGCS2000 lon/lat') },
  { id: 'gcj02', title: t('GCJ-02（高德、腾讯拾取）', 'GCJ-02 (AMap, Tencent)') },
  { id: 'bd09', title: t('BD-09（百度拾取）', 'BD-09 (Baidu)') },
  { id: 'EPSG:4524', title: t('CGCS2000 高斯 3° 带 36（108°E，带号）', 'CGCS2000 GK 3° zone 36 (108°E, with zone)') },
  { id: 'EPSG:4525', title: t('CGCS2000 高斯 3° 带 37（111°E，带号）', 'CGCS2000 GK 3° zone 37 (111°E, with zone)') },
  { id: 'EPSG:4526', title: t('CGCS2000 高斯 3° 带 38（114°E，带号）', 'CGCS2000 GK 3° zone 38 (114°E, with zone)') },
  { id: 'EPSG:4545', title: t('CGCS2000 高斯 3° 中央经线 108°E', 'CGCS2000 GK 3° CM 108°E') },
  { id: 'EPSG:4546', title: t('CGCS2000 高斯 3° 中央经线 111°E', 'CGCS2000 GK 3° CM 111°E') },
  { id: 'EPSG:4547', title: t('CGCS2000 高斯 3° 中央经线 114°E', 'CGCS2000 GK 3° CM 114°E') },
];

/** What the page needs to build its mapping step: each layer's fields with their titles and allowed values. */
export function describeSpecs() {
  return IMPORT_SPECS.map((s) => ({
    layer: s.layer,
    title: s.title,
    geometry: s.geometry,
    key: s.key,
    fields: s.fields.map((f) => ({ name: f.name, title: f.title, type: f.type, required: f.required, values: f.values ?? null })),
  }));
}

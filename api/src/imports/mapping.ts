/**
 * Column mapping: which source column feeds which field, and where the geometry comes from (the file's own
 * geometry, longitude/latitude columns, or a WKT column). `suggestMapping` proposes one from the column names;
 * `mapRecord` turns one source record into typed field values, reporting every bad value with its field.
 * Pure: no database, no I/O.
 */
import type { Geometry } from 'geojson';
import { z } from 'zod';
import { BAD_ENCODING, parseWkt } from 'geodata/formats';
import { parseOpeningHours } from 'domain/patrol';
import { normaliseHeader } from '../wastewater/import/validate.js';
import type { Problem } from './problems.js';
import type { ImportField, ImportSpec } from './specs.js';

export const mappingSchema = z.object({
  /** field → source column (null: not in the file). */
  fields: z.record(z.string().max(64), z.string().max(200).nullable()).default({}),
  lon: z.string().max(200).nullable().optional(),
  lat: z.string().max(200).nullable().optional(),
  wkt: z.string().max(200).nullable().optional(),
});
export type Mapping = z.infer<typeof mappingSchema>;

const GEOMETRY_ALIASES = {
  lon: ['lon', 'lng', 'long', 'longitude', 'x', 'point_x', '经度', 'jd', '东经', '横坐标'],
  lat: ['lat', 'latitude', 'y', 'point_y', '纬度', 'wd', '北纬', '纵坐标'],
  wkt: ['wkt', 'geometry', 'geom', 'the_geom', 'shape', '几何', '空间信息'],
};

/** dBASE cuts field names to 10 bytes: 'population_served' arrives as 'population'. Compare the first 10 too. */
function matches(column: string, aliases: readonly string[]): boolean {
  const c = normaliseHeader(column);
  if (!c) return false;
  return aliases.some((a) => {
    const n = normaliseHeader(a);
    return n === c || (column.length === 10 && a.length > 10 && a.slice(0, 10).toLowerCase() === column.toLowerCase());
  });
}

export function suggestMapping(spec: ImportSpec, columns: readonly string[], hasGeometry: boolean): Mapping {
  const used = new Set<string>();
  const pick = (aliases: readonly string[]) => {
    const col = columns.find((c) => !used.has(c) && matches(c, aliases)) ?? null;
    if (col) used.add(col);
    return col;
  };
  const fields: Record<string, string | null> = {};
  // Exact field names first, so a column called `code` is never taken by a looser alias of another field.
  for (const f of spec.fields) {
    const exact = columns.find((c) => !used.has(c) && c.toLowerCase() === f.name);
    if (exact) {
      fields[f.name] = exact;
      used.add(exact);
    }
  }
  for (const f of spec.fields) fields[f.name] ??= pick(f.aliases);
  if (hasGeometry) return { fields };
  return { fields, lon: pick(GEOMETRY_ALIASES.lon), lat: pick(GEOMETRY_ALIASES.lat), wkt: pick(GEOMETRY_ALIASES.wkt) };
}

/** File-level problems of a mapping: unknown columns, required fields unmapped, no geometry source. */
export function checkMapping(spec: ImportSpec, mapping: Mapping, columns: readonly string[], hasGeometry: boolean): Problem[] {
  const out: Problem[] = [];
  const known = new Set(columns);
  for (const [field, col] of Object.entries(mapping.fields)) {
    if (!spec.fields.some((f) => f.name === field)) out.push({ feature: 0, code: null, field, rule: 'bad_mapping', params: { reason: `unknown field ${field}` } });
    else if (col !== null && !known.has(col)) out.push({ feature: 0, code: null, field, rule: 'bad_mapping', params: { reason: `no column "${col}"` } });
  }
  for (const f of spec.fields) {
    if (f.required && !mapping.fields[f.name]) out.push({ feature: 0, code: null, field: f.name, rule: 'missing_column', params: { field: f.name } });
  }
  for (const g of ['lon', 'lat', 'wkt'] as const) {
    const col = mapping[g];
    if (col && !known.has(col)) out.push({ feature: 0, code: null, field: g, rule: 'bad_mapping', params: { reason: `no column "${col}"` } });
  }
  if (!hasGeometry && !mapping.wkt && !(mapping.lon && mapping.lat)) out.push({ feature: 0, code: null, field: 'geometry', rule: 'missing_coordinates', params: {} });
  return out;
}

export type FieldValue = string | number | boolean | string[] | null;

export interface MappedRecord {
  index: number;
  key: string | null;
  values: Record<string, FieldValue>;
  /** Source coordinates: the file's geometry, or built from lon/lat or WKT columns. */
  geometry: Geometry | null;
  /** An EWKT's SRID, when the WKT column named one. */
  srid: number | null;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : String(v).trim());
const TRUE = new Set(['1', 'true', 't', 'y', 'yes', '是', '√', '✓']);
const FALSE = new Set(['0', 'false', 'f', 'n', 'no', '否', '×']);

function parseDate(s: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(iso + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** A statistical code given in its short form (6 digits for a county, 9 for a township) in its 12-digit form. */
const fullAreaCode = (s: string) => (/^[1-9]\d{5}$|^[1-9]\d{8}$/.test(s) ? s.padEnd(12, '0') : s);

function enumValue(f: ImportField, raw: string): string | null {
  const want = normaliseHeader(raw);
  for (const [value, label] of Object.entries(f.values ?? {})) {
    if ([value, label.zh, label.en].some((x) => normaliseHeader(x) === want)) return value;
  }
  // 第一类 / 一类 / 1类 for firm categories.
  const cat = /^(?:第)?([一二三123])类?/.exec(raw.trim());
  if (cat && f.values && '1' in f.values) return String('一二三'.indexOf(cat[1]!) + 1 || Number(cat[1]));
  return null;
}

function parseField(f: ImportField, raw: unknown, report: (rule: string, params: Record<string, string | number>) => void): FieldValue {
  const s = text(raw);
  if (s === '') {
    if (f.required) report('missing_value', { field: f.name });
    return null;
  }
  switch (f.type) {
    case 'code': {
      const code = f.pattern && f.pattern.source.startsWith('^[1-9]\\d{11}') ? fullAreaCode(s) : s.toUpperCase();
      if (f.pattern && !f.pattern.test(code)) {
        report('bad_code', { field: f.name, value: s });
        return null;
      }
      return code;
    }
    case 'int': {
      const n = typeof raw === 'number' ? raw : /^[+]?\d{1,3}(,\d{3})*(\.0+)?$|^[+]?\d+(\.0+)?$/.test(s) ? Number(s.replace(/,/g, '')) : NaN;
      if (!Number.isInteger(n) || n < 0 || n > 2_000_000_000) {
        report('bad_number', { field: f.name, value: s });
        return null;
      }
      return n;
    }
    case 'date': {
      const d = parseDate(s);
      if (!d) report('bad_date', { field: f.name, value: s });
      return d;
    }
    case 'bool': {
      const l = s.toLowerCase();
      if (TRUE.has(l)) return true;
      if (FALSE.has(l)) return false;
      report('bad_bool', { field: f.name, value: s });
      return null;
    }
    case 'enum': {
      const v = enumValue(f, s);
      if (v === null) report('unknown_value', { field: f.name, value: s, allowed: Object.values(f.values ?? {}).map((l) => l.zh).join('、') });
      return v;
    }
    case 'hours': {
      const h = parseOpeningHours(s);
      if (!h.ok) report('bad_opening_hours', { field: f.name, value: s });
      return h.ok ? h.canonical : null;
    }
    case 'list': {
      const items = s.split(/[;；、,，|]/).map((x) => x.trim()).filter(Boolean);
      if (!items.length && f.required) report('missing_value', { field: f.name });
      return items.length ? items : null;
    }
    default:
      return s;
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const coordinate = (v: unknown) => (typeof v === 'number' ? v : NUMBER.test(text(v)) ? Number(text(v)) : NaN);

/** One source record through the mapping: typed values, the key and the source geometry; problems go to `report`. */
export function mapRecord(
  spec: ImportSpec,
  mapping: Mapping,
  rec: { index: number; properties: Record<string, unknown>; geometry: Geometry | null },
  report: (p: Problem) => void,
): MappedRecord {
  const values: Record<string, FieldValue> = {};
  const rowProblems: Problem[] = [];
  const keyRaw = mapping.fields[spec.key] ? text(rec.properties[mapping.fields[spec.key]!]) : '';
  if (rec.properties[BAD_ENCODING]) rowProblems.push({ feature: rec.index, code: keyRaw || null, field: null, rule: 'bad_encoding', params: {} });
  for (const f of spec.fields) {
    const col = mapping.fields[f.name];
    if (!col) continue;
    values[f.name] = parseField(f, rec.properties[col], (rule, params) => rowProblems.push({ feature: rec.index, code: keyRaw || null, field: f.name, rule, params }));
  }
  let geometry = rec.geometry;
  let srid: number | null = null;
  if (!geometry && mapping.wkt && text(rec.properties[mapping.wkt])) {
    const parsed = parseWkt(text(rec.properties[mapping.wkt]));
    if (parsed) [geometry, srid] = [parsed.geometry, parsed.srid];
    else rowProblems.push({ feature: rec.index, code: keyRaw || null, field: 'wkt', rule: 'bad_geometry', params: {} });
  } else if (!geometry && mapping.lon && mapping.lat) {
    const [x, y] = [rec.properties[mapping.lon], rec.properties[mapping.lat]];
    if (text(x) !== '' || text(y) !== '') {
      const [lon, lat] = [coordinate(x), coordinate(y)];
      if (Number.isFinite(lon) && Number.isFinite(lat)) geometry = { type: 'Point', coordinates: [lon, lat] };
      else rowProblems.push({ feature: rec.index, code: keyRaw || null, field: 'lon', rule: 'bad_coordinates', params: { value: `${text(x)}, ${text(y)}` } });
    }
  }
  const key = typeof values[spec.key] === 'string' ? (values[spec.key] as string) : null;
  for (const p of rowProblems) report({ ...p, code: key ?? p.code });
  return { index: rec.index, key, values, geometry, srid };
}

/**
 * Reading a file into the staging table: record → mapping → the checks that need no database (code shape for the
 * level, jurisdiction by code, parent code) → conversion to WGS84 → a batch insert every BATCH records.
 * Records with a problem are still staged when they have a code and a geometry (the map shows them), marked bad.
 */
import type { SourceCrs } from 'domain/crs';
import type { SourceReader } from 'geodata/formats';
import type { Queryable } from 'db';
import { makeConverter } from './convert.js';
import { mapRecord, type Mapping } from './mapping.js';
import type { Problem, ProblemLog } from './problems.js';
import type { AreaLevel, ImportSpec } from './specs.js';
import { insertBatch, type StagedRow } from './staging.js';

export const BATCH = 2000;

/** The shape a 12-digit code has at each level (as migrations/001_core.sql's CHECK on admin_area). */
const LEVEL_CODE: Record<AreaLevel, RegExp> = {
  county: /^\d{4}(0[1-9]|[1-9]\d)0{6}$/,
  township: /^\d{6}(\d{2}[1-9]|\d[1-9]\d|[1-9]\d{2})000$/,
  village: /^\d{9}(?!000)\d{3}$/,
};
const LEVEL_NAME: Record<AreaLevel, string> = { county: '县', township: '乡镇', village: '村' };

/** The parent of an area or grid code: county → city, township → county, village → township, grid → village. */
export function parentCode(spec: ImportSpec, code: string): string | null {
  if (spec.store === 'grid_cell') return code.slice(0, 12);
  switch (spec.level) {
    case 'county':
      return code.slice(0, 4).padEnd(12, '0');
    case 'township':
      return code.slice(0, 6).padEnd(12, '0');
    case 'village':
      return code.slice(0, 9).padEnd(12, '0');
    default:
      return null;
  }
}

export interface StageOptions {
  spec: ImportSpec;
  mapping: Mapping;
  crs: SourceCrs;
  scopePrefix: string;
  log: ProblemLog;
  onBatch?: (recordsRead: number) => void;
}

export interface StageResult {
  read: number;
  staged: number;
}

export async function readIntoStaging(tx: Queryable, source: SourceReader, o: StageOptions): Promise<StageResult> {
  const convert = makeConverter(o.crs);
  let batch: StagedRow[] = [];
  let read = 0;
  let staged = 0;
  const codeScoped = o.spec.store === 'admin_area' || o.spec.store === 'grid_cell';
  for await (const rec of source.records()) {
      read++;
      const problems: Problem[] = [];
      const report = (p: Problem) => problems.push(p);
      const m = mapRecord(o.spec, o.mapping, rec, report);
      let parent: string | null = null;
      if (m.key) {
        if (o.spec.level && !LEVEL_CODE[o.spec.level].test(m.key)) report({ feature: rec.index, code: m.key, field: 'code', rule: 'code_level_mismatch', params: { value: m.key, level: LEVEL_NAME[o.spec.level] } });
        if (codeScoped && !m.key.startsWith(o.scopePrefix)) report({ feature: rec.index, code: m.key, field: 'code', rule: 'outside_jurisdiction', params: {} });
        parent = parentCode(o.spec, m.key);
        const given = m.values.parent_code;
        if (typeof given === 'string' && parent && given !== parent) report({ feature: rec.index, code: m.key, field: 'parent_code', rule: 'parent_mismatch', params: { parent: given, code: m.key } });
        if (o.spec.areaColumn && typeof m.values[o.spec.areaColumn.name] === 'string') parent = m.values[o.spec.areaColumn.name] as string;
      }
      const geometryReported = problems.some((p) => p.rule === 'bad_coordinates' || p.rule === 'bad_geometry');
      let converted = null;
      if (m.geometry) converted = convert(m.geometry, o.spec.geometry, { feature: rec.index, code: m.key, srid: m.srid }, report);
      else if (!geometryReported) report({ feature: rec.index, code: m.key, field: 'geometry', rule: 'missing_geometry', params: {} });
      for (const p of problems) o.log.add(p);
      if (!m.key || !converted) continue;
      batch.push({ n: rec.index, code: m.key, attrs: m.values, geometry: converted.geometry, candidates: converted.candidates, bad: problems.length > 0, parent });
      if (batch.length >= BATCH) {
        await insertBatch(tx, batch);
        staged += batch.length;
        batch = [];
        o.onBatch?.(read);
      }
  }
  await insertBatch(tx, batch);
  staged += batch.length;
  o.onBatch?.(read);
  return { read, staged };
}

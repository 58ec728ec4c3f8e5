/**
 * GeoJSON reader and writer.
 *
 * Reader: a FeatureCollection is streamed feature by feature (stream-json), so a file of any size is read in
 * bounded memory; a single Feature or bare geometry, and newline-delimited GeoJSON (GeoJSONSeq, one feature per
 * line, as `ogr2ogr -f GeoJSONSeq` writes), are read too. A legacy `crs` member (GDAL writes
 * {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4526"}}) is reported as the file's CRS text.
 *
 * Writer: a FeatureCollection streamed one feature at a time, coordinates rounded to 7 decimals (~1 cm).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline, type Writable } from 'node:stream';
import type { Feature, Geometry } from 'geojson';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { readSample } from './file-sample.js';
import { DEFAULT_LIMITS, vertexCount } from './limits.js';
import { FormatError, type ReadLimits, type SourceReader, type SourceRecord } from './types.js';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
/** Single features and bare geometries are parsed whole: refuse them above this size. */
const MAX_WHOLE_JSON_BYTES = 256 * 1024 * 1024;

type Shape = 'collection' | 'sequence' | 'single';

function shapeOf(sampleText: string): Shape {
  const text = sampleText.replace(/^\uFEFF/, '').trimStart().replace(/^\x1e/, '');
  if (!text.startsWith('{')) throw new FormatError('not_geojson');
  if (/"type"\s*:\s*"FeatureCollection"/.test(text) || /"features"\s*:\s*\[/.test(text)) return 'collection';
  const firstLine = text.split(/\r?\n/, 1)[0]!;
  try {
    JSON.parse(firstLine);
    return text.slice(firstLine.length).trim().length > 0 ? 'sequence' : 'single';
  } catch {
    return 'single';
  }
}

function crsNameOf(sampleText: string): string | null {
  const m = /"crs"\s*:\s*\{[^{}]*"properties"\s*:\s*\{[^{}]*"name"\s*:\s*"([^"]{1,200})"/.exec(sampleText);
  return m ? m[1]! : null;
}

/** A parsed JSON value as a record, or a FormatError naming the feature. */
function toRecord(value: unknown, index: number, limits: ReadLimits): SourceRecord {
  if (!value || typeof value !== 'object') throw new FormatError('not_a_feature', {}, index);
  const v = value as { type?: unknown; geometry?: unknown; properties?: unknown; coordinates?: unknown };
  let geometry: Geometry | null;
  let properties: Record<string, unknown>;
  if (v.type === 'Feature') {
    geometry = (v.geometry ?? null) as Geometry | null;
    properties = v.properties && typeof v.properties === 'object' ? (v.properties as Record<string, unknown>) : {};
  } else if (typeof v.type === 'string' && GEOMETRY_TYPES.has(v.type)) {
    geometry = value as Geometry;
    properties = {};
  } else throw new FormatError('not_a_feature', {}, index);
  if (geometry && (typeof geometry !== 'object' || !GEOMETRY_TYPES.has(geometry.type))) throw new FormatError('bad_geometry', {}, index);
  if (geometry && vertexCount(geometry) > limits.maxVerticesPerGeometry) throw new FormatError('too_many_vertices', { max: limits.maxVerticesPerGeometry }, index);
  for (const [k, p] of Object.entries(properties)) {
    if (typeof p === 'string' && p.length > limits.maxCellChars) throw new FormatError('cell_too_long', { column: k, max: limits.maxCellChars }, index);
  }
  return { index, properties, geometry };
}

async function* collectionValues(path: string): AsyncGenerator<unknown> {
  const tokens = streamArray.asStream();
  // pipeline() destroys every stage with the first error, so the loop below sees a parse error as a throw.
  pipeline(createReadStream(path), parser.asStream(), pick.asStream({ filter: 'features' }), tokens, () => undefined);
  try {
    for await (const item of tokens as AsyncIterable<{ key: number; value: unknown }>) yield item.value;
  } catch (err) {
    throw err instanceof FormatError ? err : new FormatError('bad_json', { reason: String((err as Error).message).slice(0, 200) });
  }
}

async function* sequenceValues(path: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = raw.replace(/^\uFEFF/, '').replace(/^\x1e/, '').trim();
    if (!line) continue;
    try {
      yield JSON.parse(line);
    } catch {
      throw new FormatError('bad_json', { reason: `line ${lineNo}` });
    }
  }
}

async function* singleValue(path: string): AsyncGenerator<unknown> {
  if ((await stat(path)).size > MAX_WHOLE_JSON_BYTES) throw new FormatError('geojson_too_large_single', { maxMb: MAX_WHOLE_JSON_BYTES / 1024 ** 2 });
  const chunks: Buffer[] = [];
  for await (const c of createReadStream(path)) chunks.push(c as Buffer);
  try {
    yield JSON.parse(Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new FormatError('bad_json', { reason: String((err as Error).message).slice(0, 200) });
  }
}

export async function openGeoJson(path: string, opts: { limits?: ReadLimits } = {}): Promise<SourceReader> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const sample = await readSample(path, 64 * 1024);
  if (sample.length === 0 || new TextDecoder().decode(sample).trim() === '') throw new FormatError('empty_file');
  const sampleText = new TextDecoder().decode(sample);
  const shape = shapeOf(sampleText);
  const values = () => (shape === 'collection' ? collectionValues(path) : shape === 'sequence' ? sequenceValues(path) : singleValue(path));

  async function* records(): AsyncGenerator<SourceRecord> {
    let index = 0;
    for await (const value of values()) {
      if (++index > limits.maxRecords) throw new FormatError('too_many_records', { max: limits.maxRecords });
      // A FeatureCollection given where a single value was expected.
      if (shape === 'single' && value && (value as { type?: string }).type === 'FeatureCollection') {
        for (const f of ((value as { features?: unknown[] }).features ?? [])) yield toRecord(f, index++, limits);
        continue;
      }
      yield toRecord(value, index, limits);
    }
  }

  // Columns: the property names of the first features (a preview of the attribute table).
  const columns: string[] = [];
  let seen = 0;
  for await (const r of records()) {
    for (const k of Object.keys(r.properties)) if (!columns.includes(k)) columns.push(k);
    if (++seen >= 50) break;
  }
  if (seen === 0) throw new FormatError('empty_file');

  // Features ≈ file size × features per byte of the sample.
  const inSample = (sampleText.match(/"Feature"/g) ?? []).length;
  const size = (await stat(path)).size;
  const estimatedRecords = inSample > 0 ? Math.round((size / sample.length) * inSample) : null;
  return {
    info: { format: 'geojson', encoding: null, encodingSource: 'format', columns, crsText: crsNameOf(sampleText), declaredGeometryType: null, estimatedRecords },
    records,
    close: async () => undefined,
  };
}

const round7 = (c: unknown): unknown => (Array.isArray(c) ? (typeof c[0] === 'number' ? c.map((x: number) => Math.round(x * 1e7) / 1e7) : c.map(round7)) : c);

/** Coordinates rounded to 7 decimals (~1 cm in degrees). */
export function roundGeometry(g: Geometry): Geometry {
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(roundGeometry) };
  return { ...g, coordinates: round7(g.coordinates) } as Geometry;
}

/** A streaming FeatureCollection writer; write() returns false when the caller should wait for 'drain'. */
export function geoJsonWriter(out: Writable, meta: Record<string, unknown> = {}) {
  const head = { type: 'FeatureCollection', ...meta };
  out.write(JSON.stringify(head).slice(0, -1) + ',"features":[\n');
  let first = true;
  return {
    write(f: Feature): boolean {
      const text = JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry ? roundGeometry(f.geometry) : null });
      const ok = out.write((first ? '' : ',\n') + text);
      first = false;
      return ok;
    },
    end: () => out.write('\n]}\n'),
  };
}

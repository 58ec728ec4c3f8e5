/**
 * Shapefile writer (ESRI Shapefile Technical Description, 1998; dBASE III table), streaming to disk:
 * .shp and .shx are written record by record and their headers patched at the end; attribute rows go to a
 * temporary file while the widest value of each column is measured, then the .dbf is written from it. Memory is
 * bounded by one record whatever the count.
 *
 * Why our own writer rather than @mapbox/shp-write: that one builds every file in memory, writes no .cpg, leaves
 * ring orientation as it comes (Shapefile polygons need clockwise outer rings) and has no GBK output, which the
 * test fixtures (a survey bureau's GBK Shapefile) need.
 *
 * Geometry: Point; LineString/MultiLineString → PolyLine; Polygon/MultiPolygon → Polygon, outer rings clockwise and
 * holes counter-clockwise as the format requires; null → Null shape. Text is encoded as asked (UTF-8 or GBK) and
 * a .cpg says which; field names are cut to 10 bytes and made unique.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Geometry, Position } from 'geojson';
import iconv from 'iconv-lite';
import type { TextEncoding } from './types.js';

export type DbfFieldType = 'string' | 'number' | 'boolean' | 'date';
export interface DbfField {
  name: string;
  type: DbfFieldType;
}
export type ShapeKind = 'Point' | 'LineString' | 'Polygon';

const SHAPE_CODE: Record<ShapeKind, number> = { Point: 1, LineString: 3, Polygon: 5 };

export interface ShapefileWriterOptions {
  shapeKind: ShapeKind;
  fields: readonly DbfField[];
  encoding: TextEncoding;
  /** .prj text; null writes no .prj (GCJ-02/BD-09 have none). */
  prj: string | null;
}

/** Signed area (shoelace): positive for counter-clockwise rings in x-right, y-up axes. */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s / 2;
}
const oriented = (ring: Position[], clockwise: boolean) => ((signedArea(ring) < 0) === clockwise ? ring : [...ring].reverse());

/** The parts (rings or lines) of a geometry, in Shapefile order and orientation. */
function partsOf(g: Geometry): Position[][] {
  switch (g.type) {
    case 'Polygon':
      return g.coordinates.map((r, i) => oriented(r, i === 0));
    case 'MultiPolygon':
      return g.coordinates.flatMap((p) => p.map((r, i) => oriented(r, i === 0)));
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    default:
      throw new Error(`cannot write ${g.type} as a polyline or polygon`);
  }
}

/** One record's content (without the 8-byte record header). */
function shapeContent(g: Geometry | null, kind: ShapeKind): { bytes: Buffer; bbox: [number, number, number, number] | null } {
  if (!g) {
    const b = Buffer.alloc(4);
    b.writeInt32LE(0, 0);
    return { bytes: b, bbox: null };
  }
  if (kind === 'Point') {
    if (g.type !== 'Point') throw new Error(`expected Point, got ${g.type}`);
    const b = Buffer.alloc(20);
    b.writeInt32LE(1, 0);
    b.writeDoubleLE(g.coordinates[0]!, 4);
    b.writeDoubleLE(g.coordinates[1]!, 12);
    return { bytes: b, bbox: [g.coordinates[0]!, g.coordinates[1]!, g.coordinates[0]!, g.coordinates[1]!] };
  }
  const parts = partsOf(g);
  const nPoints = parts.reduce((n, p) => n + p.length, 0);
  const b = Buffer.alloc(44 + 4 * parts.length + 16 * nPoints);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of parts) for (const [x, y] of p) [x0, y0, x1, y1] = [Math.min(x0, x!), Math.min(y0, y!), Math.max(x1, x!), Math.max(y1, y!)];
  b.writeInt32LE(SHAPE_CODE[kind], 0);
  [x0, y0, x1, y1].forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
  b.writeInt32LE(parts.length, 36);
  b.writeInt32LE(nPoints, 40);
  let off = 44;
  let start = 0;
  for (const p of parts) {
    b.writeInt32LE(start, off);
    off += 4;
    start += p.length;
  }
  for (const p of parts) {
    for (const [x, y] of p) {
      b.writeDoubleLE(x!, off);
      b.writeDoubleLE(y!, off + 8);
      off += 16;
    }
  }
  return { bytes: b, bbox: [x0, y0, x1, y1] };
}

function fileHeader(kind: ShapeKind, lengthBytes: number, bbox: [number, number, number, number]): Buffer {
  const h = Buffer.alloc(100);
  h.writeInt32BE(9994, 0);
  h.writeInt32BE(lengthBytes / 2, 24);
  h.writeInt32LE(1000, 28);
  h.writeInt32LE(SHAPE_CODE[kind], 32);
  bbox.forEach((v, i) => h.writeDoubleLE(Number.isFinite(v) ? v : 0, 36 + 8 * i));
  return h;
}

/** Field names as dBASE allows: at most 10 bytes in the file's encoding, unique. */
export function dbfFieldNames(names: readonly string[], encoding: TextEncoding): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    let name = n;
    while (iconv.encode(name, encoding === 'utf-8' ? 'utf8' : 'gb18030').length > 10) name = name.slice(0, -1);
    let candidate = name;
    for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = name.slice(0, 10 - String(i).length - 1) + '_' + i;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

const encode = (s: string, enc: TextEncoding) => iconv.encode(s, enc === 'utf-8' ? 'utf8' : 'gb18030');

/** A value as dBASE text (before padding). */
function dbfText(v: unknown, type: DbfFieldType): string {
  if (v === null || v === undefined || v === '') return '';
  if (type === 'number') return Number.isFinite(Number(v)) ? String(Number(v)) : '';
  if (type === 'boolean') return v === true || v === 'true' ? 'T' : 'F';
  if (type === 'date') return String(v).slice(0, 10).replace(/-/g, '');
  return String(v);
}

/** Cut encoded text to `max` bytes without splitting a character. */
function cutBytes(s: string, enc: TextEncoding, max: number): Buffer {
  let b = encode(s, enc);
  let t = s;
  while (b.length > max) {
    t = t.slice(0, -1);
    b = encode(t, enc);
  }
  return b;
}

export interface ShapefileWriter {
  write(geometry: Geometry | null, properties: Record<string, unknown>): Promise<void>;
  /** Finish every file; returns their paths by extension. */
  close(): Promise<Record<string, string>>;
}

function writeAsync(s: WriteStream, b: Buffer | string): Promise<void> {
  return new Promise((resolve, reject) => (s.write(b, (err) => (err ? reject(err) : resolve()))));
}

export async function openShapefileWriter(dir: string, base: string, opts: ShapefileWriterOptions): Promise<ShapefileWriter> {
  const paths = { shp: join(dir, `${base}.shp`), shx: join(dir, `${base}.shx`), dbf: join(dir, `${base}.dbf`), rows: join(dir, `${base}.rows.jsonl`) };
  const shp = createWriteStream(paths.shp);
  const shx = createWriteStream(paths.shx);
  const rows = createWriteStream(paths.rows);
  await Promise.all([writeAsync(shp, Buffer.alloc(100)), writeAsync(shx, Buffer.alloc(100))]);
  const names = dbfFieldNames(opts.fields.map((f) => f.name), opts.encoding);
  const widths: number[] = opts.fields.map((f) => (f.type === 'date' ? 8 : 1));
  const decimals = opts.fields.map(() => 0);
  /** Numbers: the widest integer part (with its sign) seen per column. */
  const intWidths = opts.fields.map(() => 1);
  let offset = 100;
  let count = 0;
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];

  return {
    async write(geometry, properties) {
      const { bytes, bbox: b } = shapeContent(geometry, opts.shapeKind);
      count++;
      const rec = Buffer.alloc(8);
      rec.writeInt32BE(count, 0);
      rec.writeInt32BE(bytes.length / 2, 4);
      const idx = Buffer.alloc(8);
      idx.writeInt32BE(offset / 2, 0);
      idx.writeInt32BE(bytes.length / 2, 4);
      offset += 8 + bytes.length;
      if (b) [bbox[0], bbox[1], bbox[2], bbox[3]] = [Math.min(bbox[0], b[0]), Math.min(bbox[1], b[1]), Math.max(bbox[2], b[2]), Math.max(bbox[3], b[3])];
      const texts = opts.fields.map((f, i) => {
        const t = dbfText(properties[f.name], f.type);
        if (f.type === 'number' && t !== '') {
          const [int, frac = ''] = Number(t).toFixed(Math.min(15, t.includes('.') ? t.length - t.indexOf('.') - 1 : 0)).split('.');
          intWidths[i] = Math.max(intWidths[i]!, int!.length);
          decimals[i] = Math.min(15, Math.max(decimals[i]!, frac.length));
        } else widths[i] = Math.min(254, Math.max(widths[i]!, f.type === 'string' ? encode(t, opts.encoding).length : t.length));
        return t;
      });
      // Await the .shp write so a slow disk applies back-pressure to the producer.
      await Promise.all([writeAsync(shp, Buffer.concat([rec, bytes])), writeAsync(shx, idx), writeAsync(rows, JSON.stringify(texts) + '\n')]);
    },

    async close() {
      await Promise.all([shp, shx, rows].map((s) => new Promise<void>((r) => s.end(() => r()))));
      for (const [path, length] of [[paths.shp, offset], [paths.shx, 100 + 8 * count]] as const) {
        const fh = await open(path, 'r+');
        await fh.write(fileHeader(opts.shapeKind, length, bbox), 0, 100, 0);
        await fh.close();
      }
      // Numbers: the widest integer part, the point and the most decimals seen (dBASE N allows 19 digits in all).
      opts.fields.forEach((f, i) => {
        if (f.type !== 'number') return;
        decimals[i] = Math.max(0, Math.min(decimals[i]!, 19 - intWidths[i]! - 1));
        widths[i] = Math.min(19, intWidths[i]! + (decimals[i]! ? decimals[i]! + 1 : 0));
      });
      await writeDbf(paths.dbf, paths.rows, opts, names, widths, decimals, count);
      await rm(paths.rows, { force: true });
      const out: Record<string, string> = { shp: paths.shp, shx: paths.shx, dbf: paths.dbf };
      const cpg = join(dir, `${base}.cpg`);
      await writeFile(cpg, opts.encoding === 'utf-8' ? 'UTF-8' : 'GBK');
      out.cpg = cpg;
      if (opts.prj) {
        const prj = join(dir, `${base}.prj`);
        await writeFile(prj, opts.prj);
        out.prj = prj;
      }
      return out;
    },
  };
}

async function writeDbf(path: string, rowsPath: string, opts: ShapefileWriterOptions, names: string[], widths: number[], decimals: number[], count: number) {
  const out = createWriteStream(path);
  const n = opts.fields.length;
  const head = Buffer.alloc(32 + 32 * n + 1);
  const now = new Date();
  head.writeUInt8(0x03, 0);
  head.writeUInt8(now.getUTCFullYear() - 1900, 1);
  head.writeUInt8(now.getUTCMonth() + 1, 2);
  head.writeUInt8(now.getUTCDate(), 3);
  head.writeUInt32LE(count, 4);
  head.writeUInt16LE(32 + 32 * n + 1, 8);
  head.writeUInt16LE(1 + widths.reduce((a, b) => a + b, 0), 10);
  // Language driver: 0x4D is code page 936 (GBK) for readers that ignore the .cpg.
  head.writeUInt8(opts.encoding === 'utf-8' ? 0 : 0x4d, 29);
  opts.fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    cutBytes(names[i]!, opts.encoding, 10).copy(head, at);
    head.write({ string: 'C', number: 'N', boolean: 'L', date: 'D' }[f.type], at + 11, 'latin1');
    head.writeUInt8(widths[i]!, at + 16);
    head.writeUInt8(f.type === 'number' ? decimals[i]! : 0, at + 17);
  });
  head.writeUInt8(0x0d, 32 + 32 * n);
  await writeAsync(out, head);
  const lines = createInterface({ input: createReadStream(rowsPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    const texts = JSON.parse(line) as string[];
    const parts: Buffer[] = [Buffer.from(' ')];
    opts.fields.forEach((f, i) => {
      const w = widths[i]!;
      let t = texts[i]!;
      if (f.type === 'number' && t !== '' && decimals[i]) t = Number(t).toFixed(decimals[i]);
      const bytes = f.type === 'string' ? cutBytes(t, opts.encoding, w) : Buffer.from(t.slice(0, w), 'latin1');
      const cell = Buffer.alloc(w, 0x20);
      // Numbers are right-aligned, text left-aligned.
      bytes.copy(cell, f.type === 'number' ? w - bytes.length : 0);
      parts.push(cell);
    });
    if (!out.write(Buffer.concat(parts))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await writeAsync(out, Buffer.from([0x1a]));
  await new Promise<void>((r) => out.end(() => r()));
}

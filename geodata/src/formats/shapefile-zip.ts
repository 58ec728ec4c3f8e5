/**
 * Zipped Shapefile reader: one .shp with its .dbf (attributes), and the optional .prj (coordinate system) and
 * .cpg (attribute encoding). The parts are inflated to a temporary folder (zip.ts: entry and size limits) and
 * read record by record with the `shapefile` package, so memory stays bounded whatever the size.
 *
 * Encoding of the attributes: the .cpg when it names one we read; otherwise the dBASE language driver byte
 * (0x4D / 0x7A = code page 936, GBK); otherwise detected from the attribute bytes (encoding.ts).
 */
import { open as openFile } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import type { Geometry } from 'geojson';
import * as shapefile from 'shapefile';
import { decodeBytes, detectEncoding, encodingFromCpg, SAMPLE_BYTES } from './encoding.js';
import { DEFAULT_LIMITS, vertexCount } from './limits.js';
import { FormatError, type ReadLimits, type SourceReader, type SourceRecord, type TextEncoding } from './types.js';
import { extractEntries, listZip } from './zip.js';

const SHAPE_TYPES: Record<number, string> = {
  0: 'Null', 1: 'Point', 3: 'LineString', 5: 'Polygon', 8: 'MultiPoint',
  11: 'Point', 13: 'LineString', 15: 'Polygon', 18: 'MultiPoint', 21: 'Point', 23: 'LineString', 25: 'Polygon', 28: 'MultiPoint',
};

const stem = (name: string) => name.replace(/\.[^./]+$/, '');
const ext = (name: string) => (/\.([^./]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** The one Shapefile in the archive: its part names by extension. */
function pickShapefile(names: readonly string[]): Map<string, string> {
  const shps = names.filter((n) => ext(n) === 'shp' && !n.startsWith('__MACOSX/'));
  if (shps.length === 0) throw new FormatError('zip_no_shapefile');
  if (shps.length > 1) throw new FormatError('zip_many_shapefiles', { names: shps.slice(0, 5).join(', ') });
  const base = stem(shps[0]!).toLowerCase();
  const parts = new Map<string, string>();
  for (const n of names) {
    const e = ext(n);
    if (stem(n).toLowerCase() === base && ['shp', 'shx', 'dbf', 'prj', 'cpg'].includes(e)) parts.set(e, n);
  }
  if (!parts.has('dbf')) throw new FormatError('shapefile_missing_part', { part: '.dbf' });
  return parts;
}

async function headerBytes(path: string, n: number): Promise<Buffer> {
  const fh = await openFile(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Encoding from the dBASE language driver id, or a detection over the first records. */
async function dbfEncoding(dbfPath: string): Promise<TextEncoding> {
  const head = await headerBytes(dbfPath, 32);
  if (head.length < 32) throw new FormatError('corrupt_shapefile', { reason: 'short .dbf header' });
  const ldid = head[29];
  if (ldid === 0x4d || ldid === 0x7a) return 'gb18030';
  const headerLength = head.readUInt16LE(8);
  const sample = (await headerBytes(dbfPath, headerLength + SAMPLE_BYTES)).subarray(headerLength);
  return detectEncoding(sample).encoding;
}

export async function openShapefileZip(path: string, opts: { encoding?: TextEncoding; limits?: ReadLimits } = {}): Promise<SourceReader> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const entries = await listZip(path, limits.maxZipEntries);
  if (entries.length === 0) throw new FormatError('empty_file');
  const parts = pickShapefile(entries.map((e) => e.name));
  const wanted = new Map([...parts].map(([e, name]) => [name, `part.${e}`]));
  const extracted = await extractEntries(path, wanted, limits.maxUncompressedBytes);
  try {
    const local = (e: string) => (parts.has(e) ? extracted.files.get(parts.get(e)!) : undefined);
    const shpPath = local('shp')!;
    const dbfPath = local('dbf')!;
    const prjPath = local('prj');
    const cpgPath = local('cpg');

    const shpHead = await headerBytes(shpPath, 100);
    if (shpHead.length < 100 || shpHead.readInt32BE(0) !== 9994) throw new FormatError('corrupt_shapefile', { reason: 'not a .shp file' });
    const declaredGeometryType = SHAPE_TYPES[shpHead.readInt32LE(32)] ?? null;
    if (!declaredGeometryType) throw new FormatError('corrupt_shapefile', { reason: `shape type ${shpHead.readInt32LE(32)}` });

    let encoding: TextEncoding;
    let encodingSource: 'cpg' | 'detected' | 'given';
    const cpg = cpgPath ? encodingFromCpg(await readFile(cpgPath, 'latin1')) : null;
    if (opts.encoding) [encoding, encodingSource] = [opts.encoding, 'given'];
    else if (cpg) [encoding, encodingSource] = [cpg, 'cpg'];
    else [encoding, encodingSource] = [await dbfEncoding(dbfPath), 'detected'];

    const crsText = prjPath ? (await readFile(prjPath, 'utf8')).trim() || null : null;
    const openSource = async () => {
      try {
        return await shapefile.open(shpPath, dbfPath, { encoding: encoding === 'utf-8' ? 'utf-8' : 'gb18030' });
      } catch (err) {
        throw new FormatError('corrupt_shapefile', { reason: String((err as Error).message).slice(0, 200) });
      }
    };
    // Column names straight from the dBASE header (the reader gives them only with a record).
    const columns = await dbfColumns(dbfPath, encoding);

    async function* records(): AsyncGenerator<SourceRecord> {
      const source = await openSource();
      let index = 0;
      for (;;) {
        let next: { done: boolean; value: { properties: Record<string, unknown>; geometry: Geometry | null } };
        try {
          next = (await source.read()) as typeof next;
        } catch (err) {
          throw new FormatError('corrupt_shapefile', { reason: String((err as Error).message).slice(0, 200) }, index + 1);
        }
        if (next.done) return;
        index++;
        if (index > limits.maxRecords) throw new FormatError('too_many_records', { max: limits.maxRecords });
        const g = next.value.geometry;
        if (g && vertexCount(g) > limits.maxVerticesPerGeometry) throw new FormatError('too_many_vertices', { max: limits.maxVerticesPerGeometry }, index);
        yield { index, properties: next.value.properties ?? {}, geometry: g ?? null };
      }
    }

    const estimatedRecords = (await headerBytes(dbfPath, 8)).readUInt32LE(4);
    return {
      info: { format: 'shapefile', encoding, encodingSource, columns, crsText, declaredGeometryType, estimatedRecords },
      records,
      close: extracted.cleanup,
    };
  } catch (err) {
    await extracted.cleanup();
    throw err;
  }
}

async function dbfColumns(dbfPath: string, encoding: TextEncoding): Promise<string[]> {
  const head = await headerBytes(dbfPath, 32);
  const headerLength = head.readUInt16LE(8);
  const all = await headerBytes(dbfPath, headerLength);
  const names: string[] = [];
  for (let n = 32; n + 32 <= all.length && all[n] !== 0x0d; n += 32) {
    let j = 0;
    while (j < 11 && all[n + j] !== 0) j++;
    names.push(decodeBytes(all.subarray(n, n + j), encoding));
  }
  return names;
}

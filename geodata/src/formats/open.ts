/**
 * Open an uploaded file with the reader its content calls for (the first bytes decide, the name only breaks a tie):
 * a zip holding [Content_Types].xml is Excel, any other zip a zipped Shapefile; text starting with { is GeoJSON;
 * other text is CSV.
 */
import { readSample } from './file-sample.js';
import { openCsv } from './csv.js';
import { openGeoJson } from './geojson.js';
import { withLimits } from './limits.js';
import { openShapefileZip } from './shapefile-zip.js';
import { FormatError, type FormatId, type ReadLimits, type SourceReader, type TextEncoding } from './types.js';
import { listZip } from './zip.js';
import { openXlsx } from './xlsx.js';

export interface OpenOptions {
  filename?: string;
  /** The caller's choice; otherwise .cpg or detection. */
  encoding?: TextEncoding;
  limits?: Partial<ReadLimits>;
}

export async function sniffFormat(path: string, filename = ''): Promise<FormatId> {
  const head = await readSample(path, 4096);
  if (head.length === 0) throw new FormatError('empty_file');
  if (head[0] === 0x50 && head[1] === 0x4b) {
    if (/\.xlsx$/i.test(filename)) return 'xlsx';
    const entries = await listZip(path, withLimits().maxZipEntries * 64);
    return entries.some((e) => e.name === '[Content_Types].xml') ? 'xlsx' : 'shapefile';
  }
  // Old binary Excel (.xls, an OLE2 compound file) is not read: ask for .xlsx or CSV.
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) throw new FormatError('xls_not_supported');
  const text = new TextDecoder().decode(head.subarray(0, 512)).replace(/^\uFEFF/, '').replace(/^\x1e/, '').trimStart();
  if (text === '') throw new FormatError('empty_file');
  if (text.startsWith('{') || /\.(geo)?json(l|seq)?$/i.test(filename)) return 'geojson';
  if (head.includes(0)) throw new FormatError('unknown_format');
  return 'csv';
}

export async function openSource(path: string, opts: OpenOptions = {}): Promise<SourceReader> {
  const limits = withLimits(opts.limits);
  const format = await sniffFormat(path, opts.filename);
  switch (format) {
    case 'shapefile':
      return openShapefileZip(path, { encoding: opts.encoding, limits });
    case 'xlsx':
      return openXlsx(path, { limits });
    case 'geojson':
      return openGeoJson(path, { limits });
    case 'csv':
      return openCsv(path, { encoding: opts.encoding, limits });
  }
}

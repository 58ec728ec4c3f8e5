/**
 * What every reader yields, whatever the file format: one record at a time, in the file's own coordinates (the
 * caller converts), numbered the way a user finds it again in the file (feature index for GeoJSON and Shapefile
 * counting from 1, spreadsheet row for CSV and Excel with the header as row 1).
 */
import type { Geometry } from 'geojson';

export type FormatId = 'geojson' | 'shapefile' | 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'gb18030';

export interface SourceRecord {
  /** Feature number (1-based) or spreadsheet row (header = row 1). */
  index: number;
  /** Attribute values as the file has them (CSV cells are strings, dBASE numbers are numbers). */
  properties: Record<string, unknown>;
  /** Geometry in the source coordinates; null for tables (coordinates live in columns) and empty shapes. */
  geometry: Geometry | null;
}

export interface SourceInfo {
  format: FormatId;
  /** Text encoding of attribute data (CSV, dBASE); null where the format fixes it (GeoJSON, xlsx: UTF-8/Unicode). */
  encoding: TextEncoding | null;
  /** How the encoding was found: the .cpg, a detector, or the caller. */
  encodingSource: 'cpg' | 'detected' | 'given' | 'format';
  /** Column / attribute names in file order. */
  columns: string[];
  /** The .prj text of a Shapefile, or a GeoJSON `crs` member's name; null when the file says nothing. */
  crsText: string | null;
  /** The geometry type of the file when it declares one (Shapefile header), else null. */
  declaredGeometryType: string | null;
  /** How many records the file holds: exact for Shapefiles (the .dbf header), estimated from the size for CSV and
   * GeoJSON, null when unknown (Excel). For progress and its estimate of the time left. */
  estimatedRecords: number | null;
}

export interface SourceReader {
  info: SourceInfo;
  records(): AsyncIterable<SourceRecord>;
  /** Remove temporary files (unzipped Shapefile parts). */
  close(): Promise<void>;
}

/** Limits on what a reader accepts; every one has a default (see limits.ts). */
export interface ReadLimits {
  /** Zip archives: entries, and total uncompressed bytes actually inflated (not what the headers claim). */
  maxZipEntries: number;
  maxUncompressedBytes: number;
  /** Records per file. */
  maxRecords: number;
  /** Vertices in one geometry. */
  maxVerticesPerGeometry: number;
  /** Characters in one CSV/Excel cell or GeoJSON property string. */
  maxCellChars: number;
}

/**
 * A file the readers refuse, with a rule id (the message catalogue has its zh-CN and English text) and values for
 * the message. `index` names the record when one record is at fault.
 */
export class FormatError extends Error {
  constructor(
    readonly rule: string,
    readonly params: Record<string, string | number> = {},
    readonly index: number | null = null,
  ) {
    super(`${rule}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}${index !== null ? ` at ${index}` : ''}`);
  }
}

/** File formats of imports and exports (node only): readers yield SourceRecords in the file's own coordinates. */
export { openSource, sniffFormat, type OpenOptions } from './open.js';
export { FormatError, type FormatId, type ReadLimits, type SourceInfo, type SourceReader, type SourceRecord, type TextEncoding } from './types.js';
export { DEFAULT_LIMITS, withLimits } from './limits.js';
export { parseEncodingName } from './encoding.js';
export { BAD_ENCODING, csvCell, csvWriter } from './csv.js';
export { geoJsonWriter, roundGeometry } from './geojson.js';
export { openShapefileWriter, type DbfField, type ShapeKind } from './shapefile-write.js';
export { zipFiles } from './zip-write.js';
export { parseWkt, toWkt } from './wkt.js';

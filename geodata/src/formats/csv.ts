/**
 * CSV reader (papaparse, streaming) and writer. Cells stay strings; the first non-empty row is the header.
 * The encoding is the caller's when given, else detected on the first megabyte (encoding.ts). A row containing
 * undecodable bytes (a GBK line inside a UTF-8 file) carries the property `__bad_encoding` so the importer
 * reports that row instead of storing garbled names.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { detectEncoding, SAMPLE_BYTES } from './encoding.js';
import { readSample, uniqueColumns } from './file-sample.js';
import { DEFAULT_LIMITS } from './limits.js';
import { FormatError, type ReadLimits, type SourceReader, type SourceRecord, type TextEncoding } from './types.js';

export const BAD_ENCODING = '__bad_encoding';

async function* csvRows(path: string, encoding: TextEncoding): AsyncGenerator<string[]> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false });
  const source = createReadStream(path).pipe(iconv.decodeStream(encoding === 'utf-8' ? 'utf8' : 'gb18030'));
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  for await (const row of parser as AsyncIterable<string[]>) yield row;
}

export async function openCsv(path: string, opts: { encoding?: TextEncoding; limits?: ReadLimits } = {}): Promise<SourceReader> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const sample = await readSample(path, SAMPLE_BYTES);
  if (sample.length === 0) throw new FormatError('empty_file');
  const encoding = opts.encoding ?? detectEncoding(sample).encoding;

  // Read the header now so the preview can show the columns before any record is read.
  let header: string[] | null = null;
  let headerRow = 0;
  for await (const row of csvRows(path, encoding)) {
    headerRow++;
    if (row.some((c) => c.trim() !== '')) {
      header = uniqueColumns(row);
      break;
    }
  }
  if (!header) throw new FormatError('empty_file');
  const columns = header;

  async function* records(): AsyncGenerator<SourceRecord> {
    let rowNo = 0;
    let count = 0;
    for await (const cells of csvRows(path, encoding)) {
      rowNo++;
      if (rowNo <= headerRow) continue;
      if (cells.every((c) => c.trim() === '')) continue;
      if (++count > limits.maxRecords) throw new FormatError('too_many_records', { max: limits.maxRecords });
      const properties: Record<string, unknown> = {};
      let bad = false;
      columns.forEach((name, i) => {
        const v = unguardCell((cells[i] ?? '').trim());
        if (v.length > limits.maxCellChars) throw new FormatError('cell_too_long', { column: name, max: limits.maxCellChars }, rowNo);
        if (v.includes('\ufffd')) bad = true;
        properties[name] = v;
      });
      if (bad) properties[BAD_ENCODING] = true;
      yield { index: rowNo, properties, geometry: null };
    }
  }

  // Rows ≈ file size ÷ bytes per line in the sample.
  const lines = sample.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);
  const size = (await stat(path)).size;
  const estimatedRecords = lines > 1 ? Math.max(0, Math.round((size / sample.length) * lines) - headerRow) : null;
  return {
    info: { format: 'csv', encoding, encodingSource: opts.encoding ? 'given' : 'detected', columns, crsText: null, declaredGeometryType: null, estimatedRecords },
    records,
    close: async () => undefined,
  };
}

/** Text a spreadsheet would run as a formula (=, +, @, or - not starting a number) gets a leading '. */
const FORMULA = /^(?:[=+@]|-(?![\d.]))/;

/** One CSV cell: quoted when needed, formula-guarded; numbers and booleans as they are. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const raw = typeof v === 'object' ? JSON.stringify(v) : String(v);
  const s = FORMULA.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Undo csvCell's formula guard when reading a file this program (or a careful user) wrote. */
export const unguardCell = (s: string) => (s.startsWith("'") && FORMULA.test(s.slice(1)) ? s.slice(1) : s);

/** A CSV writer in UTF-8 with a byte-order mark, which Excel needs to read Chinese text correctly. */
export function csvWriter(out: Writable, columns: readonly string[]) {
  out.write('\uFEFF' + columns.map(csvCell).join(',') + '\r\n');
  return {
    /** Returns false when the stream asks the producer to wait for 'drain'. */
    row: (values: readonly unknown[]) => out.write(values.map(csvCell).join(',') + '\r\n'),
  };
}

/**
 * Excel .xlsx reader on exceljs's streaming WorkbookReader: the first worksheet, row by row, so a large sheet is
 * never held whole. The first non-empty row is the header. Numbers stay numbers (coordinates keep every digit);
 * dates become YYYY-MM-DD[ HH:mm:ss]; formulas give their cached result.
 */
import ExcelJS from 'exceljs';
import { uniqueColumns } from './file-sample.js';
import { DEFAULT_LIMITS } from './limits.js';
import { FormatError, type ReadLimits, type SourceReader, type SourceRecord } from './types.js';

type Cell = ExcelJS.CellValue;

/** A cell as a number, string or boolean (exceljs wraps formulas, rich text and hyperlinks in objects). */
export function cellValue(v: Cell): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) {
    // exceljs gives the sheet's wall-clock time as if it were UTC; keep it as wall-clock text.
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof v === 'object') {
    if ('result' in v) return v.result === undefined ? null : cellValue(v.result as Cell);
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return null;
  }
  return null;
}

async function* sheetRows(path: string): AsyncGenerator<{ number: number; values: (string | number | boolean | null)[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  for await (const ws of reader) {
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      const raw = row.values as Cell[];
      // row.values is 1-based and sparse.
      const values: (string | number | boolean | null)[] = [];
      for (let i = 1; i < raw.length; i++) values.push(cellValue(raw[i]));
      yield { number: row.number, values };
    }
    return; // the first worksheet only
  }
}

const empty = (v: unknown) => v === null || v === '';

export async function openXlsx(path: string, opts: { limits?: ReadLimits } = {}): Promise<SourceReader> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  let header: string[] | null = null;
  let headerRow = 0;
  try {
    for await (const row of sheetRows(path)) {
      if (row.values.some((v) => !empty(v))) {
        header = uniqueColumns(row.values.map((v) => (v === null ? '' : String(v))));
        headerRow = row.number;
        break;
      }
    }
  } catch (err) {
    throw err instanceof FormatError ? err : new FormatError('corrupt_xlsx', { reason: (err as Error).message.slice(0, 200) });
  }
  if (!header) throw new FormatError('empty_file');
  const columns = header;

  async function* records(): AsyncGenerator<SourceRecord> {
    let count = 0;
    for await (const row of sheetRows(path)) {
      if (row.number <= headerRow || row.values.every(empty)) continue;
      if (++count > limits.maxRecords) throw new FormatError('too_many_records', { max: limits.maxRecords });
      const properties: Record<string, unknown> = {};
      columns.forEach((name, i) => {
        const v = row.values[i] ?? null;
        if (typeof v === 'string' && v.length > limits.maxCellChars) throw new FormatError('cell_too_long', { column: name, max: limits.maxCellChars }, row.number);
        properties[name] = v ?? '';
      });
      yield { index: row.number, properties, geometry: null };
    }
  }

  return {
    info: { format: 'xlsx', encoding: null, encodingSource: 'format', columns, crsText: null, declaredGeometryType: null, estimatedRecords: null },
    records,
    close: async () => undefined,
  };
}

/**
 * A lab file's bytes → a table of strings. CSV (papaparse) in UTF-8 or GBK, or Excel .xlsx (exceljs).
 *
 * Encoding: Chinese labs often export GBK. We take the file as UTF-8 when every line is valid UTF-8, as GBK when
 * no line with non-ASCII bytes is valid UTF-8, and otherwise (a file pieced together from both) as UTF-8 with
 * the lines that are not valid UTF-8 reported as "bad encoding" — guessing per line would silently garble names.
 * A caller who knows better can say `encoding: 'gbk' | 'utf-8'`.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

export type Encoding = 'utf-8' | 'gbk';

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: Encoding | null;
  /** Header cells, then data rows; row i of this array is spreadsheet row i + 1. */
  rows: string[][];
  /** 1-based spreadsheet rows that could not be decoded. */
  badEncodingRows: number[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const isUtf8 = (b: Uint8Array) => {
  try {
    utf8.decode(b);
    return true;
  } catch {
    return false;
  }
};
const hasNonAscii = (b: Uint8Array) => b.some((x) => x > 0x7f);

export function isXlsx(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; badLines: number[] } {
  const lines = splitLines(bytes);
  const nonAscii = lines.map((l, i) => ({ i, l })).filter(({ l }) => hasNonAscii(l));
  const valid = nonAscii.filter(({ l }) => isUtf8(l));
  if (valid.length === nonAscii.length) return { encoding: 'utf-8', badLines: [] };
  if (valid.length === 0) return { encoding: 'gbk', badLines: [] };
  return { encoding: 'utf-8', badLines: nonAscii.filter(({ l }) => !isUtf8(l)).map(({ i }) => i + 1) };
}

export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
  const text = encoding === 'gbk' ? iconv.decode(Buffer.from(bytes), 'gbk') : new TextDecoder('utf-8').decode(bytes);
  return text.replace(/^\uFEFF/, '');
}

export function readCsv(bytes: Uint8Array, forced?: Encoding): Table {
  const { encoding, badLines } = forced ? { encoding: forced, badLines: [] as number[] } : detectEncoding(bytes);
  const text = decodeText(bytes, encoding);
  // Empty lines are kept (and skipped later by the validator) so that row i is line i of the file, the number a
  // user sees in a text editor or spreadsheet. Lab exports have no cells spanning lines.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const rows = parsed.data.map((r) => r.map((c) => (c ?? '').trim()));
  return { format: 'csv', encoding, rows, badEncodingRows: badLines };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // exceljs gives the sheet's wall-clock time as if it were UTC; keep it as local wall-clock text.
    return v.toISOString().slice(0, 19).replace('T', ' ');
  }
  if (typeof v === 'object') {
    if ('result' in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).trim();
}

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  if (ws) {
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
      rows[n - 1] = cells;
    });
  }
  // Keep spreadsheet row numbers: empty rows stay as empty arrays and are skipped by the validator.
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { format: 'xlsx', encoding: null, rows, badEncodingRows: [] };
}

export async function readTable(bytes: Uint8Array, opts: { filename?: string; encoding?: Encoding } = {}): Promise<Table> {
  if (isXlsx(bytes) || /\.xlsx$/i.test(opts.filename ?? '')) return readXlsx(bytes);
  return readCsv(bytes, opts.encoding);
}

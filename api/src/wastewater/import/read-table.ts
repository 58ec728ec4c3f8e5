/**
 * A lab file's bytes → a table of strings, through the importers' own readers (geodata/src/formats): CSV in UTF-8
 * or GBK (detected, or the caller's choice) and Excel .xlsx (streamed). Row i of the table is spreadsheet row i + 1
 * (empty lines are kept as empty rows), so problems name the row a lab sees in its spreadsheet; rows holding bytes
 * that do not decode (a GBK line inside a UTF-8 file) are listed as bad encoding rather than stored garbled.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD_ENCODING, FormatError, openSource } from 'geodata/formats';

export type Encoding = 'utf-8' | 'gbk';

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: Encoding | null;
  /** Header cells, then data rows; row i of this array is spreadsheet row i + 1. */
  rows: string[][];
  /** 1-based spreadsheet rows that could not be decoded. */
  badEncodingRows: number[];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

export async function readTable(bytes: Uint8Array, opts: { filename?: string; encoding?: Encoding } = {}): Promise<Table> {
  const dir = await mkdtemp(join(tmpdir(), 'gc-lab-'));
  try {
    const isXlsx = /\.xlsx$/i.test(opts.filename ?? '') || (bytes[0] === 0x50 && bytes[1] === 0x4b);
    const path = join(dir, isXlsx ? 'lab.xlsx' : 'lab.csv');
    await writeFile(path, bytes);
    let source;
    try {
      source = await openSource(path, { filename: path, encoding: opts.encoding === 'gbk' ? 'gb18030' : opts.encoding });
    } catch (err) {
      // An empty file is a table without rows: the validator reports it in its own words.
      if (err instanceof FormatError && err.rule === 'empty_file') return { format: isXlsx ? 'xlsx' : 'csv', encoding: null, rows: [], badEncodingRows: [] };
      throw err;
    }
    const { columns } = source.info;
    const rows: string[][] = [columns];
    const badEncodingRows: number[] = [];
    for await (const r of source.records()) {
      while (rows.length < r.index - 1) rows.push([]);
      if (r.properties[BAD_ENCODING]) badEncodingRows.push(r.index);
      rows.push(columns.map((c) => text(r.properties[c])));
    }
    await source.close();
    const format = source.info.format === 'xlsx' ? 'xlsx' : 'csv';
    const encoding = source.info.encoding === null ? null : source.info.encoding === 'utf-8' ? 'utf-8' : 'gbk';
    return { format, encoding, rows, badEncodingRows };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Row-level checks of a lab file (pure: the sites known to the caller come in as a map). Every problem names the
 * spreadsheet row (header = row 1) and the column as the file spells it, so a lab can fix the file it sent.
 *
 * Accepted columns, in Chinese or English (matched ignoring case, spaces, punctuation and units in brackets):
 * site code, sampling date-time, substance, concentration ng/L, flow m³/day, below-LOQ flag, LOQ, lab.
 * Times without a zone are China time (UTC+8). A concentration written "<0.5" means below the LOQ of 0.5.
 */
import { parseSubstance, type Substance } from 'domain/wastewater';

export const FIELDS = ['site_code', 'sampled_at', 'substance', 'concentration_ng_l', 'flow_m3_day', 'below_loq', 'loq_ng_l', 'lab'] as const;
export type Field = (typeof FIELDS)[number];
const REQUIRED: readonly Field[] = ['site_code', 'sampled_at', 'substance', 'concentration_ng_l', 'flow_m3_day'];

const HEADER_ALIASES: Record<Field, string[]> = {
  site_code: ['site_code', 'sitecode', 'site', 'station', '站点编码', '站点代码', '采样点编码', '点位编码', '站点', '采样点'],
  sampled_at: ['sampled_at', 'sampledat', 'sampling_time', 'sample_time', 'datetime', 'date_time', 'date', 'time', '采样时间', '采样日期', '采样日期时间'],
  substance: ['substance', 'compound', 'analyte', 'drug', '物质', '检测物质', '目标物', '目标物质', '毒品种类', '检测项目'],
  concentration_ng_l: ['concentration_ng_l', 'concentration', 'conc', '浓度'],
  flow_m3_day: ['flow_m3_day', 'flow', 'daily_flow', '流量', '日流量', '进水流量', '日均流量'],
  below_loq: ['below_loq', 'belowloq', 'bloq', 'lt_loq', '<loq', '低于定量限', '小于定量限', '未检出', '低于定量下限'],
  loq_ng_l: ['loq_ng_l', 'loq', 'lod', '定量限', '定量下限'],
  lab: ['lab', 'laboratory', '实验室', '检测机构', '检测单位'],
};

/** Lower-case, drop units in brackets, spaces, underscores and punctuation: '浓度(ng/L)' → '浓度'. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（\[【].*?[)）\]】]/g, '')
    .replace(/[\s_\-/.:：,，]+/g, '')
    .replace(/(ngl|ng\/l|m3d|m³d|m3\/d)$/g, '');
}

const HEADER_LOOKUP = new Map<string, Field>();
for (const f of FIELDS) for (const a of HEADER_ALIASES[f]) HEADER_LOOKUP.set(normaliseHeader(a), f);

export interface Problem {
  /** Spreadsheet row (1 = header); 0 for the file as a whole. */
  row: number;
  /** The column as named in the file (or the expected name when the column is missing). */
  column: string | null;
  field: Field | null;
  code: string;
  message: string;
  value?: string;
}

export interface ParsedRow {
  row: number;
  siteId: number;
  siteCode: string;
  sampledAt: string; // ISO UTC
  substance: Substance;
  concentrationNgL: number;
  belowLoq: boolean;
  loqNgL: number | null;
  flowM3Day: number;
  lab: string;
  /** A number under the stated LOQ without the below-LOQ flag: censored all the same (load.ts: isBelowLoq). */
  censoredByLoq: boolean;
}

export interface ValidationContext {
  /** Site code → id, for the sites the importing user may write. */
  sites: ReadonlyMap<string, number>;
  now: Date;
  /** Lab used when the file has no lab column or the cell is empty. */
  defaultLab?: string;
}

export interface HeaderMap {
  columns: Partial<Record<Field, { index: number; name: string }>>;
  problems: Problem[];
}

export function mapHeader(header: readonly string[]): HeaderMap {
  const columns: HeaderMap['columns'] = {};
  const problems: Problem[] = [];
  header.forEach((name, index) => {
    const f = HEADER_LOOKUP.get(normaliseHeader(name));
    if (!f) return;
    if (columns[f]) {
      problems.push({ row: 1, column: name, field: f, code: 'duplicate_column', message: `Column "${name}" repeats "${columns[f]!.name}".` });
    } else columns[f] = { index, name };
  });
  for (const f of REQUIRED) {
    if (!columns[f]) problems.push({ row: 1, column: f, field: f, code: 'missing_column', message: `The file has no ${f} column.` });
  }
  return { columns, problems };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const parseNumber = (s: string) => (NUMBER.test(s.replace(/,/g, '')) ? Number(s.replace(/,/g, '')) : NaN);

/** 'YYYY-MM-DD[ HH:mm[:ss]]', '/' or '.' separators, or ISO 8601 with a zone; China time when no zone. */
export function parseSamplingTime(s: string): Date | null {
  const t = s.trim();
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(t) && /^\d{4}-\d{2}-\d{2}T/.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = t.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', sec = '0'] = m.slice(1).map((x) => x ?? undefined) as string[];
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec)] as const;
  const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] - 8, parts[4], parts[5]);
  const back = new Date(utc + 8 * 3600e3);
  // Refuse 2026-02-30 and 25:00 rather than rolling them over.
  if (back.getUTCFullYear() !== parts[0] || back.getUTCMonth() !== parts[1] - 1 || back.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  return new Date(utc);
}

const TRUE = new Set(['1', 'true', 't', 'y', 'yes', '是', '√', '✓', 'bloq', '<loq', 'nd', '未检出', '低于定量限']);
const FALSE = new Set(['', '0', 'false', 'f', 'n', 'no', '否']);

/**
 * Row checks. `notices` are not problems (the row is imported) but facts the lab should hear about: a value below
 * the LOQ it stated, without the below-LOQ flag, is taken as censored.
 */
export function validateRows(
  table: readonly string[][],
  ctx: ValidationContext,
  badEncodingRows: readonly number[] = [],
): { rows: ParsedRow[]; problems: Problem[]; notices: Problem[]; dataRows: number } {
  const problems: Problem[] = [];
  const notices: Problem[] = [];
  const rows: ParsedRow[] = [];
  if (table.length === 0) {
    return { rows, problems: [{ row: 0, column: null, field: null, code: 'empty_file', message: 'The file is empty.' }], notices, dataRows: 0 };
  }
  const header = mapHeader(table[0]!);
  problems.push(...header.problems);
  if (header.problems.some((p) => p.code === 'missing_column')) return { rows, problems, notices, dataRows: Math.max(0, table.length - 1) };
  const badEnc = new Set(badEncodingRows);
  const seen = new Map<string, number>();
  let dataRows = 0;

  for (let i = 1; i < table.length; i++) {
    const cells = table[i]!;
    const rowNo = i + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    dataRows++;
    const rowProblems: Problem[] = [];
    const cell = (f: Field) => {
      const col = header.columns[f];
      return col ? (cells[col.index] ?? '').trim() : '';
    };
    const report = (f: Field, code: string, message: string, value?: string) =>
      rowProblems.push({ row: rowNo, column: header.columns[f]?.name ?? f, field: f, code, message, ...(value !== undefined ? { value } : {}) });

    if (badEnc.has(rowNo)) {
      rowProblems.push({ row: rowNo, column: null, field: null, code: 'bad_encoding', message: 'This line is neither valid UTF-8 nor in the encoding of the rest of the file.' });
      problems.push(...rowProblems);
      continue;
    }

    const siteCode = cell('site_code').toUpperCase();
    const siteId = ctx.sites.get(siteCode);
    if (!siteCode) report('site_code', 'missing', 'Site code is empty.');
    else if (siteId === undefined) report('site_code', 'unknown_site', `No sampling site "${siteCode}" in your jurisdiction.`, siteCode);

    const when = cell('sampled_at');
    const at = when ? parseSamplingTime(when) : null;
    if (!when) report('sampled_at', 'missing', 'Sampling time is empty.');
    else if (!at) report('sampled_at', 'bad_datetime', 'Not a date-time (expected YYYY-MM-DD HH:mm, China time).', when);
    else if (at.getTime() > ctx.now.getTime()) report('sampled_at', 'future_date', 'Sampling time is in the future.', when);

    const subName = cell('substance');
    const substance = subName ? parseSubstance(subName) : null;
    if (!subName) report('substance', 'missing', 'Substance is empty.');
    else if (!substance) report('substance', 'unknown_substance', `Unknown substance "${subName}".`, subName);

    let belowLoq = false;
    const flag = cell('below_loq').toLowerCase();
    if (TRUE.has(flag)) belowLoq = true;
    else if (!FALSE.has(flag)) report('below_loq', 'bad_flag', 'Below-LOQ flag must be yes/no (是/否, 1/0).', cell('below_loq'));

    let loq: number | null = null;
    const loqText = cell('loq_ng_l');
    if (loqText) {
      loq = parseNumber(loqText);
      if (Number.isNaN(loq)) report('loq_ng_l', 'not_a_number', 'LOQ is not a number.', loqText);
      else if (loq <= 0) report('loq_ng_l', 'not_positive', 'LOQ must be above 0.', loqText);
    }

    let conc = NaN;
    const concText = cell('concentration_ng_l');
    const lt = concText.match(/^[<＜]\s*(.+)$/);
    if (!concText) report('concentration_ng_l', 'missing', 'Concentration is empty.');
    else if (lt) {
      // "<0.5": below the LOQ of 0.5 ng/L.
      const v = parseNumber(lt[1]!);
      if (Number.isNaN(v) || v <= 0) report('concentration_ng_l', 'not_a_number', 'Concentration is not a number.', concText);
      else {
        belowLoq = true;
        conc = v;
        loq ??= v;
      }
    } else {
      conc = parseNumber(concText);
      if (Number.isNaN(conc)) report('concentration_ng_l', 'not_a_number', 'Concentration is not a number.', concText);
      else if (conc < 0) report('concentration_ng_l', 'negative', 'Concentration is negative.', concText);
    }
    let censoredByLoq = false;
    if (!belowLoq && loq !== null && !Number.isNaN(loq) && loq > 0 && !Number.isNaN(conc) && conc >= 0 && conc < loq) {
      // Censored whatever the flag says: a value under the lab's own LOQ is not a measurement.
      belowLoq = true;
      censoredByLoq = true;
      notices.push({
        row: rowNo,
        column: header.columns.concentration_ng_l?.name ?? 'concentration_ng_l',
        field: 'concentration_ng_l',
        code: 'below_stated_loq',
        message: `${concText} ng/L is below the stated LOQ of ${loqText} ng/L but not flagged: imported as below the LOQ.`,
        value: concText,
      });
    }
    if (belowLoq && loq === null && !Number.isNaN(conc)) {
      if (conc > 0) loq = conc; // labs write the LOQ itself in the concentration column
      else report('loq_ng_l', 'missing_loq', 'Below the LOQ but no LOQ given.');
    }

    const flowText = cell('flow_m3_day');
    const flow = parseNumber(flowText);
    if (!flowText) report('flow_m3_day', 'missing_flow', 'Flow of the sampling day is missing; loads cannot be computed without it.');
    else if (Number.isNaN(flow)) report('flow_m3_day', 'not_a_number', 'Flow is not a number.', flowText);
    else if (flow <= 0) report('flow_m3_day', flow < 0 ? 'negative' : 'not_positive', 'Flow must be above 0.', flowText);

    const lab = cell('lab') || ctx.defaultLab || '';
    if (!lab) report('lab', 'missing', 'Lab is empty (and no default lab was given).');

    // Only rows otherwise clean claim their key, so a duplicate always points at a row that would be imported.
    if (siteId !== undefined && at && substance && rowProblems.length === 0) {
      const key = `${siteId}/${at.getTime()}/${substance}`;
      const first = seen.get(key);
      if (first !== undefined) {
        report('sampled_at', 'duplicate_in_file', `Same site, time and substance as row ${first}.`, when);
      } else seen.set(key, rowNo);
    }

    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({
      row: rowNo,
      siteId: siteId!,
      siteCode,
      sampledAt: at!.toISOString(),
      substance: substance!,
      concentrationNgL: conc,
      belowLoq,
      loqNgL: loq,
      flowM3Day: flow,
      lab,
      censoredByLoq,
    });
  }
  // A notice only for rows that are imported.
  const imported = new Set(rows.map((r) => r.row));
  return { rows, problems, notices: notices.filter((n) => imported.has(n.row)), dataRows };
}

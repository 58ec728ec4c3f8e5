/**
 * The listings table as CSV and Excel: one column list, labels in Chinese or English. CSV starts with a BOM so
 * that Excel on a Chinese Windows opens UTF-8 correctly.
 */
import ExcelJS from 'exceljs';
import { BODY_LABEL, CATEGORY_LABEL, GRADE_LABEL, STATUS_LABEL, type Label } from 'domain/listing';
import type { ListingSummary } from './service.js';

export type Lang = 'zh' | 'en';

interface Column {
  key: string;
  title: Label;
  width: number;
  value: (l: ListingSummary, lang: Lang) => string | number | boolean | null;
}

const yesNo = (b: boolean, lang: Lang) => (lang === 'zh' ? (b ? '是' : '否') : b ? 'yes' : 'no');

export const EXPORT_COLUMNS: Column[] = [
  { key: 'id', title: { zh: '编号', en: 'ID' }, width: 8, value: (l) => l.id },
  { key: 'area_code', title: { zh: '区划代码', en: 'Area code' }, width: 15, value: (l) => l.areaCode },
  { key: 'area_name', title: { zh: '地区', en: 'Area' }, width: 16, value: (l) => l.areaName },
  { key: 'body', title: { zh: '挂牌单位', en: 'Listed by' }, width: 14, value: (l, g) => BODY_LABEL[l.body][g] },
  { key: 'grade', title: { zh: '级别', en: 'Grade' }, width: 14, value: (l, g) => GRADE_LABEL[l.grade][g] },
  { key: 'status', title: { zh: '状态', en: 'Status' }, width: 10, value: (l, g) => STATUS_LABEL[l.status][g] },
  { key: 'categories', title: { zh: '问题类别', en: 'Categories' }, width: 24, value: (l, g) => l.categories.map((c) => CATEGORY_LABEL[c][g]).join(g === 'zh' ? '、' : '; ') },
  { key: 'listed_on', title: { zh: '挂牌日期', en: 'Listed on' }, width: 12, value: (l) => l.listedOn },
  { key: 'term_ends_on', title: { zh: '期满日期', en: 'Term ends' }, width: 12, value: (l) => l.termEndsOn },
  { key: 'extended', title: { zh: '已延期', en: 'Extended' }, width: 8, value: (l, g) => yesNo(l.extended, g) },
  { key: 'delisted_on', title: { zh: '摘牌日期', en: 'Delisted on' }, width: 12, value: (l) => l.delistedOn },
  { key: 'next_assessment_due', title: { zh: '下次评估', en: 'Next assessment' }, width: 12, value: (l) => l.flags.nextAssessmentDue },
  { key: 'assessment_overdue', title: { zh: '评估逾期', en: 'Assessment overdue' }, width: 10, value: (l, g) => yesNo(l.flags.assessmentOverdue, g) },
  { key: 'continuing', title: { zh: '延期届满继续挂牌', en: 'Continuing after extension' }, width: 12, value: (l, g) => yesNo(l.flags.continuing, g) },
  { key: 'relisted_from', title: { zh: '重新挂牌自', en: 'Relisted from' }, width: 10, value: (l) => l.relistedFrom },
];

function csvCell(v: string | number | boolean | null): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Quote when needed; a leading = + - @ would be a formula in a spreadsheet, so it is prefixed with '.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function listingsCsv(rows: readonly ListingSummary[], lang: Lang): string {
  const lines = [EXPORT_COLUMNS.map((c) => csvCell(c.title[lang])).join(',')];
  for (const r of rows) lines.push(EXPORT_COLUMNS.map((c) => csvCell(c.value(r, lang))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function listingsXlsx(rows: readonly ListingSummary[], lang: Lang, asOf: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'grid-console';
  const ws = wb.addWorksheet(lang === 'zh' ? `挂牌整治 ${asOf}` : `Listings ${asOf}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.title[lang], key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.key, c.value(r, lang)])));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

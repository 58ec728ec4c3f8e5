/**
 * The one message catalogue of the monthly figures, zh-CN first: the page adds it as i18n namespace `figures`
 * (web/src/figures), the API words its problem+json `detail`/`detail_zh` with it. Placeholders are i18next's
 * `{{name}}`, so both sides read the same text.
 */
import type { FigureField, RefusalRule, WarningRule } from './figures.js';

type Catalogue = {
  field: Record<FigureField, string>;
  refusal: Record<RefusalRule, string>;
  warning: Record<WarningRule, string>;
  source: Record<'import' | 'officer' | 'office', string>;
};

const zh: Catalogue = {
  field: {
    registered: '在册吸毒人员',
    underControl: '已管控',
    riskLow: '低风险',
    riskMedium: '中风险',
    riskHigh: '高风险',
    rehabDue: '社区康复应报到',
    rehabDone: '社区康复已报到',
  },
  refusal: {
    required: '“{{field}}”未填写',
    notNumber: '“{{field}}”必须是数字（收到：{{value}}）',
    notWhole: '“{{field}}”必须是整数（收到：{{value}}）',
    negative: '“{{field}}”不能为负数（收到：{{value}}）',
    tooLarge: '“{{field}}”过大：{{value}}，上限 {{max}}',
    abovePopulation: '“{{field}}”为 {{value}}，超过本网格人口 {{population}}',
    aboveRegistered: '“{{field}}”为 {{value}}，不能多于在册人数 {{registered}}',
    riskSum: '低、中、高风险合计 {{sum}}，应等于在册人数 {{registered}}',
    aboveRehabDue: '“{{field}}”为 {{value}}，不能多于应报到人数 {{rehabDue}}',
  },
  warning: {
    jump: '“{{field}}”与上月相比变化较大：上月 {{previous}}，本月 {{value}}（{{change}}）。请核实后确认。',
  },
  source: { import: '导入数据', officer: '网格员上报', office: '办公室修改' },
};

const en: Catalogue = {
  field: {
    registered: 'Registered drug users',
    underControl: 'Under control',
    riskLow: 'Low risk',
    riskMedium: 'Medium risk',
    riskHigh: 'High risk',
    rehabDue: 'Community rehabilitation reports due',
    rehabDone: 'Community rehabilitation reports done',
  },
  refusal: {
    required: '“{{field}}” is empty',
    notNumber: '“{{field}}” must be a number (got: {{value}})',
    notWhole: '“{{field}}” must be a whole number (got: {{value}})',
    negative: '“{{field}}” cannot be negative (got: {{value}})',
    tooLarge: '“{{field}}” is too large: {{value}}, at most {{max}}',
    abovePopulation: '“{{field}}” is {{value}}, more than the grid’s population of {{population}}',
    aboveRegistered: '“{{field}}” is {{value}}, more than the {{registered}} registered',
    riskSum: 'Low, medium and high risk add up to {{sum}}; they must equal the {{registered}} registered',
    aboveRehabDue: '“{{field}}” is {{value}}, more than the {{rehabDue}} reports due',
  },
  warning: {
    jump: '“{{field}}” changed a lot since last month: {{previous}} then, {{value}} now ({{change}}). Check it, then confirm.',
  },
  source: { import: 'imported', officer: 'reported by the grid officer', office: 'changed by the office' },
};

export const FIGURE_MESSAGES = { 'zh-CN': zh, en } as const;
export type FigureLang = keyof typeof FIGURE_MESSAGES;

/** A refusal or warning in words, outside i18next (the API). */
export function figureMessage(lang: FigureLang, kind: 'refusal' | 'warning', p: { field: FigureField; rule: string; values: Record<string, unknown> }): string {
  const c = FIGURE_MESSAGES[lang];
  const template = (c[kind] as Record<string, string>)[p.rule] ?? p.rule;
  const values: Record<string, unknown> = { ...p.values, field: c.field[p.field] };
  if (typeof values.change === 'number' && values.change > 0) values.change = `+${values.change}`;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

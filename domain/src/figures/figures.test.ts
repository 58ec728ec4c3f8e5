import { describe, expect, it } from 'vitest';
import { checkDraft, checkFigures, figureMessage, previousMonth, type Figures } from './index.js';

const ok: Figures = { registered: 10, underControl: 10, riskLow: 6, riskMedium: 3, riskHigh: 1, rehabDue: 3, rehabDone: 3 };

describe('monthly figures', () => {
  it('accepts consistent whole counts', () => {
    expect(checkFigures(ok, { population: 900 })).toEqual({ ok: true, figures: ok, warnings: [] });
  });

  it('refuses negative, fractional, non-numeric and missing counts, naming each field', () => {
    const r = checkFigures({ ...ok, registered: -1, riskLow: 2.5, riskHigh: '1', rehabDone: undefined }, { population: 900 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.refusals.map((x) => [x.field, x.rule])).toEqual([
      ['registered', 'negative'],
      ['riskLow', 'notWhole'],
      ['riskHigh', 'notNumber'],
      ['rehabDone', 'required'],
    ]);
  });

  it('refuses a count larger than the grid population', () => {
    const r = checkFigures({ ...ok, registered: 901, underControl: 901, riskLow: 897 }, { population: 900 });
    expect(!r.ok && r.refusals.map((x) => `${x.field}:${x.rule}`)).toEqual(['registered:abovePopulation', 'underControl:abovePopulation']);
  });

  it('refuses counts that contradict each other', () => {
    const r = checkFigures({ ...ok, underControl: 11, riskLow: 5, rehabDone: 4 }, { population: 900 });
    expect(!r.ok && r.refusals.map((x) => `${x.field}:${x.rule}`)).toEqual(['underControl:aboveRegistered', 'riskLow:riskSum', 'rehabDone:aboveRehabDue']);
  });

  it('warns of a big jump against last month, not of a small one', () => {
    const previous: Figures = { registered: 4, underControl: 4, riskLow: 3, riskMedium: 1, riskHigh: 0, rehabDue: 2, rehabDone: 2 };
    expect(checkFigures({ ...previous, registered: 6, riskLow: 5 }, { population: 900, previous }).warnings).toEqual([]);
    const r = checkFigures(ok, { population: 900, previous });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => [w.field, w.values.change])).toEqual([
      ['registered', 6],
      ['underControl', 6],
    ]);
  });

  it('lets a draft leave counts empty but not wrong', () => {
    expect(checkDraft({ registered: 3, riskLow: null }, 900)).toEqual([]);
    expect(checkDraft({ registered: -3 }, 900).map((r) => r.rule)).toEqual(['negative']);
  });

  it('words a refusal in both languages from one catalogue', () => {
    const p = { field: 'registered' as const, rule: 'abovePopulation', values: { value: 901, population: 900 } };
    expect(figureMessage('zh-CN', 'refusal', p)).toBe('“在册吸毒人员”为 901，超过本网格人口 900');
    expect(figureMessage('en', 'refusal', p)).toBe('“Registered drug users” is 901, more than the grid’s population of 900');
    expect(figureMessage('en', 'warning', { field: 'riskHigh', rule: 'jump', values: { previous: 1, value: 7, change: 6 } })).toContain('(+6)');
  });

  it('steps back a month across the year', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
  });
});

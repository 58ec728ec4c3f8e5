import { describe, expect, it } from 'vitest';
import { mapHeader, normaliseHeader, parseSamplingTime, validateRows } from './validate.js';

const ctx = { sites: new Map([['WW-438002001', 1]]), now: new Date('2026-11-23T00:00:00Z') };
const HEADER = ['site_code', 'sampled_at', 'substance', 'concentration_ng_l', 'flow_m3_day', 'below_loq', 'loq_ng_l', 'lab'];

describe('header', () => {
  it('maps Chinese and English column names, units in brackets ignored', () => {
    expect(normaliseHeader('浓度(ng/L)')).toBe('浓度');
    expect(normaliseHeader('流量（m³/d）')).toBe('流量');
    const h = mapHeader(['站点编码', '采样时间', '物质', '浓度(ng/L)', '流量(m³/d)', '低于定量限', '定量限', '检测机构']);
    expect(h.problems).toEqual([]);
    expect(Object.keys(h.columns).sort()).toEqual([...HEADER].sort());
  });

  it('names a missing required column', () => {
    const h = mapHeader(['site_code', 'sampled_at', 'substance', 'concentration_ng_l']);
    expect(h.problems).toEqual([expect.objectContaining({ row: 1, column: 'flow_m3_day', code: 'missing_column' })]);
  });
});

describe('sampling time', () => {
  it('reads China wall-clock time and refuses impossible dates', () => {
    expect(parseSamplingTime('2026-11-03 09:15')?.toISOString()).toBe('2026-11-03T01:15:00.000Z');
    expect(parseSamplingTime('2026/11/3 9:15')?.toISOString()).toBe('2026-11-03T01:15:00.000Z');
    expect(parseSamplingTime('2026年11月3日')?.toISOString()).toBe('2026-11-02T16:00:00.000Z');
    expect(parseSamplingTime('2026-11-03T01:15:00Z')?.toISOString()).toBe('2026-11-03T01:15:00.000Z');
    expect(parseSamplingTime('2026-02-30 09:00')).toBeNull();
    expect(parseSamplingTime('2026-11-03 25:00')).toBeNull();
    expect(parseSamplingTime('yesterday')).toBeNull();
  });
});

describe('rows', () => {
  const row = (over: Partial<Record<string, string>>) => HEADER.map((h) => over[h] ?? ({ site_code: 'WW-438002001', sampled_at: '2026-11-03 09:00', substance: '甲基苯丙胺', concentration_ng_l: '50', flow_m3_day: '20000', below_loq: '否', loq_ng_l: '1', lab: 'L' } as Record<string, string>)[h]!);

  it('accepts a clean row and reads "<LOQ" concentrations as below the LOQ', () => {
    const r = validateRows([HEADER, row({}), row({ substance: 'mdma', concentration_ng_l: '<0.5', loq_ng_l: '' })], ctx);
    expect(r.problems).toEqual([]);
    expect(r.rows[1]).toMatchObject({ belowLoq: true, loqNgL: 0.5, concentrationNgL: 0.5, substance: 'mdma' });
  });

  it('takes a value under the stated LOQ as below the LOQ whatever the flag says, and tells the lab so', () => {
    const r = validateRows([HEADER, row({ concentration_ng_l: '0.3', loq_ng_l: '0.5', below_loq: '否' }), row({ substance: 'ketamine', concentration_ng_l: '0.5', loq_ng_l: '0.5' })], ctx);
    expect(r.problems).toEqual([]);
    expect(r.rows[0]).toMatchObject({ belowLoq: true, censoredByLoq: true, concentrationNgL: 0.3, loqNgL: 0.5 });
    expect(r.rows[1]).toMatchObject({ belowLoq: false, censoredByLoq: false }); // at the LOQ is a measurement
    expect(r.notices).toEqual([expect.objectContaining({ row: 2, column: 'concentration_ng_l', code: 'below_stated_loq', value: '0.3' })]);
  });

  it('reports each problem with its row and column', () => {
    const r = validateRows(
      [
        HEADER,
        row({ site_code: 'WW-000000000' }),
        row({ substance: '咖啡因' }),
        row({ concentration_ng_l: '-1' }),
        row({ flow_m3_day: '' }),
        row({ sampled_at: '2027-01-01 00:00' }),
        row({ below_loq: 'maybe' }),
        [],
        row({}),
        row({}),
      ],
      ctx,
    );
    const got = r.problems.map((p) => [p.row, p.column, p.code]);
    expect(got).toEqual([
      [2, 'site_code', 'unknown_site'],
      [3, 'substance', 'unknown_substance'],
      [4, 'concentration_ng_l', 'negative'],
      [5, 'flow_m3_day', 'missing_flow'],
      [6, 'sampled_at', 'future_date'],
      [7, 'below_loq', 'bad_flag'],
      [10, 'sampled_at', 'duplicate_in_file'],
    ]);
    expect(r.dataRows).toBe(8); // the empty line 8 is not a row
    expect(r.rows.map((x) => x.row)).toEqual([9]);
  });

  it('reports undecodable lines as bad encoding', () => {
    const r = validateRows([HEADER, row({})], ctx, [2]);
    expect(r.problems).toEqual([expect.objectContaining({ row: 2, code: 'bad_encoding' })]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkMapping, mapRecord, suggestMapping } from './mapping.js';
import type { Problem } from './problems.js';
import { importSpec } from './specs.js';

const venues = importSpec('venues')!;
const firms = importSpec('firms')!;
const villages = importSpec('villages')!;
const sites = importSpec('wastewater_sites')!;

describe('suggested mapping', () => {
  it('maps Chinese headers and the coordinate columns of a table', () => {
    const m = suggestMapping(venues, ['场所编号', '场所名称', '场所类型', '详细地址', '风险等级', '经度', '纬度'], false);
    expect(m).toEqual({
      fields: { code: '场所编号', name: '场所名称', kind: '场所类型', address: '详细地址', risk: '风险等级', inspection_every_days: null, opening_hours: null, township_code: null },
      lon: '经度', lat: '纬度', wkt: null,
    });
    expect(checkMapping(venues, m, ['场所编号', '场所名称', '场所类型', '详细地址', '风险等级', '经度', '纬度'], false)).toEqual([]);
  });

  it('recognises field names cut to 10 bytes by dBASE, and prefers exact names', () => {
    const m = suggestMapping(sites, ['code', 'name', 'kind', 'parent_sit', 'population', 'township_c'], true);
    expect(m.fields).toMatchObject({ code: 'code', parent_site_code: 'parent_sit', population_served: 'population', township_code: 'township_c' });
  });

  it('names what is missing', () => {
    const problems = checkMapping(firms, { fields: { name: '名称' } }, ['名称', '经度'], false);
    expect(problems.map((p) => [p.rule, p.field])).toEqual([
      ['missing_column', 'credit_code'], ['missing_column', 'address'], ['missing_column', 'category'],
      ['missing_column', 'business'], ['missing_column', 'chemicals'], ['missing_coordinates', 'geometry'],
    ]);
  });
});

describe('mapping a record', () => {
  const run = (spec: typeof venues, props: Record<string, unknown>, mapping = suggestMapping(spec, Object.keys(props), false)) => {
    const problems: Problem[] = [];
    const r = mapRecord(spec, mapping, { index: 7, properties: props, geometry: null }, (p) => problems.push(p));
    return { r, problems };
  };

  it('reads labels, lists and numbers, and builds the point', () => {
    const { r, problems } = run(firms, { 统一社会信用代码: '91430421MA4L00001X', 企业名称: '某化工', 地址: '某路', 类别: '第二类', 经营类型: '经营', 品种: '硫酸、盐酸;丙酮', 经度: '112.61', 纬度: 26.9 });
    expect(problems).toEqual([]);
    expect(r.key).toBe('91430421MA4L00001X');
    expect(r.values).toMatchObject({ category: '2', business: 'trader', chemicals: ['硫酸', '盐酸', '丙酮'] });
    expect(r.geometry).toEqual({ type: 'Point', coordinates: [112.61, 26.9] });
  });

  it('reports each bad value with its field, and short area codes get their 12-digit form', () => {
    const { r, problems } = run(villages, { 区划代码: '430421100', 名称: '', 人口: '-3' }, { fields: { code: '区划代码', name: '名称', population: '人口' } });
    expect(r.key).toBe('430421100000');
    expect(problems.map((p) => [p.feature, p.field, p.rule])).toEqual([[7, 'name', 'missing_value'], [7, 'population', 'bad_number']]);
    const v = run(venues, { 编号: 'v-1', 名称: 'x', 类型: '桑拿', 地址: 'y', 经度: 'abc', 纬度: '26' });
    expect(v.problems.map((p) => p.rule)).toEqual(['bad_code', 'unknown_value', 'bad_coordinates']);
  });

  it('reads opening hours in Chinese into the canonical spelling, and names the row and column of unreadable ones', () => {
    const good = run(venues, { 场所编号: 'V-0001', 场所名称: 'x', 场所类型: 'KTV', 地址: 'y', 营业时间: '每天 14:00-02:00', 经度: '112.6', 纬度: '26.9' });
    expect(good.problems).toEqual([]);
    expect(good.r.values.opening_hours).toBe('Mo-Su 14:00-02:00');
    const bad = run(venues, { 场所编号: 'V-0002', 场所名称: 'x', 场所类型: 'KTV', 地址: 'y', 营业时间: '下午营业', 经度: '112.6', 纬度: '26.9' });
    expect(bad.problems.map((p) => [p.feature, p.code, p.field, p.rule])).toEqual([[7, 'V-0002', 'opening_hours', 'bad_opening_hours']]);
    expect(bad.r.values.opening_hours).toBeNull();
  });
});

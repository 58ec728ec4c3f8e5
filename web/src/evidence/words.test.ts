/** The evidence in words: the same sentences in both catalogues, built from the API's structured evidence. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Evidence } from './api';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';
import { listingWords, signalWords } from './words';

const keys = (o: unknown, p = ''): string[] =>
  typeof o !== 'object' || o === null ? [p] : Object.entries(o).flatMap(([k, v]) => keys(v, p ? `${p}.${k}` : k));

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { evidence: en }, 'zh-CN': { evidence: zh } }, lng: 'en', ns: ['evidence'], defaultNS: 'evidence', interpolation: { escapeValue: false } });

const plant = (over: Partial<Evidence['signal'] extends infer S ? S extends { plants: (infer P)[] } ? P : never : never>) => ({
  code: 'WW-438002001', name: '甲镇污水处理厂进水口', people: 30000, weight: 1, role: 'used' as const, trend: 'rising_significant' as const, s: 120, varS: 2000,
  p: 0.01, slope: 0.4, pctChange: 12, weeks: 26, samples: 156, nCensored: 0, censoredShare: 0, limit: null, recensored: 0,
  firstWeek: '2026-05-04', lastWeek: '2026-10-26', series: [], ...over,
});

const evidence: Evidence = {
  area: { code: '438002001000', name: '甲镇', level: 'township', population: 40000 },
  listing: {
    asOf: '2026-11-01', class: 'key_supervision', flags: null,
    listing: { id: 1, grade: 'key_supervision', status: 'listed', body: 'county', categories: ['drug_abuse'], listedOn: '2026-03-01', termEndsOn: '2027-03-01', delistedOn: null, extended: false },
    events: [{ kind: 'listed', onDate: '2026-03-01', grade: 'key_supervision', status: 'listed', termEndsOn: '2027-03-01' }],
    assessments: [],
    changes: [{ code: 'assessment_due', on: '2027-03-01', conditionsMet: null }, { code: 'term_ends', on: '2027-03-01', extensionLeft: true }],
  },
  signal: {
    substance: 'index', asOf: '2026-11-01', window: { from: '2026-05-04', to: '2026-10-26', weeks: 26 }, stored: null,
    trend: { category: 'rising_significant', s: 150, varS: 2500, z: 2.98, p: 0.0029, slope: 0.5, pctChange: 14, n: 26, censoredShare: 0.1, belowDetectionPeople: 0 },
    thresholds: { alphaSignificant: 0.05, alphaLikely: 0.2, minSamples: 8, maxCensoredShare: 0.5, recentWeeks: 8, panelEdgeWeeks: 4, maxBelowDetectionPeople: 0.5 },
    plants: [plant({}), plant({ code: 'WW-438002001-2', name: '甲镇新区污水处理厂进水口', role: 'insufficient', weeks: 6, people: 8000, weight: 0 })],
    panel: [{ code: 'WW-438002001-2', name: '甲镇新区污水处理厂进水口', kind: 'joined', week: '2026-09-21' }],
    weekly: [], coverage: 0.9,
    enforcement: { category: 'falling', s: -60, varS: 1800, p: 0.16, weeks: 25, measures: [{ measure: 'inspections', total: 40, s: -60, p: 0.16, category: 'falling', firstHalf: 2, secondHalf: 1.2, weekly: [] }] },
    divergent: true,
    changes: [{ code: 'p_above', threshold: 0.05, p: 0.0029, to: 'rising' }, { code: 'panel_no_effect' }],
  },
};

describe('why is this colour, in words', () => {
  it('has the same messages in zh-CN and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('says the trend, the test and its p-value, the censored share, the plants and the panel change', () => {
    const s = signalWords(evidence.signal!, i18n.getFixedT('en', 'evidence'));
    expect(s.headline).toBe('Drug signal: rising (significant) (26 weeks, 2026-05-04 to 2026-10-26)');
    expect(s.facts[0]).toContain('p = 0.003');
    expect(s.facts[0]).toContain('S = 150');
    expect(s.facts).toContain('10% of the weekly values were below the LOQ.');
    expect(s.plants[1]).toContain('only 6 weeks');
    expect(s.panel[0]).toMatch(/joined the sampling on 2026-09-21.*not read as a change in use/);
    expect(s.enforcement.at(-1)).toBe('Flagged: the drug signal rises significantly while enforcement falls.');
    expect(s.changes).toEqual(['p rising over 0.05 (now = 0.003) would make it rising.', 'A plant joining or leaving the sampling does not change it.']);
  });

  it('says the listing colour, its events and what comes next, in Chinese too', () => {
    const l = listingWords(evidence.listing, i18n.getFixedT('zh-CN', 'evidence'));
    expect(l.headline).toBe('挂牌颜色：重点督办挂牌（截至 2026-11-01）。');
    expect(l.events).toEqual(['2026-03-01：挂牌，重点督办，期限至 2027-03-01']);
    expect(l.changes[1]).toBe('期限于 2027-03-01 届满：届时延期、降级或摘牌。');
  });
});

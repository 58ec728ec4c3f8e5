import { describe, expect, it } from 'vitest';
import {
  assess,
  authorityFor,
  authorityOfJurisdiction,
  coversArea,
  currentAssessment,
  delist,
  downgrade,
  extend,
  levelOfCode,
  list,
  relist,
  type AssessmentRecord,
  type Authority,
  type ListInput,
  type ListingRecord,
  type Outcome,
} from './rules.js';
import type { Conditions } from './vocabulary.js';

// Hengyang county (430421) and one of its townships / villages; Hengyang city (4304).
const COUNTY: Authority = { body: 'county', jurisdictionCode: '430421000000' };
const CITY: Authority = { body: 'city', jurisdictionCode: '430400000000' };
const TOWNSHIP = { code: '430421101000', level: 'township' as const };
const VILLAGE = { code: '430421101201', level: 'village' as const };
const TODAY = '2026-11-01';
const ALL: Conditions = { leadership: true, mechanisms: true, groundwork: true, education: true, enforcement: true, problem_eased: true };
const SOME: Conditions = { ...ALL, enforcement: false, problem_eased: false };

const base = (over: Partial<ListInput> = {}): ListInput => ({
  authority: COUNTY,
  area: TOWNSHIP,
  grade: 'key_rectification',
  categories: ['drug_abuse', 'transit_hub'],
  listedOn: '2024-03-01',
  today: TODAY,
  hasActiveListing: false,
  ...over,
});

function value<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(`refused: ${o.refusal.rule} ${o.refusal.message.en}`);
  return o.value;
}
function refusal<T>(o: Outcome<T>) {
  if (o.ok) throw new Error('expected a refusal');
  return o.refusal;
}

const listed = (over: Partial<ListInput> = {}) => value(list(base(over))).listing;
function assessed(l: ListingRecord, prior: AssessmentRecord[], on: string, c: Conditions) {
  const s = value(assess(l, prior, { authority: authorityFor(l.body, l.areaCode), assessedOn: on, conditions: c, today: TODAY }));
  return { l: s.listing, all: [...prior, s.assessment] };
}

describe('codes and authority', () => {
  it('reads the level from the code shape and the committee from a jurisdiction', () => {
    expect(['430000000000', '430400000000', '430421000000', '430421101000', '430421101201'].map(levelOfCode)).toEqual([
      'province', 'city', 'county', 'township', 'village',
    ]);
    expect(authorityOfJurisdiction('430421000000')).toEqual(COUNTY);
    expect(authorityOfJurisdiction('430421101000')).toBeNull();
  });
  it('a committee covers the areas below it, not itself nor a neighbour', () => {
    expect(coversArea(COUNTY, TOWNSHIP.code)).toBe(true);
    expect(coversArea(COUNTY, '430421000000')).toBe(false);
    expect(coversArea(COUNTY, '430422101000')).toBe(false);
    expect(coversArea({ body: 'national', jurisdictionCode: '' }, '430421000000')).toBe(true);
  });
});

describe('list', () => {
  it('lists a township at key rectification for two years (art. 13)', () => {
    const s = value(list(base()));
    expect(s.listing).toMatchObject({ status: 'listed', termEndsOn: '2026-03-01', extended: false, body: 'county' });
    expect(s.event).toMatchObject({ kind: 'listed', onDate: '2024-03-01', status: 'listed', grade: 'key_rectification' });
  });
  it('gives key supervision one year; clamps 29 February', () => {
    expect(listed({ grade: 'key_supervision', listedOn: '2024-02-29' }).termEndsOn).toBe('2025-02-28');
  });
  it('lets a county list villages (art. 17) and a city give key attention to a township', () => {
    expect(listed({ area: VILLAGE }).areaCode).toBe(VILLAGE.code);
    expect(listed({ authority: CITY, grade: 'key_attention' }).termEndsOn).toBe('2025-03-01');
  });
  it('accepts a shorter custom term', () => {
    expect(listed({ termEndsOn: '2025-12-31' }).termEndsOn).toBe('2025-12-31');
  });
  it.each([
    ['unknown area', { area: null }, 'list.unknown_area', 404],
    ['area outside the jurisdiction', { area: { code: '430422101000', level: 'township' as const } }, 'authority.outside_jurisdiction', 403],
    ['a county listing a county', { authority: CITY, area: { code: '430421000000', level: 'county' as const }, grade: 'key_attention' as const }, null, 0],
    ['a county listing itself', { area: { code: '430421000000', level: 'county' as const } }, 'authority.outside_jurisdiction', 403],
    ['a city listing a village', { authority: CITY, area: VILLAGE }, 'list.area_level', 422],
    ['a county giving key attention', { grade: 'key_attention' as const }, 'list.grade_not_allowed', 422],
    ['no category', { categories: [] }, 'list.categories', 422],
    ['an unknown category', { categories: ['gambling'] }, 'list.categories', 422],
    ['a repeated category', { categories: ['other', 'other'] }, 'list.categories', 422],
    ['a date in the future', { listedOn: '2026-12-01' }, 'date.in_future', 422],
    ['an end before the start', { termEndsOn: '2024-02-01' }, 'list.end_before_start', 422],
    ['an end on the start', { termEndsOn: '2024-03-01' }, 'list.end_before_start', 422],
    ['a term longer than the grade allows', { termEndsOn: '2026-03-02' }, 'list.term_too_long', 422],
    ['a second active listing', { hasActiveListing: true }, 'list.already_active', 409],
  ])('refuses %s', (_, over, rule, status) => {
    const o = list(base(over as Partial<ListInput>));
    if (rule === null) return expect(o.ok).toBe(true);
    const r = refusal(o);
    expect([r.rule, r.status]).toEqual([rule, status]);
    expect(r.message.zh.length).toBeGreaterThan(0);
    expect(r.message.en.length).toBeGreaterThan(0);
  });
  it('names the allowed grades and levels', () => {
    expect(refusal(list(base({ grade: 'key_attention' }))).allowed).toEqual(['key_rectification', 'key_supervision']);
    expect(refusal(list(base({ authority: CITY, area: VILLAGE }))).allowed).toEqual(['county', 'township']);
  });
});

describe('assess', () => {
  const l = listed();
  it('records the yearly assessment without changing the state, listing the unmet conditions', () => {
    const s = value(assess(l, [], { authority: COUNTY, assessedOn: '2025-02-20', conditions: SOME, today: TODAY }));
    expect(s.assessment).toMatchObject({ year: 2025, assessedOn: '2025-02-20' });
    expect(s.event).toMatchObject({ kind: 'assessed', status: 'listed', detail: { met: 4, unmet: ['enforcement', 'problem_eased'] } });
    expect(s.listing.lastEventOn).toBe('2025-02-20');
  });
  it('refuses a second assessment in one year', () => {
    const { l: l2, all } = assessed(l, [], '2025-02-20', SOME);
    expect(refusal(assess(l2, all, { authority: COUNTY, assessedOn: '2025-11-20', conditions: ALL, today: TODAY })).rule).toBe('assess.one_per_year');
  });
  it('refuses a date before the last event, a future date, another body, a delisted listing', () => {
    const at = (on: string, a = COUNTY, x = l) => refusal(assess(x, [], { authority: a, assessedOn: on, conditions: ALL, today: TODAY }));
    expect(at('2024-01-01')).toMatchObject({ rule: 'date.before_last_event', field: 'assessed_on' });
    expect(at('2027-01-01').rule).toBe('date.in_future');
    expect(at('2025-01-01', CITY).rule).toBe('authority.not_listing_body');
    expect(at('2025-01-01', { body: 'county', jurisdictionCode: '430422000000' }).rule).toBe('authority.not_listing_body');
    expect(at('2025-06-01', COUNTY, { ...l, status: 'delisted', delistedOn: '2025-05-01' }).rule).toBe('state.delisted');
  });
});

describe('extend', () => {
  // Key rectification 2024-03-01 → 2026-03-01; term-end assessment with targets unmet.
  const l0 = listed();
  const { l, all } = assessed(l0, [], '2026-01-10', SOME);
  const at = (on: string, x = l, xs = all) => extend(x, xs, { authority: COUNTY, on, today: TODAY });

  it('adds one year to the term once (art. 13)', () => {
    const s = value(at('2026-02-20'));
    expect(s.listing).toMatchObject({ status: 'extended', extended: true, termEndsOn: '2027-03-01' });
    expect(s.event).toMatchObject({ kind: 'extended', detail: { previous_term_ends_on: '2026-03-01' } });
  });
  it('refuses a second extension: the area stays listed instead', () => {
    const s = value(at('2026-02-20'));
    expect(refusal(at('2026-03-01', s.listing)).rule).toBe('extend.already_extended');
  });
  it('refuses outside the term-end window', () => {
    expect(refusal(at('2025-06-01', { ...l, lastEventOn: '2024-03-01' })).rule).toBe('extend.outside_window');
  });
  it('refuses without a term-end assessment, and when all six are met', () => {
    expect(refusal(at('2026-02-20', l0, [])).rule).toBe('extend.needs_assessment');
    const met = assessed(l0, [], '2026-01-10', ALL);
    expect(refusal(at('2026-02-20', met.l, met.all)).rule).toBe('extend.conditions_met');
  });
  it('refuses key attention, which has no extension', () => {
    const ka = listed({ authority: CITY, grade: 'key_attention' });
    const x = assessed(ka, [], '2025-02-01', SOME);
    expect(refusal(extend(x.l, x.all, { authority: CITY, on: '2025-02-20', today: TODAY })).rule).toBe('extend.grade_has_no_extension');
  });
  it('refuses on a delisted listing', () => {
    expect(refusal(at('2026-02-20', { ...l, status: 'delisted', delistedOn: '2026-02-01' })).rule).toBe('state.delisted');
  });
});

describe('downgrade', () => {
  const l0 = listed();
  const met = assessed(l0, [], '2025-02-20', ALL);
  const unmet = assessed(l0, [], '2025-02-20', SOME);

  it('lowers the grade with all six met and starts a new term (art. 14)', () => {
    const s = value(downgrade(met.l, met.all, { authority: COUNTY, on: '2025-03-01', today: TODAY, toGrade: 'key_supervision' }));
    expect(s.listing).toMatchObject({ grade: 'key_supervision', status: 'downgraded', termEndsOn: '2026-03-01' });
    expect(s.event.detail).toEqual({ from_grade: 'key_rectification' });
  });
  it('refuses with the unmet conditions', () => {
    const r = refusal(downgrade(unmet.l, unmet.all, { authority: COUNTY, on: '2025-03-01', today: TODAY, toGrade: 'key_supervision' }));
    expect(r).toMatchObject({ rule: 'downgrade.conditions_unmet', status: 409, unmet: ['enforcement', 'problem_eased'] });
  });
  it('refuses without a current assessment, with all six unmet', () => {
    const r = refusal(downgrade(l0, [], { authority: COUNTY, on: '2025-03-01', today: TODAY, toGrade: 'key_supervision' }));
    expect(r.rule).toBe('downgrade.needs_assessment');
    expect(r.unmet).toHaveLength(6);
  });
  it('refuses a grade not lower, and a grade the body may not give', () => {
    expect(refusal(downgrade(met.l, met.all, { authority: COUNTY, on: '2025-03-01', today: TODAY, toGrade: 'key_rectification' })).rule).toBe(
      'downgrade.not_lower',
    );
    expect(refusal(downgrade(met.l, met.all, { authority: COUNTY, on: '2025-03-01', today: TODAY, toGrade: 'key_attention' })).rule).toBe(
      'downgrade.grade_not_allowed',
    );
  });
  it('lets a city go down to key attention, but an assessment is spent by the decision it led to', () => {
    const c = listed({ authority: CITY });
    const x = assessed(c, [], '2025-02-20', ALL);
    const s = value(downgrade(x.l, x.all, { authority: CITY, on: '2025-03-01', today: TODAY, toGrade: 'key_supervision' }));
    expect(refusal(downgrade(s.listing, x.all, { authority: CITY, on: '2025-04-01', today: TODAY, toGrade: 'key_attention' })).rule).toBe(
      'downgrade.needs_assessment',
    );
    const y = assessed(s.listing, x.all, '2026-02-01', ALL);
    expect(value(downgrade(y.l, y.all, { authority: CITY, on: '2026-02-10', today: TODAY, toGrade: 'key_attention' })).listing.termEndsOn).toBe(
      '2027-02-10',
    );
  });
});

describe('delist', () => {
  const l0 = listed();
  it('closes the listing when all six are met', () => {
    const x = assessed(l0, [], '2025-02-20', ALL);
    const s = value(delist(x.l, x.all, { authority: COUNTY, on: '2025-03-01', today: TODAY }));
    expect(s.listing).toMatchObject({ status: 'delisted', delistedOn: '2025-03-01' });
    expect(s.event).toMatchObject({ kind: 'delisted', status: 'delisted', detail: { assessed_on: '2025-02-20' } });
  });
  it('returns the unmet conditions of the latest assessment', () => {
    const x = assessed(l0, [], '2025-02-20', SOME);
    expect(refusal(delist(x.l, x.all, { authority: COUNTY, on: '2025-03-01', today: TODAY })).unmet).toEqual(['enforcement', 'problem_eased']);
  });
  it('does not rest on an assessment older than a year', () => {
    const x = assessed(l0, [], '2025-02-20', ALL);
    expect(refusal(delist(x.l, x.all, { authority: COUNTY, on: '2026-03-01', today: TODAY })).rule).toBe('delist.needs_assessment');
    expect(currentAssessment(x.l, x.all, '2026-02-19')?.assessedOn).toBe('2025-02-20');
  });
  it('refuses a listing already delisted', () => {
    const x = assessed(l0, [], '2025-02-20', ALL);
    const s = value(delist(x.l, x.all, { authority: COUNTY, on: '2025-03-01', today: TODAY }));
    expect(refusal(delist(s.listing, x.all, { authority: COUNTY, on: '2025-04-01', today: TODAY })).rule).toBe('state.delisted');
  });
});

describe('relist', () => {
  const x = assessed(listed(), [], '2025-02-20', ALL);
  const gone = { ...value(delist(x.l, x.all, { authority: COUNTY, on: '2025-03-01', today: TODAY })).listing, id: 7 };
  const again = (over: Partial<ListInput> = {}) => relist(gone, base({ listedOn: '2026-01-15', grade: 'key_supervision', ...over }));

  it('opens a new listing linked to the delisted one (art. 20)', () => {
    const s = value(again());
    expect(s.listing).toMatchObject({ status: 'listed', relistedFrom: 7, termEndsOn: '2027-01-15', extended: false });
    expect(s.event).toMatchObject({ kind: 'relisted', detail: { relisted_from: 7, reason: 'rebound' } });
  });
  it('refuses an open listing, a date before the delisting, another area, a grade not allowed', () => {
    expect(refusal(relist({ ...x.l, id: 3 }, base({ listedOn: '2026-01-15' }))).rule).toBe('relist.not_delisted');
    expect(refusal(again({ listedOn: '2025-02-01' })).rule).toBe('date.before_delisting');
    expect(refusal(again({ area: VILLAGE })).rule).toBe('relist.other_area');
    expect(refusal(again({ grade: 'key_attention' })).rule).toBe('list.grade_not_allowed');
    expect(refusal(again({ hasActiveListing: true })).rule).toBe('list.already_active');
  });
});

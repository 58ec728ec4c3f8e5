import { describe, expect, it } from 'vitest';
import { dueWork, flagsAt, nextAssessmentDue } from './due.js';
import { list, type ListingRecord } from './rules.js';

const l0 = (() => {
  const o = list({
    authority: { body: 'county', jurisdictionCode: '430421000000' },
    area: { code: '430421101000', level: 'township' },
    grade: 'key_supervision',
    categories: ['drug_abuse'],
    listedOn: '2025-12-01',
    today: '2026-11-01',
    hasActiveListing: false,
  });
  if (!o.ok) throw new Error(o.refusal.rule);
  return o.value.listing;
})();
const ALL = { leadership: true, mechanisms: true, groundwork: true, education: true, enforcement: true, problem_eased: true };

describe('due work', () => {
  it('counts the yearly assessment from the last one, or from the listing', () => {
    expect(nextAssessmentDue(l0, [], '2026-01-01')).toBe('2026-12-01');
    expect(nextAssessmentDue(l0, [{ year: 2026, assessedOn: '2026-06-01', conditions: ALL, notes: {} }], '2026-07-01')).toBe('2027-06-01');
    expect(nextAssessmentDue({ ...l0, status: 'delisted', delistedOn: '2026-05-01' }, [], '2026-07-01')).toBeNull();
  });
  it('lists a term ending within the window and the assessment due with it', () => {
    expect(dueWork(l0, [], '2026-11-01', 30)).toEqual([
      { kind: 'term_ending', dueOn: '2026-12-01', days: 30 },
      { kind: 'assessment_due', dueOn: '2026-12-01', days: 30 },
    ]);
    expect(dueWork(l0, [], '2026-11-01', 29)).toEqual([]);
  });
  it('flags an overdue assessment and an expired term', () => {
    const items = dueWork(l0, [], '2026-12-15', 30);
    expect(items.map((i) => i.kind)).toEqual(['term_expired', 'assessment_overdue']);
    expect(items[1]!.days).toBe(-14);
    expect(flagsAt(l0, [], '2026-12-15')).toMatchObject({ assessmentOverdue: true, termExpired: true, extensionUsedUp: false, continuing: false });
  });
  it('says when no extension is left, and when an area stays listed after its extension (art. 13)', () => {
    const ext: ListingRecord = { ...l0, status: 'extended', extended: true, termEndsOn: '2027-12-01' };
    expect(dueWork(ext, [], '2027-11-15', 30).map((i) => i.kind)).toContain('extension_used_up');
    expect(flagsAt(ext, [], '2027-12-15').continuing).toBe(true);
    expect(dueWork(ext, [], '2027-12-15', 30)[0]).toMatchObject({ kind: 'continuing', days: -14 });
  });
  it('has nothing due on a delisted listing', () => {
    expect(dueWork({ ...l0, status: 'delisted', delistedOn: '2026-06-01' }, [], '2026-11-01', 365)).toEqual([]);
  });
});

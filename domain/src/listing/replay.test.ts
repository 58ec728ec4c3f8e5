import { describe, expect, it } from 'vitest';
import { replayArea, type StoredListing } from './replay.js';
import type { AssessmentRecord, EventDraft } from './rules.js';

const ALL = { leadership: true, mechanisms: true, groundwork: true, education: true, enforcement: true, problem_eased: true };
const stored: StoredListing = {
  id: 1, areaCode: '430421101000', areaLevel: 'township', body: 'county', categories: ['drug_abuse'],
  grade: 'key_supervision', status: 'delisted', listedOn: '2024-01-10', termEndsOn: '2025-01-10', extended: false,
  delistedOn: '2025-01-05', relistedFrom: null,
};
const ev = (kind: EventDraft['kind'], onDate: string, status: EventDraft['status'] = 'listed'): EventDraft => ({
  kind, onDate, grade: 'key_supervision', status, termEndsOn: '2025-01-10', detail: {},
});
const assessments: AssessmentRecord[] = [{ year: 2025, assessedOn: '2025-01-02', conditions: ALL, notes: {} }];

describe('replay', () => {
  it('accepts a history the rules allow', () => {
    const events = [ev('listed', '2024-01-10'), ev('assessed', '2025-01-02'), ev('delisted', '2025-01-05', 'delisted')];
    expect(replayArea([{ stored, events, assessments }], '2026-11-01')).toEqual([]);
  });
  it('reports a delisting the assessment does not support', () => {
    const weak = [{ ...assessments[0]!, conditions: { ...ALL, education: false } }];
    const events = [ev('listed', '2024-01-10'), ev('assessed', '2025-01-02'), ev('delisted', '2025-01-05', 'delisted')];
    const problems = replayArea([{ stored, events, assessments: weak }], '2026-11-01');
    expect(problems.join('\n')).toMatch(/delist\.conditions_unmet/);
  });
  it('reports an event state that differs from what the rules give, and an overlap', () => {
    const events = [ev('listed', '2024-01-10'), { ...ev('assessed', '2025-01-02'), termEndsOn: '2026-01-10' }, ev('delisted', '2025-01-05', 'delisted')];
    const second = { stored: { ...stored, id: 2, listedOn: '2024-06-01', status: 'listed' as const, delistedOn: null }, events: [ev('listed', '2024-06-01')], assessments: [] };
    const problems = replayArea([{ stored, events, assessments }, second], '2026-11-01').join('\n');
    expect(problems).toMatch(/rules give key_supervision\/listed\/2025-01-10/);
    expect(problems).toMatch(/listing 2: listed while listing 1 is still open/);
  });
});

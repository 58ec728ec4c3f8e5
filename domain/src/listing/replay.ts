/**
 * Replays a stored listing history through the rules: every event must be a transition the rules allow, and must
 * leave the state the event recorded. Used to prove that the demo generator and any imported history agree with
 * rules.ts; a non-empty result lists what disagrees.
 */
import {
  assess,
  authorityFor,
  delist,
  downgrade,
  extend,
  list,
  relist,
  type AssessmentRecord,
  type EventDraft,
  type ListingRecord,
  type Outcome,
  type Step,
} from './rules.js';
import type { AreaLevel, Body, Category, Grade, Status } from './vocabulary.js';

export interface StoredListing {
  id: number;
  areaCode: string;
  areaLevel: AreaLevel;
  body: Body;
  categories: Category[];
  grade: Grade;
  status: Status;
  listedOn: string;
  termEndsOn: string;
  extended: boolean;
  delistedOn: string | null;
  relistedFrom: number | null;
}

/** Replay one listing; `previous` is the delisted listing it was relisted from, already replayed. */
export function replayListing(
  stored: StoredListing,
  events: readonly EventDraft[],
  assessments: readonly AssessmentRecord[],
  today: string,
  previous?: ListingRecord & { id: number },
): { problems: string[]; record: ListingRecord | null } {
  const problems: string[] = [];
  const where = (e: EventDraft) => `listing ${stored.id} (${stored.areaCode}) ${e.kind} ${e.onDate}`;
  const authority = authorityFor(stored.body, stored.areaCode);
  const area = { code: stored.areaCode, level: stored.areaLevel };
  let cur: ListingRecord | null = null;
  const seen: AssessmentRecord[] = [];
  const ordered = [...events].sort((a, b) => (a.onDate < b.onDate ? -1 : a.onDate > b.onDate ? 1 : 0));

  for (const e of ordered) {
    let out: Outcome<Step>;
    if (!cur) {
      const input = { authority, area, grade: e.grade, categories: stored.categories, listedOn: e.onDate, termEndsOn: e.termEndsOn, today, hasActiveListing: false };
      if (e.kind === 'listed') out = list(input);
      else if (e.kind === 'relisted' && previous) out = relist(previous, input);
      else {
        problems.push(`${where(e)}: a history must start with 'listed' (or 'relisted' with the previous listing)`);
        break;
      }
    } else if (e.kind === 'assessed') {
      const a = assessments.find((x) => x.assessedOn === e.onDate);
      if (!a) {
        problems.push(`${where(e)}: no assessment recorded on that date`);
        continue;
      }
      out = assess(cur, seen, { authority, assessedOn: a.assessedOn, conditions: a.conditions, notes: a.notes, today });
      if (out.ok) seen.push(a);
    } else if (e.kind === 'extended') out = extend(cur, seen, { authority, on: e.onDate, today });
    else if (e.kind === 'downgraded') out = downgrade(cur, seen, { authority, on: e.onDate, today, toGrade: e.grade });
    else if (e.kind === 'delisted') out = delist(cur, seen, { authority, on: e.onDate, today });
    else {
      problems.push(`${where(e)}: '${e.kind}' cannot happen to an open listing`);
      continue;
    }
    if (!out.ok) {
      problems.push(`${where(e)}: refused by ${out.refusal.rule}: ${out.refusal.message.en}`);
      continue;
    }
    const ev = out.value.event;
    if (ev.grade !== e.grade || ev.status !== e.status || ev.termEndsOn !== e.termEndsOn)
      problems.push(`${where(e)}: recorded ${e.grade}/${e.status}/${e.termEndsOn}, rules give ${ev.grade}/${ev.status}/${ev.termEndsOn}`);
    cur = out.value.listing;
  }
  if (assessments.length !== seen.length) problems.push(`listing ${stored.id}: ${assessments.length - seen.length} assessment(s) without an 'assessed' event`);
  if (cur) {
    const diff = (['grade', 'status', 'listedOn', 'termEndsOn', 'extended', 'delistedOn', 'relistedFrom'] as const).filter(
      (k) => cur![k] !== stored[k],
    );
    if (diff.length) problems.push(`listing ${stored.id}: row differs from its replayed history in ${diff.join(', ')}`);
  }
  return { problems, record: cur };
}

/** Replay all listings of one area in order: no overlap, relistings linked to the listing they follow. */
export function replayArea(
  listings: readonly { stored: StoredListing; events: readonly EventDraft[]; assessments: readonly AssessmentRecord[] }[],
  today: string,
): string[] {
  const problems: string[] = [];
  const ordered = [...listings].sort((a, b) => (a.stored.listedOn < b.stored.listedOn ? -1 : 1));
  let prev: (ListingRecord & { id: number }) | undefined;
  for (const l of ordered) {
    if (prev && (prev.status !== 'delisted' || prev.delistedOn! >= l.stored.listedOn)) problems.push(`listing ${l.stored.id}: listed while listing ${prev.id} is still open`);
    if (l.stored.relistedFrom !== null && l.stored.relistedFrom !== prev?.id)
      problems.push(`listing ${l.stored.id}: relisted_from ${l.stored.relistedFrom} is not the area's previous listing`);
    const r = replayListing(l.stored, l.events, l.assessments, today, l.stored.relistedFrom !== null ? prev : undefined);
    problems.push(...r.problems);
    prev = r.record ? { ...r.record, id: l.stored.id } : undefined;
  }
  return problems;
}

/**
 * Listing actions and queries for one user: each action is one transaction that locks the listing, asks
 * rules.ts, and writes the listing row, its event, the assessment when there is one, and the audit entry.
 * A refusal throws before anything is written, and the transaction rolls back whatever came before it.
 */
import type { Database, Queryable } from 'db';
import {
  dueWork,
  flagsAt,
  type DueItem,
  type ListingFlags,
  assess,
  authorityOfJurisdiction,
  delist,
  downgrade,
  extend,
  list,
  relist,
  type AssessmentRecord,
  type Authority,
  type Outcome,
  type Refusal,
  type Step,
  type Category,
  type Condition,
  type Conditions,
  type Grade,
} from 'domain/listing';
import { recordAudit } from '../audit/audit.js';
import type { SessionUser } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { chinaToday } from 'domain/time';
import * as repo from './repository.js';

export type Reader = Pick<SessionUser, 'id' | 'username' | 'jurisdictionCode' | 'scopePrefix'>;

export interface ListingSummary extends repo.ListingView {
  flags: ListingFlags;
}

export interface ListingDetail {
  listing: ListingSummary;
  events: repo.EventView[];
  assessments: repo.AssessmentView[];
  due: DueItem[];
}

export interface DueRow extends DueItem {
  listingId: number;
  areaCode: string;
  areaName: string | null;
  grade: Grade;
  status: string;
}

/** A rules refusal as a problem: the rule id, the article, both languages, the field and the unmet conditions. */
export function refusalProblem(r: Refusal): ProblemError {
  return new ProblemError(r.status, 'Refused by the listing rules', {
    detail: r.message.en,
    detail_zh: r.message.zh,
    rule: r.rule,
    ...(r.article ? { article: r.article } : {}),
    ...(r.field ? { param: r.field } : {}),
    ...(r.unmet ? { unmet: r.unmet } : {}),
    ...(r.allowed ? { allowed: r.allowed } : {}),
  });
}

function accepted<T>(o: Outcome<T>): T {
  if (!o.ok) throw refusalProblem(o.refusal);
  return o.value;
}

function authorityOf(user: Reader): Authority {
  const a = authorityOfJurisdiction(user.jurisdictionCode);
  if (!a)
    throw refusalProblem({
      rule: 'authority.no_committee',
      status: 403,
      message: { zh: '乡镇、村级用户不能作出挂牌决定', en: 'listing decisions are taken by a county, city or provincial committee' },
    });
  return a;
}

const notFound = (id: number) => new ProblemError(404, 'Not found', { detail: `No listing ${id} in your jurisdiction.`, param: 'id' });

export interface ListBody {
  areaCode: string;
  grade: Grade;
  categories: Category[];
  listedOn: string;
  termEndsOn?: string;
}

export class ListingService {
  constructor(
    private readonly db: Database,
    private readonly opts: { today?: () => string } = {},
  ) {}

  today(): string {
    return this.opts.today?.() ?? chinaToday();
  }

  async search(user: Reader, f: Omit<repo.ListingFilter, 'scopePrefix'>, db: Queryable = this.db): Promise<ListingSummary[]> {
    const rows = await repo.findListings(db, { ...f, scopePrefix: user.scopePrefix });
    const assessments = await repo.findAssessments(db, rows.map((r) => r.id), f.asOf);
    const by = groupBy(assessments);
    return rows.map((r) => ({ ...r, flags: flagsAt(r, by.get(r.id) ?? [], f.asOf) }));
  }

  async detail(user: Reader, id: number, asOf: string, db: Queryable = this.db): Promise<ListingDetail> {
    const row = await repo.findListing(db, id, { asOf, scopePrefix: user.scopePrefix });
    if (!row) throw notFound(id);
    const assessments = await repo.findAssessments(db, [id], asOf);
    return {
      listing: { ...row, flags: flagsAt(row, assessments, asOf) },
      events: await repo.findEvents(db, id, asOf),
      assessments,
      due: dueWork(row, assessments, asOf, 30),
    };
  }

  async due(user: Reader, asOf: string, withinDays: number): Promise<DueRow[]> {
    const rows = await repo.findListings(this.db, { asOf, scopePrefix: user.scopePrefix, status: 'active' });
    const by = groupBy(await repo.findAssessments(this.db, rows.map((r) => r.id), asOf));
    return rows
      .flatMap((r) =>
        dueWork(r, by.get(r.id) ?? [], asOf, withinDays).map((d) => ({
          ...d, listingId: r.id, areaCode: r.areaCode, areaName: r.areaName, grade: r.grade, status: r.status,
        })),
      )
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.listingId - b.listingId));
  }

  /** GeoJSON Feature of the listed area's outline (for the printed report's map). */
  async outline(user: Reader, id: number) {
    const row = await repo.findListing(this.db, id, { asOf: '9999-12-31', scopePrefix: user.scopePrefix });
    if (!row) throw notFound(id);
    const o = await repo.areaOutline(this.db, row.areaCode);
    if (!o) throw notFound(id);
    return { type: 'Feature' as const, id: row.areaCode, bbox: o.bbox, geometry: o.geometry, properties: { code: row.areaCode, name: row.areaName } };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Actions.

  async list(user: Reader, b: ListBody): Promise<ListingDetail> {
    const authority = authorityOf(user);
    const today = this.today();
    return this.write(user, async (tx) => {
      // An area outside the user's jurisdiction is as unknown as a missing one (404, not 403): the answer must not
      // tell whether a code exists elsewhere.
      const found = await repo.findArea(tx, b.areaCode);
      const area = found && found.code.startsWith(user.scopePrefix) ? found : null;
      const active = area ? await repo.hasActiveListing(tx, area.code) : false;
      const step = accepted(list({ authority, area, grade: b.grade, categories: b.categories, listedOn: b.listedOn, termEndsOn: b.termEndsOn, today, hasActiveListing: active }));
      const id = await repo.insertListing(tx, step.listing);
      await repo.insertEvent(tx, id, step.event, user.username);
      await recordAudit(tx, user, { action: 'listing.list', entity: 'listing', entityId: id, detail: { after: step.listing } });
      return id;
    });
  }

  async relist(user: Reader, id: number, b: { on: string; grade: Grade; categories?: Category[]; reason?: string }): Promise<ListingDetail> {
    const authority = authorityOf(user);
    const today = this.today();
    return this.write(user, async (tx) => {
      const prev = await this.locked(tx, user, id);
      const area = await repo.findArea(tx, prev.areaCode);
      const active = area ? await repo.hasActiveListing(tx, area.code) : false;
      const step = accepted(
        relist(prev, {
          authority, area, grade: b.grade, categories: b.categories ?? prev.categories, listedOn: b.on, today, hasActiveListing: active, reason: b.reason,
        }),
      );
      const newId = await repo.insertListing(tx, step.listing);
      await repo.insertEvent(tx, newId, step.event, user.username);
      await recordAudit(tx, user, { action: 'listing.relist', entity: 'listing', entityId: newId, detail: { relisted_from: id, after: step.listing } });
      return newId;
    });
  }

  async assess(user: Reader, id: number, b: { assessedOn: string; conditions: Conditions; notes?: Partial<Record<Condition, string>> }): Promise<ListingDetail> {
    const authority = authorityOf(user);
    const today = this.today();
    return this.write(user, async (tx) => {
      const l = await this.locked(tx, user, id);
      const existing = await repo.findAssessments(tx, [id], '9999-12-31');
      const step = accepted(assess(l, existing, { authority, assessedOn: b.assessedOn, conditions: b.conditions, notes: b.notes, today }));
      const assessmentId = await repo.insertAssessment(tx, id, step.assessment);
      await repo.insertEvent(tx, id, step.event, user.username);
      await recordAudit(tx, user, { action: 'listing.assess', entity: 'listing', entityId: id, detail: { assessment_id: assessmentId, ...step.event.detail } });
      return id;
    });
  }

  extend(user: Reader, id: number, on: string) {
    return this.decide(user, id, 'extend', (l, xs, a, today) => extend(l, xs, { authority: a, on, today }));
  }

  downgrade(user: Reader, id: number, on: string, toGrade: Grade) {
    return this.decide(user, id, 'downgrade', (l, xs, a, today) => downgrade(l, xs, { authority: a, on, today, toGrade }));
  }

  delist(user: Reader, id: number, on: string) {
    return this.decide(user, id, 'delist', (l, xs, a, today) => delist(l, xs, { authority: a, on, today }));
  }

  // -------------------------------------------------------------------------------------------------------------

  private async decide(
    user: Reader,
    id: number,
    action: string,
    rule: (l: repo.ListingView, xs: AssessmentRecord[], a: Authority, today: string) => Outcome<Step>,
  ): Promise<ListingDetail> {
    const authority = authorityOf(user);
    const today = this.today();
    return this.write(user, async (tx) => {
      const l = await this.locked(tx, user, id);
      const xs = await repo.findAssessments(tx, [id], '9999-12-31');
      const step = accepted(rule(l, xs, authority, today));
      await repo.updateListing(tx, id, step.listing);
      await repo.insertEvent(tx, id, step.event, user.username);
      const before = { grade: l.grade, status: l.status, term_ends_on: l.termEndsOn };
      const after = { grade: step.listing.grade, status: step.listing.status, term_ends_on: step.listing.termEndsOn };
      await recordAudit(tx, user, { action: `listing.${action}`, entity: 'listing', entityId: id, detail: { on: step.event.onDate, before, after } });
      return id;
    });
  }

  /** The listing as it stands now (all events), locked; 404 outside the user's jurisdiction. */
  private async locked(tx: Queryable, user: Reader, id: number): Promise<repo.ListingView> {
    if (!(await repo.lockListing(tx, id))) throw notFound(id);
    const l = await repo.findListing(tx, id, { asOf: '9999-12-31', scopePrefix: user.scopePrefix });
    if (!l) throw notFound(id);
    return l;
  }

  /** Run one action in a transaction, then answer with the listing as it stands today. */
  private async write(user: Reader, fn: (tx: Queryable) => Promise<number>): Promise<ListingDetail> {
    const id = await this.db.transaction(fn);
    return this.detail(user, id, this.today());
  }
}

function groupBy(xs: repo.AssessmentView[]): Map<number, repo.AssessmentView[]> {
  const m = new Map<number, repo.AssessmentView[]>();
  for (const x of xs) m.set(x.listingId, [...(m.get(x.listingId) ?? []), x]);
  return m;
}

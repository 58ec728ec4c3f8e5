/**
 * The listing life cycle (挂牌整治) as explicit rules, with no I/O: the API, the demo generator and the replay
 * check all drive these functions, so the history in the database and the rules cannot disagree.
 *
 * Source: 衡阳县禁毒重点整治工作办法 (2018), docs/reference/hengyang-county-listing-rules-2018.txt, articles 10–20 (cited per rule below).
 *
 * States: listed → (extended) → downgraded / delisted. A delisted listing is closed; a rebound opens a NEW listing
 * linked by relistedFrom (art. 20), so each listing row has one term history.
 *
 * Decisions taken here where the text is silent or local:
 *  - County committee grades: exactly the two of art. 11, 重点整治 and 重点督办; 重点关注 is the city's lightest
 *    grade and a county may not give it (so a county 重点督办 cannot be downgraded; it is delisted instead).
 *  - Downgrading needs the same six conditions as delisting: art. 14 says "同时符合下列条件，可以降低整治级别或者
 *    取消整治" (all of the following → may downgrade or cancel).
 *  - "One extension only" counts per listing: a downgrade starts a new term at the lower grade but does not
 *    give back the extension.
 *  - An extension is decided at the end of the term (art. 18): within EXTENSION_WINDOW_DAYS of the term end,
 *    after a term-end assessment that found the targets not met (art. 31). With all six met, extend is refused.
 *  - A decision (extend, downgrade, delist) rests on a current assessment: one recorded since the last decision
 *    and within a year before it (art. 19, yearly assessment).
 *  - Unresolved at the end of an extension: the listing stays listed (art. 13 "继续挂牌整治"); no second extension,
 *    the status stays 'extended' and `continuing` flags it.
 */
import { addDays, addYears, yearOf } from './dates.js';
import {
  CATEGORIES,
  CONDITIONS,
  GRADE_LABEL,
  GRADE_RANK,
  type AreaLevel,
  type Body,
  type Category,
  type Condition,
  type Conditions,
  type EventKind,
  type Grade,
  type Label,
  type Status,
} from './vocabulary.js';

// ---------------------------------------------------------------------------------------------------------------
// Who may give what, where, for how long.

/** Grades each body may give (art. 11 for the county; docs/DOMAIN.md for the others). */
export const GRADES_BY_BODY: Record<Body, readonly Grade[]> = {
  national: ['key_rectification', 'key_supervision'],
  province: ['key_rectification', 'key_supervision'],
  city: ['key_rectification', 'key_supervision', 'key_attention'],
  county: ['key_rectification', 'key_supervision'],
};

/**
 * Area levels each body lists. Art. 9: townships (parks count as townships) are the unit a county lists;
 * art. 17: a county also takes villages/communities. Higher bodies list the level or two below them.
 */
export const AREA_LEVELS_BY_BODY: Record<Body, readonly AreaLevel[]> = {
  national: ['city', 'county'],
  province: ['city', 'county', 'township'],
  city: ['county', 'township'],
  county: ['township', 'village'],
};

/** Art. 13: 重点督办 one year, 重点整治 two years, each extendable once by a year; 重点关注 one year, no extension. */
export const TERMS: Record<Grade, { years: number; extensionYears: number }> = {
  key_rectification: { years: 2, extensionYears: 1 },
  key_supervision: { years: 1, extensionYears: 1 },
  key_attention: { years: 1, extensionYears: 0 },
};

/** How close to the term end an extension may be decided (either side). */
export const EXTENSION_WINDOW_DAYS = 90;

/** Number of leading code digits that make a body's or an area's jurisdiction. */
const PREFIX_LEN: Record<AreaLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };
const BODY_LEVEL: Record<Exclude<Body, 'national'>, AreaLevel> = { province: 'province', city: 'city', county: 'county' };

/** The level a 12-digit statistical code names (the code's shape says it). */
export function levelOfCode(code: string): AreaLevel {
  if (code.endsWith('0000000000')) return 'province';
  if (code.endsWith('00000000')) return 'city';
  if (code.endsWith('000000')) return 'county';
  if (code.endsWith('000')) return 'township';
  return 'village';
}

/** A listing committee: its level and the area it answers for ('' for national: everywhere). */
export interface Authority {
  body: Body;
  jurisdictionCode: string;
}

/** The committee of a user's jurisdiction; township and village staff are not listing bodies. */
export function authorityOfJurisdiction(code: string): Authority | null {
  const level = levelOfCode(code);
  if (level === 'province' || level === 'city' || level === 'county') return { body: level, jurisdictionCode: code };
  return null;
}

/** The committee of `body` over the area `areaCode` (used to replay stored history). */
export function authorityFor(body: Body, areaCode: string): Authority {
  if (body === 'national') return { body, jurisdictionCode: '' };
  const n = PREFIX_LEN[BODY_LEVEL[body]];
  return { body, jurisdictionCode: areaCode.slice(0, n).padEnd(12, '0') };
}

export function coversArea(a: Authority, areaCode: string): boolean {
  if (a.body === 'national') return true;
  const prefix = a.jurisdictionCode.slice(0, PREFIX_LEN[BODY_LEVEL[a.body]]);
  return areaCode.startsWith(prefix) && areaCode !== a.jurisdictionCode;
}

// ---------------------------------------------------------------------------------------------------------------
// Refusals: every "no" names a rule, cites the article where there is one, says why in both languages, and
// carries the HTTP status the API answers with.

export interface Refusal {
  rule: string;
  status: 403 | 404 | 409 | 422;
  article?: string;
  message: Label;
  /** The input field at fault, when one is. */
  field?: string;
  /** Delisting / downgrading: the six conditions not met by the current assessment. */
  unmet?: Condition[];
  allowed?: readonly string[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };
const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const no = <T>(refusal: Refusal): Outcome<T> => ({ ok: false, refusal });

// ---------------------------------------------------------------------------------------------------------------
// Records the rules read and write (plain data; the repository maps rows to these).

export interface ListingRecord {
  areaCode: string;
  grade: Grade;
  categories: Category[];
  body: Body;
  status: Status;
  listedOn: string;
  termEndsOn: string;
  extended: boolean;
  delistedOn: string | null;
  relistedFrom: number | null;
  /** Date of the latest event of any kind: nothing may be dated before it. */
  lastEventOn: string;
  /** Date of the latest listed/relisted/extended/downgraded event: assessments before it are spent. */
  decidedOn: string;
}

export interface AssessmentRecord {
  year: number;
  assessedOn: string;
  conditions: Conditions;
  notes: Partial<Record<Condition, string>>;
}

export interface EventDraft {
  kind: EventKind;
  onDate: string;
  grade: Grade;
  status: Status;
  termEndsOn: string;
  detail: Record<string, unknown>;
}

export interface Step {
  listing: ListingRecord;
  event: EventDraft;
}

const eventOf = (kind: EventKind, l: ListingRecord, onDate: string, detail: Record<string, unknown> = {}): EventDraft => ({
  kind,
  onDate,
  grade: l.grade,
  status: l.status,
  termEndsOn: l.termEndsOn,
  detail,
});

export const unmetConditions = (c: Conditions): Condition[] => CONDITIONS.filter((k) => !c[k]);

// ---------------------------------------------------------------------------------------------------------------
// Checks shared by several transitions.

function checkDateNotFuture(on: string, today: string, field: string): Refusal | null {
  return on > today
    ? { rule: 'date.in_future', status: 422, field, message: { zh: `日期 ${on} 晚于今天 ${today}`, en: `${field} ${on} is after today (${today})` } }
    : null;
}

function checkAuthorityToList(a: Authority, area: { code: string; level: AreaLevel }, grade: Grade): Refusal | null {
  if (!coversArea(a, area.code))
    return {
      rule: 'authority.outside_jurisdiction',
      status: 403,
      field: 'area_code',
      message: { zh: `地区 ${area.code} 不在本级禁毒委辖区内`, en: `area ${area.code} is outside the committee's jurisdiction` },
    };
  const levels = AREA_LEVELS_BY_BODY[a.body];
  if (!levels.includes(area.level))
    return {
      rule: 'list.area_level',
      status: 422,
      article: '第九条、第十七条',
      field: 'area_code',
      allowed: levels,
      message: {
        zh: `本级禁毒委不能对${area.level}级地区挂牌（可挂牌：${levels.join('、')}）`,
        en: `a ${a.body} committee does not list ${area.level} areas (it lists: ${levels.join(', ')})`,
      },
    };
  const grades = GRADES_BY_BODY[a.body];
  if (!grades.includes(grade))
    return {
      rule: 'list.grade_not_allowed',
      status: 422,
      article: '第十一条',
      field: 'grade',
      allowed: grades,
      message: {
        zh: `本级禁毒委不能确定“${GRADE_LABEL[grade].zh}”级别`,
        en: `a ${a.body} committee may not give the grade ${grade} (allowed: ${grades.join(', ')})`,
      },
    };
  return null;
}

function checkCategories(categories: readonly string[]): Refusal | null {
  const unknown = categories.filter((c) => !(CATEGORIES as readonly string[]).includes(c));
  if (categories.length === 0 || unknown.length || new Set(categories).size !== categories.length)
    return {
      rule: 'list.categories',
      status: 422,
      article: '第十条',
      field: 'categories',
      allowed: CATEGORIES,
      message: {
        zh: '问题类别须为第十条七类中的一类或多类，且不重复',
        en: `categories must be one or more distinct of the seven in article 10${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
      },
    };
  return null;
}

/** Guards every action on an existing listing (assess, extend, downgrade, delist). */
function checkActive(l: ListingRecord, a: Authority, on: string, today: string): Refusal | null {
  if (a.body !== l.body || !coversArea(a, l.areaCode))
    return {
      rule: 'authority.not_listing_body',
      status: 403,
      article: '第十九条',
      message: {
        zh: '只有作出挂牌决定的禁毒委才能评估、延期、降级或摘牌',
        en: `only the ${l.body} committee over ${l.areaCode}, which listed the area, may act on this listing`,
      },
    };
  if (l.status === 'delisted')
    return {
      rule: 'state.delisted',
      status: 409,
      article: '第二十条',
      message: { zh: '该挂牌已摘牌；如出现反弹，请重新挂牌', en: 'the listing is delisted and closed; on a rebound, relist the area' },
    };
  if (on < l.lastEventOn)
    return {
      rule: 'date.before_last_event',
      status: 422,
      field: 'on',
      message: { zh: `日期不能早于上一条记录（${l.lastEventOn}）`, en: `the date ${on} is before the listing's last recorded event (${l.lastEventOn})` },
    };
  return checkDateNotFuture(on, today, 'on');
}

/**
 * The assessment a decision rests on: the latest one on or before `on`, recorded since the last decision and
 * less than a year old (art. 19: assessment is yearly).
 */
export function currentAssessment(l: ListingRecord, assessments: readonly AssessmentRecord[], on: string): AssessmentRecord | null {
  const oldest = addYears(on, -1);
  let best: AssessmentRecord | null = null;
  for (const x of assessments) {
    // Strictly after the last decision: an assessment that led to a decision is spent by it.
    if (x.assessedOn > on || x.assessedOn <= l.decidedOn || x.assessedOn <= oldest) continue;
    if (!best || x.assessedOn > best.assessedOn) best = x;
  }
  return best;
}

function needsAllSix(action: 'delist' | 'downgrade', cur: AssessmentRecord | null): Refusal | null {
  const verb = action === 'delist' ? { zh: '摘牌', en: 'delist' } : { zh: '降级', en: 'downgrade' };
  if (!cur)
    return {
      rule: `${action}.needs_assessment`,
      status: 409,
      article: '第十四条、第十九条',
      unmet: [...CONDITIONS],
      message: {
        zh: `${verb.zh}须以本期一年内的评估为依据，尚无评估`,
        en: `to ${verb.en}, record an assessment first (none since the last decision and within a year)`,
      },
    };
  const unmet = unmetConditions(cur.conditions);
  if (unmet.length)
    return {
      rule: `${action}.conditions_unmet`,
      status: 409,
      article: '第十四条',
      unmet,
      message: {
        zh: `${verb.zh}须同时符合六项条件，${cur.assessedOn} 评估有 ${unmet.length} 项未达到`,
        en: `to ${verb.en}, all six conditions must be met; the assessment of ${cur.assessedOn} leaves ${unmet.length} unmet: ${unmet.join(', ')}`,
      },
    };
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Transitions.

export interface ListInput {
  authority: Authority;
  /** The area as found in admin_area; null when no current area has the code. */
  area: { code: string; level: AreaLevel } | null;
  grade: Grade;
  categories: readonly string[];
  listedOn: string;
  /** A shorter term than the standard one may be set; never longer, never ending before it starts. */
  termEndsOn?: string;
  today: string;
  /** Whether the area already has a listing that is not delisted. */
  hasActiveListing: boolean;
}

function checkNewListing(i: ListInput, field = 'listed_on'): Refusal | null {
  if (!i.area)
    return { rule: 'list.unknown_area', status: 404, field: 'area_code', message: { zh: '地区代码不存在', en: 'no current area has this code' } };
  const r = checkAuthorityToList(i.authority, i.area, i.grade) ?? checkCategories(i.categories) ?? checkDateNotFuture(i.listedOn, i.today, field);
  if (r) return r;
  const standardEnd = addYears(i.listedOn, TERMS[i.grade].years);
  if (i.termEndsOn !== undefined && i.termEndsOn <= i.listedOn)
    return {
      rule: 'list.end_before_start',
      status: 422,
      field: 'term_ends_on',
      message: { zh: '整治期限的结束日期须晚于挂牌日期', en: `term_ends_on ${i.termEndsOn} must be after the listing date ${i.listedOn}` },
    };
  if (i.termEndsOn !== undefined && i.termEndsOn > standardEnd)
    return {
      rule: 'list.term_too_long',
      status: 422,
      article: '第十三条',
      field: 'term_ends_on',
      message: {
        zh: `${GRADE_LABEL[i.grade].zh}期限为 ${TERMS[i.grade].years} 年，最迟至 ${standardEnd}`,
        en: `a ${i.grade} term is ${TERMS[i.grade].years} year(s): it ends by ${standardEnd}`,
      },
    };
  if (i.hasActiveListing)
    return {
      rule: 'list.already_active',
      status: 409,
      field: 'area_code',
      message: { zh: '该地区已有未摘牌的挂牌', en: 'the area already has a listing that is not delisted' },
    };
  return null;
}

function newRecord(i: ListInput, relistedFrom: number | null): ListingRecord {
  return {
    areaCode: i.area!.code,
    grade: i.grade,
    categories: [...i.categories] as Category[],
    body: i.authority.body,
    status: 'listed',
    listedOn: i.listedOn,
    termEndsOn: i.termEndsOn ?? addYears(i.listedOn, TERMS[i.grade].years),
    extended: false,
    delistedOn: null,
    relistedFrom,
    lastEventOn: i.listedOn,
    decidedOn: i.listedOn,
  };
}

/** List an area (art. 15–16). */
export function list(i: ListInput): Outcome<Step> {
  const r = checkNewListing(i);
  if (r) return no(r);
  const listing = newRecord(i, null);
  return ok({ listing, event: eventOf('listed', listing, i.listedOn, { categories: listing.categories }) });
}

/** Relist directly after a rebound (art. 20): a new listing linked to the delisted one, no application needed. */
export function relist(previous: ListingRecord & { id: number }, i: ListInput & { reason?: string }): Outcome<Step> {
  if (previous.status !== 'delisted')
    return no({
      rule: 'relist.not_delisted',
      status: 409,
      article: '第二十条',
      message: { zh: '只有已摘牌的地区出现反弹才能直接重新挂牌', en: 'only a delisted listing can be relisted (on a rebound)' },
    });
  if (i.area && i.area.code !== previous.areaCode)
    return no({ rule: 'relist.other_area', status: 422, field: 'area_code', message: { zh: '重新挂牌须为同一地区', en: 'a relisting is of the same area' } });
  if (i.listedOn <= previous.delistedOn!)
    return no({
      rule: 'date.before_delisting',
      status: 422,
      field: 'on',
      message: { zh: `重新挂牌日期须晚于摘牌日期 ${previous.delistedOn}`, en: `the relisting date must be after the delisting on ${previous.delistedOn}` },
    });
  const r = checkNewListing(i, 'on');
  if (r) return no(r);
  const listing = newRecord(i, previous.id);
  return ok({
    listing,
    event: eventOf('relisted', listing, i.listedOn, { categories: listing.categories, relisted_from: previous.id, reason: i.reason ?? 'rebound' }),
  });
}

export interface AssessInput {
  authority: Authority;
  assessedOn: string;
  conditions: Conditions;
  notes?: Partial<Record<Condition, string>>;
  today: string;
}

/** Record the yearly assessment against the six conditions (art. 14, 18, 19). State does not change. */
export function assess(l: ListingRecord, existing: readonly AssessmentRecord[], i: AssessInput): Outcome<Step & { assessment: AssessmentRecord }> {
  const r = checkActive(l, i.authority, i.assessedOn, i.today);
  if (r) return no({ ...r, field: r.field === 'on' ? 'assessed_on' : r.field });
  const year = yearOf(i.assessedOn);
  if (existing.some((x) => x.year === year))
    return no({
      rule: 'assess.one_per_year',
      status: 409,
      article: '第十九条',
      field: 'assessed_on',
      message: { zh: `${year} 年度已有评估`, en: `the listing already has its assessment for ${year}` },
    });
  const assessment: AssessmentRecord = { year, assessedOn: i.assessedOn, conditions: { ...i.conditions }, notes: { ...(i.notes ?? {}) } };
  const listing = { ...l, lastEventOn: i.assessedOn };
  const unmet = unmetConditions(i.conditions);
  return ok({ listing, assessment, event: eventOf('assessed', listing, i.assessedOn, { year, met: 6 - unmet.length, unmet }) });
}

export interface DecisionInput {
  authority: Authority;
  on: string;
  today: string;
}

/** Extend once (art. 13, 31): targets not met at the end of the term. */
export function extend(l: ListingRecord, assessments: readonly AssessmentRecord[], i: DecisionInput): Outcome<Step> {
  const r = checkActive(l, i.authority, i.on, i.today);
  if (r) return no(r);
  const years = TERMS[l.grade].extensionYears;
  if (years === 0)
    return no({
      rule: 'extend.grade_has_no_extension',
      status: 409,
      article: '第十三条',
      message: { zh: `${GRADE_LABEL[l.grade].zh}不能延期`, en: `a ${l.grade} listing has no extension` },
    });
  if (l.extended)
    return no({
      rule: 'extend.already_extended',
      status: 409,
      article: '第十三条',
      message: {
        zh: '只能延期一次；延期届满仍未达到整治目标的，继续挂牌整治',
        en: 'one extension only; still unresolved at the end of the extension, the area stays listed',
      },
    });
  if (i.on < addDays(l.termEndsOn, -EXTENSION_WINDOW_DAYS) || i.on > addDays(l.termEndsOn, EXTENSION_WINDOW_DAYS))
    return no({
      rule: 'extend.outside_window',
      status: 409,
      article: '第十八条',
      field: 'on',
      message: {
        zh: `延期在整治期满时决定（期满日 ${l.termEndsOn} 前后 ${EXTENSION_WINDOW_DAYS} 天内）`,
        en: `an extension is decided at the end of the term: within ${EXTENSION_WINDOW_DAYS} days of ${l.termEndsOn}`,
      },
    });
  const cur = currentAssessment(l, assessments, i.on);
  if (!cur || cur.assessedOn < addDays(l.termEndsOn, -EXTENSION_WINDOW_DAYS - 90))
    return no({
      rule: 'extend.needs_assessment',
      status: 409,
      article: '第十八条',
      message: { zh: '延期须以期满评估为依据', en: 'an extension needs a term-end assessment (recorded near the end of the term)' },
    });
  if (unmetConditions(cur.conditions).length === 0)
    return no({
      rule: 'extend.conditions_met',
      status: 409,
      article: '第十四条、第三十一条',
      message: {
        zh: '六项条件均已达到，应降级或摘牌而非延期',
        en: 'all six conditions are met: downgrade or delist rather than extend',
      },
    });
  const listing: ListingRecord = {
    ...l,
    status: 'extended',
    extended: true,
    termEndsOn: addYears(l.termEndsOn, years),
    lastEventOn: i.on,
    decidedOn: i.on,
  };
  return ok({ listing, event: eventOf('extended', listing, i.on, { years, previous_term_ends_on: l.termEndsOn }) });
}

/** Lower the grade (art. 14): all six conditions met; a new term at the lower grade starts on the decision date. */
export function downgrade(l: ListingRecord, assessments: readonly AssessmentRecord[], i: DecisionInput & { toGrade: Grade }): Outcome<Step> {
  const r = checkActive(l, i.authority, i.on, i.today);
  if (r) return no(r);
  if (GRADE_RANK[i.toGrade] >= GRADE_RANK[l.grade])
    return no({
      rule: 'downgrade.not_lower',
      status: 422,
      field: 'grade',
      message: {
        zh: `降级后的级别须低于“${GRADE_LABEL[l.grade].zh}”`,
        en: `${i.toGrade} is not lower than the current grade ${l.grade}`,
      },
    });
  const grades = GRADES_BY_BODY[l.body];
  if (!grades.includes(i.toGrade))
    return no({
      rule: 'downgrade.grade_not_allowed',
      status: 422,
      article: '第十一条',
      field: 'grade',
      allowed: grades,
      message: {
        zh: `本级禁毒委不能确定“${GRADE_LABEL[i.toGrade].zh}”级别；可直接摘牌`,
        en: `a ${l.body} committee may not give ${i.toGrade}; delist instead`,
      },
    });
  const unmet = needsAllSix('downgrade', currentAssessment(l, assessments, i.on));
  if (unmet) return no(unmet);
  const listing: ListingRecord = {
    ...l,
    grade: i.toGrade,
    status: 'downgraded',
    termEndsOn: addYears(i.on, TERMS[i.toGrade].years),
    lastEventOn: i.on,
    decidedOn: i.on,
  };
  return ok({ listing, event: eventOf('downgraded', listing, i.on, { from_grade: l.grade }) });
}

/** Delist (art. 14): all six conditions of the current assessment met; otherwise the unmet ones are returned. */
export function delist(l: ListingRecord, assessments: readonly AssessmentRecord[], i: DecisionInput): Outcome<Step> {
  const r = checkActive(l, i.authority, i.on, i.today);
  if (r) return no(r);
  const cur = currentAssessment(l, assessments, i.on);
  const unmet = needsAllSix('delist', cur);
  if (unmet) return no(unmet);
  const listing: ListingRecord = { ...l, status: 'delisted', delistedOn: i.on, lastEventOn: i.on, decidedOn: i.on };
  return ok({ listing, event: eventOf('delisted', listing, i.on, { assessed_on: cur!.assessedOn }) });
}

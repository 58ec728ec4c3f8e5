/**
 * Demo listing history (挂牌整治): about two years ending at ctx.asOf, made by DRIVING THE RULES ENGINE
 * (domain/src/listing/rules.ts), so every stored event is a transition the rules allowed and the history replays clean.
 *
 * Each listing follows a story: a listing date relative to asOf and acts (assess, extend, downgrade, delist,
 * relist) at days after it. The first stories are fixed so that every state appears at asOf (listed, extended,
 * continuing after the extension, downgraded, delisted, recently delisted, relisted after a rebound, assessment
 * overdue, term ending soon, term expired without a decision); the rest are the same stories shifted by a few
 * weeks. An act the rules refuse is skipped, an act after asOf has not happened yet.
 */
import {
  addDays,
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
  CATEGORIES,
  CONDITIONS,
  type AreaLevel,
  type Body,
  type Category,
  type Condition,
  type Conditions,
  type Grade,
} from 'domain/listing';
import type { SeedStep } from './context.js';
import { pickWeighted, randInt, type Rng } from './rng.js';

type Pattern = 'all' | 'some';
type Act =
  | { at: number; do: 'assess'; pattern: Pattern }
  | { at: number; do: 'extend' | 'delist' }
  | { at: number; do: 'downgrade'; to: Grade }
  | { at: number; do: 'relist'; grade: Grade };

interface Story {
  name: string;
  body: Body;
  level: AreaLevel;
  grade: Grade;
  /** Listing date in days relative to asOf (negative: before). */
  start: number;
  /** Days after the listing date (relist: after the first listing date too). */
  acts: Act[];
}

// The fixed stories; comments give the state at asOf (A).
const STORIES: Story[] = [
  { name: 'delisted', body: 'county', level: 'township', grade: 'key_supervision', start: -700, acts: [{ at: 350, do: 'assess', pattern: 'all' }, { at: 365, do: 'delist' }] },
  // delisted A−55: drawn as recently delisted.
  { name: 'recently_delisted', body: 'county', level: 'township', grade: 'key_supervision', start: -420, acts: [{ at: 350, do: 'assess', pattern: 'all' }, { at: 365, do: 'delist' }] },
  // extended, term ends A+60, no extension left, assessment due A+35.
  { name: 'extended_ending', body: 'county', level: 'township', grade: 'key_supervision', start: -670, acts: [{ at: 340, do: 'assess', pattern: 'some' }, { at: 360, do: 'extend' }] },
  // extension ended A−30 unresolved: stays listed (art. 13).
  { name: 'continuing', body: 'county', level: 'township', grade: 'key_supervision', start: -760, acts: [{ at: 340, do: 'assess', pattern: 'some' }, { at: 365, do: 'extend' }, { at: 705, do: 'assess', pattern: 'some' }] },
  // key rectification → key supervision A−255, new term to A+110.
  { name: 'downgraded', body: 'county', level: 'township', grade: 'key_rectification', start: -600, acts: [{ at: 330, do: 'assess', pattern: 'all' }, { at: 345, do: 'downgrade', to: 'key_supervision' }] },
  // never assessed: due A−135, overdue.
  { name: 'overdue', body: 'county', level: 'township', grade: 'key_rectification', start: -500, acts: [] },
  // term and first assessment both end A+20.
  { name: 'ending_soon', body: 'county', level: 'township', grade: 'key_supervision', start: -345, acts: [] },
  { name: 'fresh_village', body: 'county', level: 'village', grade: 'key_rectification', start: -90, acts: [] },
  // delisted A−380, rebound, relisted A−170 at a heavier grade (art. 20).
  { name: 'relisted', body: 'county', level: 'township', grade: 'key_supervision', start: -730, acts: [{ at: 340, do: 'assess', pattern: 'all' }, { at: 350, do: 'delist' }, { at: 560, do: 'relist', grade: 'key_rectification' }] },
  // key rectification two years, term-end assessment unmet, extended to A+335.
  { name: 'extended_rectification', body: 'county', level: 'township', grade: 'key_rectification', start: -760, acts: [{ at: 360, do: 'assess', pattern: 'some' }, { at: 700, do: 'assess', pattern: 'some' }, { at: 715, do: 'extend' }] },
  { name: 'city_attention', body: 'city', level: 'township', grade: 'key_attention', start: -300, acts: [] },
  { name: 'city_attention_delisted', body: 'city', level: 'township', grade: 'key_attention', start: -650, acts: [{ at: 350, do: 'assess', pattern: 'all' }, { at: 360, do: 'delist' }] },
  { name: 'province_county', body: 'province', level: 'county', grade: 'key_rectification', start: -540, acts: [{ at: 360, do: 'assess', pattern: 'some' }] },
  // term ended A−15 with no decision yet.
  { name: 'city_county_expired', body: 'city', level: 'county', grade: 'key_supervision', start: -380, acts: [{ at: 340, do: 'assess', pattern: 'some' }] },
  // key rectification → key attention (a city may give it), term ends A+15.
  { name: 'city_down_to_attention', body: 'city', level: 'township', grade: 'key_rectification', start: -690, acts: [{ at: 330, do: 'assess', pattern: 'all' }, { at: 340, do: 'downgrade', to: 'key_attention' }] },
  { name: 'city_rectification', body: 'city', level: 'township', grade: 'key_rectification', start: -200, acts: [] },
];

/** Shifted copies of the county stories fill each county with two or three more listings. */
const FILL = STORIES.filter((s) => s.body === 'county' && s.level === 'township');

const CATEGORY_WEIGHTS: Record<Category, number> = {
  drug_abuse: 6, transit_hub: 3, outflow_trafficking: 3, manufacturing: 1.5, other: 1, illegal_cultivation: 0.7, smuggling_channel: 0.3,
};
// Enforcement and the problem itself are what most often lag (art. 14 (五), (六)).
const UNMET_WEIGHTS: Record<Condition, number> = { leadership: 1, mechanisms: 1.5, groundwork: 2, education: 1, enforcement: 3, problem_eased: 4 };
const UNMET_NOTE: Record<Condition, string> = {
  leadership: '党委政府研究禁毒工作不够，责任未压实到人',
  mechanisms: '禁毒专职人员不足，经费未列入本级预算',
  groundwork: '吸毒人员底数不清，台账更新滞后',
  education: '禁毒宣传“六进”覆盖不足，群众知晓率偏低',
  enforcement: '本地贩毒网络尚未打掉，破案数低于全县平均',
  problem_eased: '毒情仍较突出，污水监测指数未见下降',
};

export interface AreaPick {
  code: string;
  level: AreaLevel;
  parentCode: string;
}

export interface PlannedListing {
  /** Index in the plan; `relistedFrom` points at another plan index. */
  key: number;
  story: string;
  record: ListingRecord;
  relistedFrom: number | null;
  events: EventDraft[];
  assessments: AssessmentRecord[];
  recordedBy: string;
}

export interface ListingPlan {
  listings: PlannedListing[];
  /** Acts the rules refused (skipped): a fixed story should have none. */
  refused: { story: string; act: string; rule: string }[];
}

function conditionsFor(r: Rng, pattern: Pattern): { conditions: Conditions; notes: Partial<Record<Condition, string>> } {
  const conditions = Object.fromEntries(CONDITIONS.map((c) => [c, true])) as Conditions;
  const notes: Partial<Record<Condition, string>> = {};
  if (pattern === 'some') {
    const n = randInt(r, 1, 3);
    for (let i = 0; i < n; i++) {
      const c = pickWeighted(r, CONDITIONS, CONDITIONS.map((k) => (conditions[k] ? UNMET_WEIGHTS[k] : 0)));
      conditions[c] = false;
      notes[c] = UNMET_NOTE[c];
    }
  }
  return { conditions, notes };
}

function categoriesFor(r: Rng): Category[] {
  const n = pickWeighted(r, [1, 2, 3], [5, 4, 1]);
  const out = new Set<Category>();
  while (out.size < n) out.add(pickWeighted(r, CATEGORIES, CATEGORIES.map((c) => (out.has(c) ? 0 : CATEGORY_WEIGHTS[c]))));
  return [...out];
}

const RECORDER: Record<Body, string> = { national: 'system', province: 'system', city: 'city_office', county: 'county_office' };

/**
 * Plan the history: pure and deterministic (same areas, asOf and stream → same plan). `areas` are the current
 * admin areas of the region; the root city is the city body's jurisdiction.
 */
export function planListingHistory(areas: readonly AreaPick[], asOf: string, r: Rng): ListingPlan {
  const counties = areas.filter((a) => a.level === 'county');
  const byParent = new Map<string, AreaPick[]>();
  for (const a of areas) byParent.set(a.parentCode, [...(byParent.get(a.parentCode) ?? []), a]);
  const used = new Set<string>();
  let turn = 0;

  /** A fresh area of the level, taking counties in turn so every county office has listings of its own. */
  function areaFor(s: Story): AreaPick | null {
    for (let k = 0; k < counties.length; k++) {
      const county = counties[(turn + k) % counties.length]!;
      let pool: AreaPick[];
      if (s.level === 'county') pool = [county];
      else if (s.level === 'township') pool = byParent.get(county.code) ?? [];
      else pool = (byParent.get(county.code) ?? []).flatMap((t) => byParent.get(t.code) ?? []);
      const free = pool.filter((a) => !used.has(a.code));
      if (free.length) {
        turn = (turn + k + 1) % counties.length;
        const a = free[Math.floor(r() * free.length)]!;
        used.add(a.code);
        return a;
      }
    }
    return null;
  }

  const plan: ListingPlan = { listings: [], refused: [] };
  const stories: { s: Story; shift: number }[] = STORIES.map((s) => ({ s, shift: 0 }));
  for (let i = 0; i < counties.length * 2; i++) stories.push({ s: FILL[i % FILL.length]!, shift: randInt(r, -45, 45) });

  for (const { s, shift } of stories) {
    const area = areaFor(s);
    if (!area) continue;
    const authority = authorityFor(s.body, area.code);
    const start = addDays(asOf, s.start + shift);
    if (start > asOf) continue;
    const first = list({
      authority, area, grade: s.grade, categories: categoriesFor(r), listedOn: start, today: asOf, hasActiveListing: false,
    });
    if (!first.ok) {
      plan.refused.push({ story: s.name, act: 'list', rule: first.refusal.rule });
      continue;
    }
    let cur: PlannedListing = {
      key: plan.listings.length, story: s.name, record: first.value.listing, relistedFrom: null,
      events: [first.value.event], assessments: [], recordedBy: RECORDER[s.body],
    };
    plan.listings.push(cur);

    for (const act of s.acts) {
      const on = addDays(start, act.at);
      if (on > asOf) break; // not happened yet
      const l = cur.record;
      let out: Outcome<Step & { assessment?: AssessmentRecord }>;
      if (act.do === 'assess') {
        const { conditions, notes } = conditionsFor(r, act.pattern);
        out = assess(l, cur.assessments, { authority, assessedOn: on, conditions, notes, today: asOf });
      } else if (act.do === 'extend') out = extend(l, cur.assessments, { authority, on, today: asOf });
      else if (act.do === 'downgrade') out = downgrade(l, cur.assessments, { authority, on, today: asOf, toGrade: act.to });
      else if (act.do === 'delist') out = delist(l, cur.assessments, { authority, on, today: asOf });
      else {
        out = relist(
          { ...l, id: cur.key },
          { authority, area, grade: (act as Extract<Act, { do: 'relist' }>).grade, categories: categoriesFor(r), listedOn: on, today: asOf, hasActiveListing: false, reason: 'rebound' },
        );
        if (out.ok) {
          cur = {
            key: plan.listings.length, story: s.name, record: out.value.listing, relistedFrom: cur.key,
            events: [out.value.event], assessments: [], recordedBy: RECORDER[s.body],
          };
          plan.listings.push(cur);
          continue;
        }
      }
      if (!out.ok) {
        plan.refused.push({ story: s.name, act: act.do, rule: out.refusal.rule });
        continue;
      }
      cur.record = out.value.listing;
      cur.events.push(out.value.event);
      if (out.value.assessment) cur.assessments.push(out.value.assessment);
    }
  }
  return plan;
}

/** Insert the plan in four statements (ids reserved up front so relisted_from can point at them). */
async function insertPlan(db: Parameters<SeedStep>[0]['db'], plan: ListingPlan): Promise<void> {
  const n = plan.listings.length;
  if (!n) return;
  const ids = (await db.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('listing', 'id')) AS id FROM generate_series(1, $1)`, [n])).map(
    (x) => Number(x.id),
  );
  const idOf = (key: number) => ids[key]!;
  const listings = plan.listings.map((p) => ({
    id: idOf(p.key), area_code: p.record.areaCode, grade: p.record.grade, categories: p.record.categories, body: p.record.body,
    status: p.record.status, listed_on: p.record.listedOn, term_ends_on: p.record.termEndsOn, extended: p.record.extended,
    delisted_on: p.record.delistedOn, relisted_from: p.relistedFrom === null ? null : idOf(p.relistedFrom),
  }));
  // Previous listings first: the one-active-listing index and the relisted_from key both hold row by row.
  await db.query(
    `INSERT INTO listing (id, area_code, grade, categories, body, status, listed_on, term_ends_on, extended, delisted_on, relisted_from)
     SELECT id, area_code, grade, ARRAY(SELECT jsonb_array_elements_text(categories)), body, status, listed_on, term_ends_on, extended, delisted_on, relisted_from
     FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, area_code text, grade text, categories jsonb, body text, status text,
       listed_on date, term_ends_on date, extended boolean, delisted_on date, relisted_from bigint)
     ORDER BY relisted_from NULLS FIRST, id`,
    [JSON.stringify(listings)],
  );
  const events = plan.listings.flatMap((p) =>
    p.events.map((e) => ({
      listing_id: idOf(p.key), kind: e.kind, on_date: e.onDate, grade: e.grade, status: e.status, term_ends_on: e.termEndsOn,
      detail: e.kind === 'relisted' ? { ...e.detail, relisted_from: idOf(p.relistedFrom!) } : e.detail, recorded_by: p.recordedBy,
    })),
  ).map((e, n) => ({ ...e, n })); // ids follow the plan's order: same-day events (assess, then delist) stay in order
  await db.query(
    `INSERT INTO listing_event (listing_id, kind, on_date, grade, status, term_ends_on, detail, recorded_by, recorded_at)
     SELECT listing_id, kind, on_date, grade, status, term_ends_on, detail, recorded_by, on_date::timestamptz + interval '10 hours'
     FROM jsonb_to_recordset($1::jsonb) AS x(listing_id bigint, kind text, on_date date, grade text, status text,
       term_ends_on date, detail jsonb, recorded_by text, n int)
     ORDER BY n`,
    [JSON.stringify(events)],
  );
  const assessments = plan.listings.flatMap((p) =>
    p.assessments.map((a) => ({ listing_id: idOf(p.key), year: a.year, assessed_on: a.assessedOn, ...a.conditions, notes: a.notes })),
  );
  await db.query(
    `INSERT INTO listing_assessment (listing_id, year, assessed_on, leadership, mechanisms, groundwork, education, enforcement, problem_eased, notes)
     SELECT listing_id, year, assessed_on, leadership, mechanisms, groundwork, education, enforcement, problem_eased, notes
     FROM jsonb_to_recordset($1::jsonb) AS x(listing_id bigint, year int, assessed_on date, leadership boolean, mechanisms boolean,
       groundwork boolean, education boolean, enforcement boolean, problem_eased boolean, notes jsonb)`,
    [JSON.stringify(assessments)],
  );
}

export const seedListings: SeedStep = async (ctx) => {
  ctx.progress({ step: 'listings', done: 0, total: 1 });
  const areas = await ctx.db.query<AreaPick>(
    `SELECT code, level, parent_code AS "parentCode" FROM admin_area
     WHERE valid_to IS NULL AND level IN ('county', 'township', 'village') ORDER BY code`,
  );
  const plan = planListingHistory(areas, ctx.asOf, ctx.rng('listings'));
  await insertPlan(ctx.db, plan);
  ctx.progress({ step: 'listings', done: 1, total: 1 });
};

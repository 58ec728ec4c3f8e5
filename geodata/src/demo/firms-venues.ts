/**
 * Seed step: precursor-chemical firms (易制毒化学品企业) and key venues (重点场所), mostly in urban townships
 * (firms also in industrial parks), each inside a village of its township, and their inspection history over
 * the two years before asOf — some of them overdue.
 */
import type { SeedStep } from './context.js';
import { insertChunks } from './bulk.js';
import { makeCreditCode } from './credit-code.js';
import { addDays, daysBetween } from './dates.js';
import { personName, streetAddress, uniqueStem } from './names.js';
import { areaShapes } from './places.js';
import { between, chance, pick, pickWeighted, randInt, type Rng } from './rng.js';
import { randomPointIn } from './shapes.js';
import { regionSize } from './sizes.js';
import { countyScenario, inspectionsSlacken, SLACKENING, STORY_WEEKS } from './story.js';

interface Township { code: string; name: string; kind: string; county_name: string }
interface Village { code: string; township_code: string; kind: string }

/** Chemicals by category of the precursor regulations (易制毒化学品管理条例, annex). */
const CHEMICALS: Record<1 | 2 | 3, string[]> = {
  1: ['麻黄碱', '伪麻黄碱', '盐酸羟亚胺', '邻氯苯基环戊酮', '1-苯基-2-丙酮', '胡椒醛', '黄樟素'],
  2: ['醋酸酐', '苯乙酸', '三氯甲烷', '乙醚', '哌啶', '溴素', '1-苯基-1-丙酮'],
  3: ['高锰酸钾', '硫酸', '盐酸', '丙酮', '甲苯', '甲基乙基酮'],
};
const FIRM_WORDS = ['化工', '医药', '化学试剂', '精细化工', '制药', '新材料', '化工贸易', '生物科技'];
const VENUE_KINDS = ['hotel', 'ktv', 'bar', 'bathhouse', 'internet_cafe', 'private_club'] as const;
const VENUE_WEIGHTS = [30, 15, 12, 13, 22, 8];
const VENUE_SUFFIX: Record<string, string[]> = {
  hotel: ['宾馆', '大酒店', '商务酒店', '快捷酒店'],
  ktv: ['KTV', '量贩式KTV', '歌城'],
  bar: ['酒吧', '清吧', 'LiveHouse'],
  bathhouse: ['洗浴中心', '足浴城', '汤泉会馆'],
  internet_cafe: ['网咖', '网吧', '电竞馆'],
  private_club: ['会所', '俱乐部', '私人会馆'],
};
const FIRM_FINDINGS = ['购销台账登记不全', '储存场所未落实双人双锁', '购买备案证明过期', '流向记录未及时报送', '从业人员培训记录缺失'];
const VENUE_FINDINGS = ['未落实住宿实名登记', '包厢内张贴禁毒标识缺失', '监控设备故障未修复', '从业人员未签订禁毒承诺书', '未建立巡查台账'];

const INSERT_FIRMS = `
  INSERT INTO firm (credit_code, name, address, category, business, chemicals, licence_no, licence_expiry,
                    inspection_every_days, township_code, geom)
  SELECT r.credit_code, r.name, r.address, r.category, r.business, r.chemicals, r.licence_no, r.licence_expiry,
         r.every, r.township_code, ST_SetSRID(ST_MakePoint(r.x, r.y), 4326)
  FROM jsonb_to_recordset($1::jsonb) AS r(credit_code text, name text, address text, category smallint, business text,
       chemicals text[], licence_no text, licence_expiry date, every int, township_code text, x float8, y float8)
  ORDER BY r.credit_code
  RETURNING id, credit_code AS key`;

const INSERT_VENUES = `
  INSERT INTO venue (code, name, kind, address, risk, inspection_every_days, township_code, geom)
  SELECT r.code, r.name, r.kind, r.address, r.risk, r.every, r.township_code, ST_SetSRID(ST_MakePoint(r.x, r.y), 4326)
  FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, kind text, address text, risk text, every int,
       township_code text, x float8, y float8)
  ORDER BY r.code
  RETURNING id, code AS key`;

const INSERT_INSPECTIONS = `
  INSERT INTO inspection (firm_id, venue_id, inspected_on, inspector, outcome, findings)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(firm_id bigint, venue_id bigint, inspected_on date, inspector text,
       outcome text, findings text)`;

/**
 * Opening hours as offices record them (canonical notation of domain/patrol/hours.ts), so that the patrol plan
 * has windows to respect: firms keep office hours (a third also Saturday mornings' full day, continuous plants
 * every day); venues by kind — KTVs and bars open in the afternoon or evening, hotels and internet cafés always.
 * Chosen by id, not drawn from the seed's random stream, so the rest of the region stays as it was.
 */
const DEMO_FIRM_HOURS = `
  UPDATE firm SET opening_hours = CASE WHEN id % 7 = 0 THEN 'Mo-Su 08:00-18:00' WHEN id % 3 = 0 THEN 'Mo-Sa 08:00-18:00; Su off'
                                       ELSE 'Mo-Fr 08:00-12:00,14:00-17:30; Sa-Su off' END`;
const DEMO_VENUE_HOURS = `
  UPDATE venue SET opening_hours = CASE kind WHEN 'hotel' THEN '24/7' WHEN 'internet_cafe' THEN '24/7'
                                             WHEN 'ktv' THEN 'Mo-Su 14:00-02:00' WHEN 'bar' THEN 'Mo-Su 19:00-02:00'
                                             WHEN 'bathhouse' THEN 'Mo-Su 12:00-24:00' ELSE 'Mo-Su 15:00-23:00' END`;

/** How strongly each township kind attracts firms and venues. */
const FIRM_PULL: Record<string, number> = { park: 8, street: 2, seat: 2.5, town: 0.5, township: 0.15 };
const VENUE_PULL: Record<string, number> = { park: 0.6, street: 5, seat: 3, town: 0.6, township: 0.15 };

export const seedFirmsAndVenues: SeedStep = async (ctx) => {
  const size = regionSize(ctx.size);
  const townships = await ctx.db.query<Township>(`
    SELECT t.code, t.name, CASE WHEN t.kind = 'town' AND substr(t.code, 7, 3) = '100' THEN 'seat' ELSE t.kind END AS kind,
           c.name AS county_name
    FROM admin_area t JOIN admin_area c ON c.code = t.parent_code
    WHERE t.level = 'township' AND t.valid_to IS NULL ORDER BY t.code`);
  const villages = await ctx.db.query<Village>(
    `SELECT code, parent_code AS township_code, kind FROM admin_area WHERE level = 'village' AND valid_to IS NULL ORDER BY code`);
  const shapes = await areaShapes(ctx.db, 'village');
  const byTownship = new Map<string, Village[]>();
  for (const v of villages) byTownship.set(v.township_code, [...(byTownship.get(v.township_code) ?? []), v]);

  /** A point in a village of the township (communities preferred: that is where businesses are). */
  const place = (r: Rng, t: Township) => {
    const vs = byTownship.get(t.code)!;
    const v = pickWeighted(r, vs, vs.map((x) => (x.kind === 'community' ? 4 : 1)));
    const [x, y] = randomPointIn(r, shapes.get(v.code)!);
    return { x, y };
  };

  // Firms.
  const rf = ctx.rng('firms');
  const firmCount = Math.max(2, Math.round(townships.length * size.firmsPerTownship));
  // Names are unique within a county (firms) or township (venues): enough for an address book, and the
  // syllable lists never run out at province size.
  const namesIn = new Map<string, Set<string>>();
  const takenIn = (key: string) => namesIn.get(key) ?? namesIn.set(key, new Set()).get(key)!;
  const firms = Array.from({ length: firmCount }, (_, i) => {
    const t = pickWeighted(rf, townships, townships.map((x) => FIRM_PULL[x.kind] ?? 1));
    const category = pickWeighted(rf, [1, 2, 3] as const, [15, 35, 50]);
    const business = category === 1 ? pickWeighted(rf, ['producer', 'trader', 'user'], [30, 20, 50]) : pickWeighted(rf, ['producer', 'trader', 'user'], [15, 45, 40]);
    const pool = CHEMICALS[category];
    const chemicals = [...new Set(Array.from({ length: randInt(rf, 1, 3) }, () => pick(rf, pool)))];
    const expiryRoll = rf();
    const licenceExpiry = addDays(ctx.asOf, expiryRoll < 0.1 ? -randInt(rf, 1, 200) : expiryRoll < 0.25 ? randInt(rf, 0, 60) : randInt(rf, 61, 1095));
    const every = category === 1 ? 30 : category === 2 ? 60 : pick(rf, [90, 90, 180]);
    const name = `${t.county_name.slice(0, 2)}${uniqueStem(rf, takenIn(t.code.slice(0, 6)))}${pick(rf, FIRM_WORDS)}有限公司`;
    return {
      credit_code: makeCreditCode(t.code.slice(0, 6), String(10000000 + i * 7919 + randInt(rf, 0, 7918)).slice(-8)),
      name, address: streetAddress(rf, t.name), category, business, chemicals,
      licence_no: `(湘)${category}J${t.code.slice(0, 6)}${String(i + 1).padStart(4, '0')}`,
      licence_expiry: licenceExpiry, every, township_code: t.code, ...place(rf, t),
    };
  });
  const firmIds = await ctx.db.query<{ id: number; key: string }>(INSERT_FIRMS, [JSON.stringify(firms)]);
  ctx.progress({ step: 'firms-venues', done: 1, total: 4 });

  // Venues.
  const rv = ctx.rng('venues');
  const venueCount = Math.max(3, Math.round(townships.length * size.venuesPerTownship));
  const venues = Array.from({ length: venueCount }, (_, i) => {
    const t = pickWeighted(rv, townships, townships.map((x) => VENUE_PULL[x.kind] ?? 1));
    const kind = pickWeighted(rv, VENUE_KINDS, VENUE_WEIGHTS);
    const risk = pickWeighted(rv, ['low', 'medium', 'high'], kind === 'private_club' || kind === 'ktv' || kind === 'bar' ? [45, 35, 20] : [72, 22, 6]);
    return {
      code: `VN-${t.code.slice(0, 6)}-${String(i + 1).padStart(4, '0')}`,
      name: `${uniqueStem(rv, takenIn(t.code))}${pick(rv, VENUE_SUFFIX[kind]!)}`, kind, address: streetAddress(rv, t.name), risk,
      every: risk === 'high' ? 30 : risk === 'medium' ? 60 : 90, township_code: t.code, ...place(rv, t),
    };
  });
  const venueIds = await ctx.db.query<{ id: number; key: string }>(INSERT_VENUES, [JSON.stringify(venues)]);
  await ctx.db.query(DEMO_FIRM_HOURS);
  await ctx.db.query(DEMO_VENUE_HOURS);
  ctx.progress({ step: 'firms-venues', done: 2, total: 4 });

  // Inspections: on schedule, a little early or late; about one in seven is overdue now.
  const ri = ctx.rng('inspections');
  const inspectors = Array.from({ length: 12 }, () => personName(ri));
  const rows: object[] = [];
  // The story (story.ts): in some townships of the counties where drug use rises, inspections thin out over the
  // last half year, the gap between them growing to SLACKENING times its usual length.
  const counties = townships.map((t) => t.code.slice(0, 6) + '000000');
  const storyStart = addDays(ctx.asOf, -7 * STORY_WEEKS);
  const slackens = (code: string) => inspectionsSlacken(code, countyScenario(code.slice(0, 6) + '000000', counties));
  const history = (every: number, findings: string[], ids: { firm_id: number | null; venue_id: number | null }, township: string) => {
    const overdue = chance(ri, 0.15);
    const end = overdue ? addDays(ctx.asOf, -(every + randInt(ri, 5, 60))) : ctx.asOf;
    let day = addDays(ctx.asOf, -729 + randInt(ri, 0, Math.min(every, 60)));
    const slack = slackens(township);
    while (day <= end) {
      const roll = ri();
      const outcome = roll < 0.8 ? 'ok' : roll < 0.95 ? 'issues' : 'violation';
      rows.push({ ...ids, inspected_on: day, inspector: `${pick(ri, inspectors)}、${pick(ri, inspectors)}`, outcome, findings: outcome === 'ok' ? '' : pick(ri, findings) });
      const into = slack && day > storyStart ? daysBetween(storyStart, day) / (7 * STORY_WEEKS) : 0;
      day = addDays(day, Math.round(every * between(ri, 0.7, 1.0) * (1 + (SLACKENING - 1) * into)));
    }
  };
  const firmId = new Map(firmIds.map((f) => [f.key, f.id]));
  for (const f of firms) history(f.every, FIRM_FINDINGS, { firm_id: firmId.get(f.credit_code)!, venue_id: null }, f.township_code);
  const venueId = new Map(venueIds.map((v) => [v.key, v.id]));
  for (const v of venues) history(v.every, VENUE_FINDINGS, { firm_id: null, venue_id: venueId.get(v.code)! }, v.township_code);
  await insertChunks(ctx.db, INSERT_INSPECTIONS, rows, { chunk: 20000 });
  ctx.progress({ step: 'firms-venues', done: 4, total: 4 });
};

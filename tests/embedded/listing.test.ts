/**
 * The listing service on the embedded database (PGlite + PostGIS in WASM): the same SQL reads as-of history,
 * writes one action per transaction, and rolls back a refused one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'db';
import { openEmbedded } from 'db/embedded';
import { migrate } from 'db/migrate';
import { addDays } from 'domain/listing';
import { ListingService, type Reader } from 'api/src/listing/service.js';
import { seedDemo } from 'api/src/seeding/seed-demo.js';

const AS_OF = '2026-11-01';
let db: Database;
let svc: ListingService;
let county: Reader;

beforeAll(async () => {
  db = await openEmbedded('memory://');
  await migrate(db);
  await seedDemo(db, { seed: 7, size: 'tiny', asOf: AS_OF });
  const [c] = await db.query<{ code: string }>(`SELECT code FROM admin_area WHERE level = 'county' AND valid_to IS NULL LIMIT 1`);
  // Any seeded user signs the audit entries; the county committee is the one acting.
  const [u] = await db.query<{ id: number; username: string }>('SELECT id::int, username FROM app_user ORDER BY id LIMIT 1');
  county = { id: u!.id, username: u!.username, jurisdictionCode: c!.code, scopePrefix: c!.code.slice(0, 6) };
  svc = new ListingService(db, { today: () => AS_OF });
});

afterAll(async () => {
  await db?.close();
});

describe('listings on the embedded database', () => {
  it('reads the seeded history as of two dates', async () => {
    const now = await svc.search(county, { asOf: AS_OF });
    const before = await svc.search(county, { asOf: addDays(AS_OF, -400) });
    expect(now.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(now.length);
  });

  it('lists, assesses and delists in transactions; a refused delisting writes nothing', async () => {
    const [v] = await db.query<{ code: string }>(
      `SELECT code FROM admin_area WHERE level = 'village' AND valid_to IS NULL AND code NOT IN (SELECT area_code FROM listing) ORDER BY code LIMIT 1`,
    );
    const l = await svc.list(county, { areaCode: v!.code, grade: 'key_supervision', categories: ['drug_abuse'], listedOn: addDays(AS_OF, -100) });
    const id = l.listing.id;
    await svc.assess(county, id, {
      assessedOn: addDays(AS_OF, -5),
      conditions: { leadership: true, mechanisms: true, groundwork: true, education: true, enforcement: true, problem_eased: false },
    });
    const events = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM listing_event WHERE listing_id = $1', [id]))[0]!.n;
    expect(await events()).toBe(2);
    await expect(svc.delist(county, id, AS_OF)).rejects.toMatchObject({ status: 409, extra: { rule: 'delist.conditions_unmet', unmet: ['problem_eased'] } });
    expect(await events()).toBe(2);
    const [row] = await db.query<{ status: string }>('SELECT status FROM listing WHERE id = $1', [id]);
    expect(row!.status).toBe('listed');
    const [audit] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'listing' AND entity_id = $1`, [String(id)]);
    expect(audit!.n).toBe(2);
  });
});

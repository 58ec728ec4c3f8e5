/**
 * GET /api/health: reachable database, schema version, newest data, and start-up progress (seeding); `databases`:
 * each server's role (primary, replica), state and lag as the background probe last saw them (no query).
 */
import { Hono } from 'hono';
import { schemaVersion } from 'db/migrate';
import type { AppDeps, AppEnv } from '../http/env.js';

export function healthRoutes({ db, startup }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const base = { phase: startup.phase, progress: startup.progress ?? null, error: startup.error ?? null, database: { kind: db.kind }, databases: db.servers() };
    if (startup.phase !== 'ready') return c.json({ status: startup.phase === 'failed' ? 'failed' : 'starting', ...base }, startup.phase === 'failed' ? 500 : 503);
    try {
      const [newest] = await db.query<Record<string, string | null>>(`SELECT
        (SELECT max(sampled_at) FROM wastewater_sample) AS wastewater_sample,
        (SELECT max(day) FROM checkpoint_day) AS checkpoint_day,
        (SELECT max(month) FROM grid_month) AS grid_month,
        (SELECT max(recorded_at) FROM listing_event) AS listing_event`);
      const newestAt = Object.values(newest ?? {}).filter(Boolean).sort().at(-1) ?? null;
      const ageDays = newestAt ? Math.floor((Date.now() - new Date(newestAt).getTime()) / 86_400_000) : null;
      return c.json({ status: 'ok', ...base, database: { kind: db.kind, reachable: true, hasMvt: await db.supportsMvt() }, schemaVersion: await schemaVersion(db), newestData: newest, newestDataAgeDays: ageDays });
    } catch (err) {
      return c.json({ status: 'unavailable', ...base, database: { kind: db.kind, reachable: false, error: (err as Error).message } }, 503);
    }
  });
  return app;
}

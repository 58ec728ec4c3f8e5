/**
 * Health for load balancers, container healthchecks and the page's start-up screen.
 *  GET /api/health       cheap, open to all: start-up phase and progress, one tiny query (the schema version) that
 *                        proves the database answers; 200 when ready, 503 while starting or unreachable.
 *  GET /api/health/data  the newest data per table (scans tables: seconds at province scale); signed-in users only.
 * Both list the database servers (`databases`): each one's role (primary, replica), state, whether it takes reads,
 * and its lag, as the background probe last saw them (db/replica-set.ts; no query). Where they are (host, port,
 * database) and their errors only for signed-in users.
 */
import { Hono } from 'hono';
import type { z } from 'zod';
import { schemaVersion } from 'db/migrate';
import type { ServerStatus } from 'db';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json } from '../http/openapi.js';
import { dataHealthAnswer, healthAnswer } from './schemas.js';

type Health = z.input<typeof healthAnswer>;

/** A database that does not answer within this time counts as unreachable. */
const PING_TIMEOUT_MS = 2000;

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

/** What anyone may see of a server: no address, no error text. */
const anonymous = ({ name: _n, error: _e, ...rest }: ServerStatus) => rest;

export function healthRoutes({ db, startup }: AppDeps) {
  const app = new Hono<AppEnv>();
  const summary = 'Start-up phase and a cheap database check (for load balancers and healthchecks); 503 while starting or unreachable, with the same body';
  app.get('/', describe({ summary, tags: ['platform'], open: true, response: healthAnswer }), async (c) => {
    c.header('Cache-Control', 'no-store');
    const base = { phase: startup.phase, progress: startup.progress ?? null, error: startup.error ?? null, databases: db.servers().map(anonymous) };
    if (startup.phase !== 'ready') {
      const failed = startup.phase === 'failed';
      return c.json({ status: failed ? 'failed' : 'starting', ...base, database: { kind: db.kind } } satisfies Health, failed ? 500 : 503);
    }
    try {
      const version = await withTimeout(schemaVersion(db), PING_TIMEOUT_MS);
      return json(c, healthAnswer, { status: 'ok', ...base, database: { kind: db.kind, reachable: true }, schemaVersion: version });
    } catch (err) {
      return c.json({ status: 'unavailable', ...base, database: { kind: db.kind, reachable: false, error: (err as Error).message } } satisfies Health, 503);
    }
  });
  return app;
}

/** Signed in: how fresh the data is, and whether the server's PostGIS encodes tiles itself. */
export function dataHealthRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  const summary = 'Newest data per table and whether PostGIS encodes tiles (scans tables)';
  app.get('/data', describe({ summary, tags: ['platform'], response: dataHealthAnswer }), async (c) => {
    const [newest] = await db.query<Record<string, string | null>>(`SELECT
      (SELECT max(sampled_at) FROM wastewater_sample) AS wastewater_sample,
      (SELECT max(day) FROM checkpoint_day) AS checkpoint_day,
      (SELECT max(month) FROM grid_month) AS grid_month,
      (SELECT max(recorded_at) FROM listing_event) AS listing_event`);
    const newestAt = Object.values(newest ?? {}).filter(Boolean).sort().at(-1) ?? null;
    const ageDays = newestAt ? Math.floor((Date.now() - new Date(newestAt).getTime()) / 86_400_000) : null;
    return json(c, dataHealthAnswer, { hasMvt: await db.supportsMvt(), newestData: newest, newestDataAgeDays: ageDays, databases: db.servers() });
  });
  return app;
}

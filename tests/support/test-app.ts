/**
 * The API in-process on the seeded PostGIS test database: real SQL, real HTTP semantics (Hono's app.request),
 * no server socket. Sign in by header: authHeader('city_office') uses the seeded demo token.
 */
import { createApp } from 'api/src/app.js';
import { loadConfig } from 'api/src/config.js';
import type { Database } from 'db';
import { openPostgres } from 'db/postgres';
import { TEST_DATABASE_URL } from './env.js';

export async function testApp(db?: Database) {
  const database = db ?? (await openPostgres(TEST_DATABASE_URL, { max: 4 }));
  // The test database holds the demo region and its accounts: the demo is on.
  const config = loadConfig({ DATABASE_URL: TEST_DATABASE_URL, SEED_DEMO: '1', WEB_DIST: '/nonexistent' });
  const created = createApp({ db: database, config, startup: { phase: 'ready' } });
  await created.started;
  return { app: created.app, db: database, tiles: created.tiles, fastPath: created.fastPath, close: async () => (await created.close(), db ? undefined : await database.close()) };
}

export type DemoUser = 'admin' | 'city_office' | 'county_office' | 'inspector' | 'wall' | 'grid_officer' | 'community_police' | 'social_worker';

export const authHeader = (user: DemoUser) => ({ Authorization: `Bearer demo-${user}` });

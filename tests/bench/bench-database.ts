/** The bench's own database: the test demo region, generated once into BENCH_DATABASE_URL and reused after that. */
import { openPostgres } from 'db/postgres';
import { ADMIN_DATABASE_URL, TEST_REGION } from '../support/env.js';
import { createSeededDatabase } from '../support/seed-region.js';

export async function ensureBenchDatabase(): Promise<string> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://root@localhost/grid_console_bench_first_render?host=/var/run/postgresql';
  const seeded = await openPostgres(url, { max: 1 })
    .then(async (db) => {
      try {
        return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM admin_area`))[0].n > 0;
      } finally {
        await db.close();
      }
    })
    .catch(() => false);
  if (!seeded) {
    console.log(`[bench] generating the demo region into ${url} (once) ...`);
    await createSeededDatabase(url, ADMIN_DATABASE_URL, TEST_REGION);
  }
  return url;
}

/** Where the tests find their database. `scripts/test.sh` sets TEST_DATABASE_URL; the default is the local server. */
export const ADMIN_DATABASE_URL =
  process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://root@localhost/postgres?host=/var/run/postgresql';
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://root@localhost/grid_console_test?host=/var/run/postgresql';
/** The demo region every db/e2e test sees: fixed seed, size and reference date, so expectations are stable. */
export const TEST_REGION = { seed: 4304, size: 'demo', asOf: '2026-11-01' } as const;

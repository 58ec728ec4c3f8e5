/**
 * Test projects (run all with `pnpm test`, which also makes sure PostGIS and Chromium are there):
 *  - unit:     pure modules (rules, statistics, parsers), tests beside their file; no database, no network.
 *  - db:       API and SQL on a real PostgreSQL + PostGIS server (TEST_DATABASE_URL), seeded once per run.
 *  - embedded: the same code on the embedded PGlite database.
 *  - e2e:      the built console in headless Chromium against a running API.
 *  - arch:     the package rules (no cycles, declared and used dependencies, no server code in the browser bundle).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['domain/src/**/*.test.ts', 'db/src/**/*.test.ts', 'api/src/**/*.test.ts', 'geodata/src/**/*.test.ts', 'web/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'arch',
          include: ['tests/arch/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup-postgis.ts'],
          // Files share one seeded database; tests that write clean up after themselves.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'embedded',
          include: ['tests/embedded/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup-postgis.ts', 'tests/support/global-setup-server.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});

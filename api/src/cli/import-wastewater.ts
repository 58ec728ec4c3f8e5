/**
 * Command-line import of a lab file (CSV in UTF-8 or GBK, or .xlsx) — the same checks and all-or-nothing import
 * as POST /api/wastewater/imports, for batch loading by the anti-drug office's staff:
 *
 *   DATABASE_URL=postgres://… pnpm --filter api import:wastewater results.csv [--dry-run] [--accept-skipping]
 *       [--user city_office] [--encoding gbk|utf-8] [--lab 名称]
 *
 * The user (default admin) decides the jurisdiction: sites outside it are "unknown". Prints the report as JSON;
 * the exit code is 0 when imported (or clean on a dry run), 2 when the file has problems.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from 'db/connect';
import { loadConfig } from '../config.js';
import { findUserForLogin } from '../auth/sessions.js';
import { ImportRejected, importLabFile } from '../wastewater/import/service.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    'accept-skipping': { type: 'boolean', default: false },
    user: { type: 'string', default: 'admin' },
    encoding: { type: 'string' },
    lab: { type: 'string' },
  },
});
const file = positionals[0];
if (!file) {
  console.error('usage: pnpm --filter api import:wastewater <file.csv|file.xlsx> [--dry-run] [--accept-skipping] [--user name] [--encoding gbk|utf-8] [--lab name]');
  process.exit(64);
}
if (values.encoding && values.encoding !== 'gbk' && values.encoding !== 'utf-8') {
  console.error('--encoding must be gbk or utf-8');
  process.exit(64);
}

const db = await openDatabase(loadConfig());
try {
  const user = (await findUserForLogin(db, values.user!))?.user;
  if (!user || (user.role !== 'admin' && user.role !== 'office')) throw new Error(`user ${values.user} does not exist or may not import (office or admin)`);
  const report = await importLabFile(db, user, new Uint8Array(readFileSync(file)), {
    dryRun: values['dry-run']!,
    acceptSkipping: values['accept-skipping']!,
    filename: basename(file),
    encoding: values.encoding as 'gbk' | 'utf-8' | undefined,
    defaultLab: values.lab,
  });
  console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.problems.length && report.dryRun ? 2 : 0;
} catch (err) {
  if (err instanceof ImportRejected) {
    console.log(JSON.stringify(err.report, null, 2));
    console.error(`${err.report.problems.length} problem(s); nothing was imported (use --accept-skipping to import the good rows)`);
    process.exitCode = 2;
  } else {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}

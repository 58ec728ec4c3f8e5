/**
 * `pnpm import <layer> <file> [--datum wgs84|cgcs2000|gcj02|bd09|EPSG:n] [--dry-run] [--as username]
 *              [--encoding utf-8|gbk] [--mapping mapping.json] [--accept rule,rule] [--valid-from YYYY-MM-DD] [--json]`
 *
 * The same import as the console's upload page (api/src/imports/service.ts): the same checks, the same report,
 * all or nothing. The user (`--as`, default admin) decides the jurisdiction and is recorded as the importer.
 * Progress and an estimate of the time left go to stderr; the report to stdout (a summary, or JSON with --json).
 * Exit code: 0 imported / clean dry run, 2 problems (nothing written), 1 the file or the options were refused.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDuration } from 'geodata/demo';
import { FormatError, parseEncodingName } from 'geodata/formats';
import { findUserForLogin } from '../auth/sessions.js';
import { loadConfig } from '../config.js';
import { openDatabase } from 'db/connect';
import { mappingSchema } from '../imports/mapping.js';
import { message } from '../imports/messages.js';
import type { ProgressState } from '../imports/progress.js';
import { ImportRefused, runImport, type ImportReport } from '../imports/service.js';

const USAGE = 'usage: pnpm import <layer> <file> [--datum wgs84|cgcs2000|gcj02|bd09|EPSG:n] [--dry-run] [--as username] [--encoding utf-8|gbk] [--mapping file.json] [--accept rules] [--valid-from YYYY-MM-DD] [--json]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    datum: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    as: { type: 'string', default: 'admin' },
    encoding: { type: 'string' },
    mapping: { type: 'string' },
    accept: { type: 'string' },
    'valid-from': { type: 'string' },
    json: { type: 'boolean', default: false },
    lang: { type: 'string', default: 'zh' },
  },
});
const [layer, file] = positionals;
if (!layer || !file) {
  console.error(USAGE);
  process.exit(64);
}
const lang = values.lang === 'en' ? 'en' : 'zh';

/** One updating line on a terminal, a line per phase and every few seconds otherwise. */
function progressReporter(out = process.stderr) {
  let last = 0;
  let lastPhase = '';
  return (p: ProgressState) => {
    const now = Date.now();
    if (out.isTTY ? now - last < 200 && p.phase === lastPhase : now - last < 3000 && p.phase === lastPhase) return;
    last = now;
    lastPhase = p.phase;
    const total = p.total ? `/${p.total}` : '';
    const line = `[import] ${(p.fraction * 100).toFixed(0).padStart(3)}%  ${p.phase} ${p.done}${total} features  elapsed ${formatDuration(p.elapsedSeconds)}  ETA ${p.etaSeconds === null ? '…' : formatDuration(p.etaSeconds)}`;
    out.write(out.isTTY ? `\r${line}\x1b[K` : line + '\n');
  };
}

function summary(r: ImportReport): string {
  const lines = [
    `${r.dryRun ? 'dry run' : 'import'} of ${r.file.name} into ${r.layer}: ${r.status}`,
    `  ${r.file.format}, encoding ${r.file.encoding ?? '-'} (${r.file.encodingSource}), datum ${r.datum.id} (${r.datum.source})`,
    `  read ${r.counts.read}; new ${r.counts.new}, changed ${r.counts.changed}, unchanged ${r.counts.unchanged}; ${r.counts.problems} problem(s), ${r.repairs.length} repair(s); ${r.seconds} s`,
  ];
  for (const p of r.problems.slice(0, 30)) lines.push(`  ✗ #${p.feature} ${p.code ?? ''} ${p.field ?? ''} [${p.rule}] ${p.message}`);
  if (r.problems.length > 30) lines.push(`  … ${r.counts.problems - 30} more`);
  for (const p of r.repairs.slice(0, 10)) lines.push(`  ~ #${p.feature} ${p.code ?? ''} [${p.rule}] ${p.message}`);
  return lines.join('\n');
}

async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

const db = await openDatabase(loadConfig());
const print = (r: ImportReport) => console.log(values.json ? JSON.stringify(r, null, 2) : summary(r));
try {
  const found = await findUserForLogin(db, values.as!);
  if (!found || (found.user.role !== 'admin' && found.user.role !== 'office')) throw new Error(`user ${values.as} does not exist or may not import (office or admin)`);
  const encoding = values.encoding ? parseEncodingName(values.encoding) : undefined;
  if (encoding === null) throw new Error('--encoding must be utf-8, gbk or gb18030');
  const mapping = values.mapping ? mappingSchema.parse(JSON.parse(readFileSync(values.mapping, 'utf8'))) : undefined;
  const onProgress = progressReporter();
  const result = await runImport(db, found.user, { path: file, filename: basename(file), bytes: (await stat(file)).size, sha256: await sha256Of(file) }, {
    layer, datum: values.datum, encoding, mapping, dryRun: values['dry-run']!, accept: values.accept?.split(','), validFrom: values['valid-from'], lang, onProgress,
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  print(result.report);
  process.exitCode = result.report.counts.blocking > 0 ? 2 : 0;
} catch (err) {
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (err instanceof ImportRefused) {
    print(err.result.report);
    console.error(`${err.result.report.counts.blocking} problem(s); nothing was imported`);
    process.exitCode = 2;
  } else if (err instanceof FormatError) {
    console.error(`refused: ${message(err.rule, err.params, lang)} [${err.rule}]`);
    process.exitCode = 1;
  } else {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}

/**
 * `pnpm user:create -- --username NAME --jurisdiction CODE [--role admin] [--display-name TEXT] [--password-stdin]`
 *
 * Creates a user directly in the database (DATABASE_URL, or the embedded one in DATA_DIR): the first administrator
 * of a new server, before anyone can sign in to the console. The password is read from standard input with
 * --password-stdin (for scripts), or made at random and printed once. The jurisdiction need not exist yet (a new
 * server has no boundaries): '43' is Hunan, '4304' a city, '430421' a county. Audited as done by the system.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { recordAudit } from '../audit/audit.js';
import { PASSWORD_MIN, hashPassword } from '../auth/password.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from 'db/connect';
import { readMigrations, schemaVersion } from 'db/migrate';
import { areaCode } from '../http/params.js';
import { insertUser, usernameTaken } from '../users/repository.js';
import { ROLES, USERNAME } from '../users/routes.js';

const USAGE = `usage: pnpm user:create -- --username NAME --jurisdiction CODE [--role ${ROLES.join('|')}] [--display-name TEXT] [--password-stdin]`;

function fail(message: string): never {
  console.error(`[user:create] ${message}\n${USAGE}`);
  process.exit(2);
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

const { values } = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((a) => a !== '--'),
      options: {
        username: { type: 'string' },
        jurisdiction: { type: 'string' },
        role: { type: 'string', default: 'admin' },
        'display-name': { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return fail((err as Error).message);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const username = USERNAME.safeParse(values.username ?? '');
if (!username.success) fail(`--username ${username.error.issues[0]!.message}`);
const jurisdiction = areaCode.safeParse(values.jurisdiction ?? '');
if (!jurisdiction.success) fail(`--jurisdiction ${jurisdiction.error.issues[0]!.message}`);
const role = values.role as (typeof ROLES)[number];
if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
const displayName = (values['display-name'] ?? username.data).trim();

let password: string;
let generated = false;
if (values['password-stdin']) {
  password = await readStdinLine();
  if (password.length < PASSWORD_MIN) fail(`the password must be at least ${PASSWORD_MIN} characters`);
} else {
  password = randomBytes(12).toString('base64url');
  generated = true;
}

let config;
try {
  config = loadConfig();
} catch (err) {
  console.error(`[user:create] ${err instanceof ConfigError ? err.message : String(err)}`);
  process.exit(2);
}
const db = await openDatabase(config);
try {
  const latest = readMigrations().at(-1)?.version ?? 0;
  // No schema_migration table yet (42P01) means a database never migrated; any other error is reported as it is.
  const version = await schemaVersion(db).catch((err: { code?: string }) => {
    if (err.code === '42P01') return 0;
    throw err;
  });
  if (version < latest) throw new Error('the database is not migrated: run `pnpm migrate` first');
  if (await usernameTaken(db, username.data)) throw new Error(`there is already a user '${username.data}'`);
  const hash = await hashPassword(password);
  const id = await db.transaction(async (tx) => {
    const newId = await insertUser(tx, { username: username.data, displayName, role, jurisdictionCode: jurisdiction.data, duty: null, passwordHash: hash });
    await recordAudit(tx, null, { action: 'user.create', entity: 'app_user', entityId: newId, detail: { username: username.data, role, jurisdiction: jurisdiction.data, via: 'cli' } });
    return newId;
  });
  console.log(`[user:create] created ${role} '${username.data}' (id ${id}) for ${jurisdiction.data}`);
  if (generated) console.log(`[user:create] password (shown once): ${password}`);
} catch (err) {
  console.error(`[user:create] ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}

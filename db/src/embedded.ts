/**
 * PGlite implementation of Database: PostgreSQL + PostGIS compiled to WASM, kept in a data folder.
 * It lets `pnpm start` run with nothing installed; production sets DATABASE_URL instead.
 */
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { drizzle } from 'drizzle-orm/pglite';
import { PG_OID, keepText, timestampToIso, toNumber, type Database, type Queryable } from './database.js';

const parsers = {
  [PG_OID.int8]: toNumber,
  [PG_OID.numeric]: toNumber,
  [PG_OID.date]: keepText,
  [PG_OID.timestamp]: timestampToIso,
  [PG_OID.timestamptz]: timestampToIso,
};

function queryable(conn: PGlite | Transaction): Queryable {
  return {
    // Inside a transaction drizzle runs on the transaction's connection: it only calls query() on it.
    orm: drizzle({ client: conn as PGlite }) as unknown as Queryable['orm'],
    // `name` (prepared statements) is a server-side saving; PGlite runs in-process and ignores it.
    async query<T>(text: string, params: readonly unknown[] = []) {
      const res = await conn.query<T>(text, params as unknown[], { parsers });
      return res.rows;
    },
    async exec(text: string) {
      await conn.exec(text);
    },
  };
}

/** Open (creating if needed) the embedded database in `dataDir`; `memory://` keeps it in memory. */
export async function openEmbedded(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const lite = new PGlite(dataDir, { extensions: { postgis }, parsers });
  await lite.waitReady;
  await lite.exec('CREATE EXTENSION IF NOT EXISTS postgis');
  return {
    kind: 'embedded',
    // PGlite's PostGIS is built without protobuf-c.
    supportsMvt: async () => false,
    ...queryable(lite),
    transaction: (fn) => lite.transaction((tx) => fn(queryable(tx))),
    // One process, one in-process database: notifications arrive as soon as the sending transaction commits.
    async listen(channel, handlers) {
      const unlisten = await lite.listen(channel, handlers.onNotify);
      handlers.onState?.(true);
      let up = true;
      return {
        get up() {
          return up;
        },
        async close() {
          up = false;
          await unlisten().catch(() => {});
        },
      };
    },
    close: () => lite.close(),
  };
}

/** Empty every table the demo seed fills, so a database can be seeded again (the seed CLI's --reset). */
import type { Queryable } from 'db';

export async function resetDemoData(db: Queryable): Promise<void> {
  // Every table with data except the migration record; CASCADE also reaches tables later migrations add.
  const tables = await db.query<{ name: string }>(`
    SELECT quote_ident(tablename) AS name FROM pg_tables
    WHERE schemaname = current_schema() AND tablename NOT IN ('schema_migration', 'spatial_ref_sys')
    ORDER BY tablename`);
  if (tables.length) await db.exec(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
}

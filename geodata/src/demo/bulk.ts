/**
 * Bulk inserts: rows travel as one JSON array per chunk, unpacked in SQL by jsonb_to_recordset($1::jsonb).
 * A handful of statements instead of thousands of round trips — this is what keeps the embedded (PGlite) seed fast.
 */
import type { Queryable } from 'db';

export async function insertChunks(
  db: Queryable,
  sql: string,
  rows: readonly object[],
  opts: { chunk?: number; onChunk?: (inserted: number) => void } = {},
): Promise<void> {
  const size = opts.chunk ?? 5000;
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    await db.query(sql, [JSON.stringify(part)]);
    opts.onChunk?.(part.length);
  }
}

/** Group consecutive items into chunks of about `size`, never splitting a key's items across chunks. */
export function chunkByKey<T>(items: readonly T[], key: (t: T) => string, size: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  for (let i = 0; i < items.length; i++) {
    cur.push(items[i]!);
    const next = items[i + 1];
    if (cur.length >= size && (next === undefined || key(next) !== key(items[i]!))) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

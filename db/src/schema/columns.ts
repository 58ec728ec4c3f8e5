/**
 * Column types shared by the schema. Rows read through drizzle must look like rows read through `Queryable.query`
 * (see ../database.ts): timestamps as ISO-8601 strings, dates as 'YYYY-MM-DD', bigint and numeric as numbers.
 */
import { customType } from 'drizzle-orm/pg-core';
import { timestampToIso } from '../database.js';

/**
 * `timestamptz` read as an ISO-8601 string ('2026-01-02T03:04:05.000Z'). drizzle's own `mode: 'string'` hands back
 * the server's text form ('2026-01-02 03:04:05+00'), which the raw-SQL reads never return.
 */
export const timestamptz = customType<{ data: string; driverData: string }>({
  dataType: () => 'timestamp with time zone',
  fromDriver: (v) => timestampToIso(v) as string,
  toDriver: (v) => v,
});

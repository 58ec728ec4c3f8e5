/**
 * Lab results of wastewater samples and the record of imported lab files (migrations 001, 003 and 130).
 * The sites (points with catchments) and the derived series and signals are spatial or written in bulk by the
 * recompute's set-based SQL (api/src/wastewater/recompute.ts), and stay in hand-written SQL.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, integer, numeric, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';

export const wastewaterImport = pgTable('wastewater_import', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sha256: text('sha256').notNull(),
  filename: text('filename').notNull(),
  lab: text('lab'),
  rowsTotal: integer('rows_total').notNull(),
  rowsImported: integer('rows_imported').notNull(),
  rowsSkipped: integer('rows_skipped').notNull().default(0),
  importedBy: text('imported_by').notNull(),
  importedAt: timestamptz('imported_at').notNull().default(sql`now()`),
});

export const wastewaterSample = pgTable(
  'wastewater_sample',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    siteId: bigint('site_id', { mode: 'number' }).notNull(),
    sampledAt: timestamptz('sampled_at').notNull(),
    substance: text('substance').notNull(),
    concentrationNgL: numeric('concentration_ng_l', { precision: 12, scale: 3, mode: 'number' }).notNull(),
    belowLoq: boolean('below_loq').notNull().default(false),
    loqNgL: numeric('loq_ng_l', { precision: 12, scale: 3, mode: 'number' }),
    flowM3Day: numeric('flow_m3_day', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    lab: text('lab').notNull(),
    importedAt: timestamptz('imported_at').notNull().default(sql`now()`),
    importId: bigint('import_id', { mode: 'number' }).references(() => wastewaterImport.id, { onDelete: 'set null' }),
    /** Below the LOQ because the importer censored a value under the lab's stated limit (migration 130). */
    censoredByLoq: boolean('censored_by_loq').notNull().default(false),
  },
  (t) => [unique().on(t.siteId, t.sampledAt, t.substance)],
);

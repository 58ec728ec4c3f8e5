/**
 * Inspections of precursor-chemical firms and key venues (migration 001). The firm and venue tables themselves are
 * spatial (a point, its Web-Mercator copy kept by a trigger) and stay in hand-written SQL; the references below
 * name them only for the foreign keys' sake, so they are not declared here.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, date, pgTable, real, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';

/** The phone's reported position (migration 145): written and read as GeoJSON through PostGIS, never by drizzle. */
const geographyPoint = customType<{ data: string }>({ dataType: () => 'geography(Point,4326)' });

export const inspection = pgTable('inspection', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  firmId: bigint('firm_id', { mode: 'number' }),
  venueId: bigint('venue_id', { mode: 'number' }),
  inspectedOn: date('inspected_on').notNull(),
  inspector: text('inspector').notNull(),
  outcome: text('outcome').notNull(),
  findings: text('findings').notNull().default(sql`''::text`),
  // Check-in (migration 145): where and when the form was recorded; see the migration for why each is kept.
  clientId: uuid('client_id').unique(),
  recordedAt: timestamptz('recorded_at'),
  recordedBy: text('recorded_by'),
  position: geographyPoint('position'),
  positionAccuracyM: real('position_accuracy_m'),
  positionStatus: text('position_status').notNull().default(sql`'not_given'::text`),
  distanceM: real('distance_m'),
  farFromSite: boolean('far_from_site').notNull().default(false),
});

/**
 * The typed schema of the non-spatial tables, for drizzle-orm CRUD. The SQL migrations (migrations/) stay the source
 * of truth for the database: CHECK constraints, triggers, indexes and functions live there, and a test
 * (tests/db/schema.test.ts) checks that these declarations match the columns the migrations create.
 *
 * Left out on purpose: the spatial tables (admin_area, grid_cell and its versions, road, checkpoint, firm, venue,
 * wastewater_site) and the derived tables written in bulk by set-based SQL (area_signal, wastewater_area_series,
 * wastewater_catchment_share, grid_month, checkpoint_day): their queries are PostGIS or window arithmetic that
 * drizzle would only wrap in `sql` strings.
 */
export * from './users.js';
export * from './listing.js';
export * from './inspection.js';
export * from './imports.js';
export * from './wastewater.js';

/**
 * The demo-region generator as other packages use it: the seed run and its steps, region sizes, reset, and the
 * terminal progress printer. It writes rows through db's Queryable and derives nothing the server derives (the
 * API's seeding runs the wastewater recompute after these steps).
 */
export { SEED_STEPS, seedDemoRegion, type NamedStep, type SeedOptions, type SeedRunProgress } from './seed.js';
export type { SeedContext, SeedProgress, SeedStep } from './context.js';
export { FIRST_CITY_CENTRE, SIZES, regionSize, type RegionSize } from './sizes.js';
export { resetDemoData } from './reset.js';
export { etaSeconds, formatDuration, progressLine, progressPrinter } from './progress.js';
export { isValidCreditCode, makeCreditCode } from './credit-code.js';

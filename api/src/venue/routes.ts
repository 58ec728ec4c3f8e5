/** GET /api/venues/{id}: a key venue with its inspections and next due date. */
import type { AppDeps } from '../http/env.js';
import { inspectedTargetRoutes } from '../inspection/routes.js';
import { venueAnswer } from '../inspection/schemas.js';
import { findVenue } from './repository.js';

export const venueRoutes = ({ db }: AppDeps) => inspectedTargetRoutes(db, 'venue', findVenue, venueAnswer);

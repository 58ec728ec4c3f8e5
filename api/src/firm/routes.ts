/** GET /api/firms/{id}: a precursor-chemical firm with its inspections and next due date. */
import type { AppDeps } from '../http/env.js';
import { inspectedTargetRoutes } from '../inspection/routes.js';
import { firmAnswer } from '../inspection/schemas.js';
import { findFirm } from './repository.js';

export const firmRoutes = ({ db }: AppDeps) => inspectedTargetRoutes(db, 'firm', findFirm, firmAnswer);

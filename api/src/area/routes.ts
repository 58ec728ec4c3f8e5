/**
 * GET /api/areas/{code}?as_of= — one area's details, within the user's jurisdiction.
 * GET /api/areas/{code}/evidence?substance=&as_of= — "why is this colour": the evidence behind its listing colour
 * (as of the date) and its drug-signal colour (the latest recompute), structured for the page to word.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ROLES_SEEING_COUNTS } from 'domain/codes';
import type { AppDeps, AppEnv } from '../http/env.js';
import { areaCode, asOfParam, parseParams, parseQuery } from '../http/params.js';
import { chinaToday } from 'domain/time';
import { notFound } from '../http/problem.js';
import { INDEX_SUBSTANCE, SUBSTANCES } from 'domain/wastewater';
import { listingEvidence } from '../listing/evidence.js';
import { signalEvidence } from '../wastewater/evidence.js';
import type { SignalSubstance } from '../wastewater/series.js';
import { areaPeopleCounts, findArea } from './repository.js';

const substanceParam = z.enum([...SUBSTANCES, INDEX_SUBSTANCE] as [SignalSubstance, ...SignalSubstance[]]);
/** The query of GET /api/areas/{code}/evidence, as the OpenAPI document describes it. */
export const evidenceQuery = z.object({ as_of: asOfParam, substance: substanceParam.default(INDEX_SUBSTANCE) });

export function areaRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/:code', async (c) => {
    const { code } = parseParams(c, z.object({ code: areaCode }));
    const { as_of } = parseQuery(c, z.object({ as_of: asOfParam }));
    const user = c.get('user');
    const area = await findArea(db, code, as_of ?? chinaToday(), user.scopePrefix);
    // Outside the jurisdiction reads as "not found": the API does not confirm what exists elsewhere.
    if (!area) throw notFound(`There is no area with code ${code} in your jurisdiction.`, 'code');
    const people = ROLES_SEEING_COUNTS.has(user.role)
      ? await areaPeopleCounts(db, code, user.role === 'grid_officer' ? user.gridCodes : null)
      : null;
    return c.json({ ...area, people });
  });

  app.get('/:code/evidence', async (c) => {
    const { code } = parseParams(c, z.object({ code: areaCode }));
    const q = parseQuery(c, evidenceQuery);
    const user = c.get('user');
    const asOf = q.as_of ?? chinaToday();
    const area = await findArea(db, code, asOf, user.scopePrefix);
    if (!area) throw notFound(`There is no area with code ${code} in your jurisdiction.`, 'code');
    const signalLevels = new Set(['township', 'county', 'city', 'province']);
    const [listing, signal] = await Promise.all([
      listingEvidence(db, code, asOf, user.scopePrefix),
      signalLevels.has(area.level) ? signalEvidence(db, { code, level: area.level, population: area.population }, q.substance) : null,
    ]);
    return c.json({ area: { code: area.code, name: area.name, level: area.level, population: area.population }, listing, signal });
  });
  return app;
}

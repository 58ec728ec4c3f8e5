/**
 * GET /api/areas/{code}?as_of= — one area's details, within the user's jurisdiction.
 * GET /api/areas/{code}/evidence?substance=&as_of= — "why is this colour": the evidence behind its listing colour
 * (as of the date) and its drug-signal colour (the latest recompute), structured for the page to word.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ROLES_SEEING_COUNTS } from 'domain/codes';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, pathParams, query } from '../http/openapi.js';
import { areaCode, asOfParam } from '../http/params.js';
import { chinaToday } from 'domain/time';
import { notFound } from '../http/problem.js';
import { INDEX_SUBSTANCE, SUBSTANCES } from 'domain/wastewater';
import { listingEvidence } from '../listing/evidence.js';
import { signalEvidence } from '../wastewater/evidence.js';
import type { SignalSubstance } from '../wastewater/series.js';
import { areaPeopleCounts, findArea } from './repository.js';
import { areaAnswer, areaEvidence } from './schemas.js';

const substanceParam = z.enum([...SUBSTANCES, INDEX_SUBSTANCE] as [SignalSubstance, ...SignalSubstance[]]);
/** The query of GET /api/areas/{code}/evidence, as the OpenAPI document describes it. */
export const evidenceQuery = z.object({ as_of: asOfParam, substance: substanceParam.default(INDEX_SUBSTANCE) });
const codeParam = z.object({ code: areaCode.meta({ description: 'statistical division code (2–12 digits)', example: '430000000000' }) });
const tags = ['areas'];

export function areaRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/:code', describe({ summary: 'An area: parent chain, population, listing, signals, counts of sites inside', tags, response: areaAnswer }), pathParams(codeParam), query(z.object({ as_of: asOfParam })), async (c) => {
    const { code } = c.req.valid('param');
    const { as_of } = c.req.valid('query');
    const user = c.get('user');
    const area = await findArea(c.var.reads, code, as_of ?? chinaToday(), user.scopePrefix);
    // Outside the jurisdiction reads as "not found": the API does not confirm what exists elsewhere.
    if (!area) throw notFound(`There is no area with code ${code} in your jurisdiction.`, 'code');
    const people = ROLES_SEEING_COUNTS.has(user.role)
      ? await areaPeopleCounts(c.var.reads, code, user.role === 'grid_officer' ? user.gridCodes : null)
      : null;
    return json(c, areaAnswer, { ...area, people });
  });

  const why = "Why is this colour: the evidence behind an area's listing colour and its drug signal (plants, censoring, divergence)";
  app.get('/:code/evidence', describe({ summary: why, tags, response: areaEvidence }), pathParams(codeParam), query(evidenceQuery), async (c) => {
    const { code } = c.req.valid('param');
    const q = c.req.valid('query');
    const user = c.get('user');
    const asOf = q.as_of ?? chinaToday();
    const reads = c.var.reads;
    const area = await findArea(reads, code, asOf, user.scopePrefix);
    if (!area) throw notFound(`There is no area with code ${code} in your jurisdiction.`, 'code');
    const signalLevels = new Set(['township', 'county', 'city', 'province']);
    const [listing, signal] = await Promise.all([
      listingEvidence(reads, code, asOf, user.scopePrefix),
      signalLevels.has(area.level) ? signalEvidence(reads, { code, level: area.level, population: area.population }, q.substance) : null,
    ]);
    return json(c, areaEvidence, { area: { code: area.code, name: area.name, level: area.level, population: area.population }, listing, signal });
  });
  return app;
}

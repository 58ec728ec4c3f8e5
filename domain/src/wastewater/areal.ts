/**
 * Areal weighting: which areas a plant's catchment serves and how many of their people (the shares come from
 * api/src/wastewater/sql/shares.sql, whose comment describes how a catchment's people are split between areas).
 * An area's trend combines its plants' own trends weighted by these people (consensus.ts); its level in a week is
 * the people-weighted mean of the plants sampled that week (consensus.ts: areaLevel).
 */
import { INDEX_SUBSTANCE, SUBSTANCES, type Substance } from './substances.js';

export type SignalKey = Substance | typeof INDEX_SUBSTANCE;
export const SIGNAL_KEYS: readonly SignalKey[] = [...SUBSTANCES, INDEX_SUBSTANCE];

export interface Share {
  siteId: number;
  areaCode: string;
  share: number;
  people: number;
}

/** The shares grouped by area and by plant. */
export function indexShares(shares: readonly Share[]): { byArea: Map<string, Share[]>; bySite: Map<number, Share[]> } {
  const byArea = new Map<string, Share[]>();
  const bySite = new Map<number, Share[]>();
  for (const s of shares) {
    (byArea.get(s.areaCode) ?? byArea.set(s.areaCode, []).get(s.areaCode)!).push(s);
    (bySite.get(s.siteId) ?? bySite.set(s.siteId, []).get(s.siteId)!).push(s);
  }
  return { byArea, bySite };
}

/**
 * The demo's story across steps, so that what one step writes matches what another writes: which counties see
 * drug use rising, falling or flat over the last half year (wastewater samples), and where inspections thin out
 * meanwhile (firms and venues), so that the console's divergence flag has something true to find.
 */
export type Scenario = 'rising' | 'falling' | 'flat';
export const SCENARIOS: readonly Scenario[] = ['rising', 'falling', 'flat'];

/** The county's scenario: counties in code order take rising, falling, flat in turn. */
export function countyScenario(countyCode: string, countyCodes: readonly string[]): Scenario {
  const sorted = [...new Set(countyCodes)].sort();
  return SCENARIOS[Math.max(0, sorted.indexOf(countyCode)) % 3]!;
}

/** Weeks over which the story unfolds (the last half year, the console's trend window). */
export const STORY_WEEKS = 26;

/**
 * Townships whose inspections slow down over the story's weeks: every other township (by its 3-digit number) of
 * the rising counties — where most townships' drug signal rises, so some show the divergence.
 */
export function inspectionsSlacken(townshipCode: string, scenario: Scenario): boolean {
  return scenario === 'rising' && Number(townshipCode.slice(6, 9)) % 2 === 1;
}

/** How much longer the gap between inspections grows by the end of the story (linearly from 1). */
export const SLACKENING = 3;

/** Second plants (code suffix `-2`) joined the sampling programme this many weeks before "as of". */
export const LATE_PLANT_WEEKS = 12;

/**
 * Areas served by several plants: a change in which plants report must not read as a change in use
 * (issue 12). Beside each case, what the trend of the pooled weekly series (the old area series) said.
 */
import { describe, expect, it } from 'vitest';
import { measured, type Interval } from './censored.js';
import { areaLevel, consensusTrend, PANEL_EDGE_WEEKS, type PlantTrend } from './consensus.js';
import { summariseCensoredTrend } from './summary.js';
import { summariseTrend } from './trend.js';

const WEEKS = 26;
/** A steady plant at `level` with a little noise, sampled in weeks [from, to]. */
function steadyPlant(siteId: number, people: number, level: number, from = 0, to = WEEKS - 1): PlantTrend & { values: Interval[]; steps: number[] } {
  const steps: number[] = [];
  const values: Interval[] = [];
  for (let w = from; w <= to; w++) {
    steps.push(w);
    values.push(measured(level * (1 + 0.04 * Math.sin(w * 1.7 + siteId))));
  }
  return { siteId, people, trend: summariseCensoredTrend(values, steps), firstStep: from, lastStep: to, values, steps };
}

/** The old area series: per week, the people-weighted mean of the plants sampled that week. */
function pooled(plants: ReturnType<typeof steadyPlant>[]): number[] {
  const out: number[] = [];
  for (let w = 0; w < WEEKS; w++) {
    let people = 0;
    let sum = 0;
    for (const p of plants) {
      const k = p.steps.indexOf(w);
      if (k < 0) continue;
      people += p.people;
      sum += p.people * p.values[k]!.lo;
    }
    if (people > 0) out.push(sum / people);
  }
  return out;
}

describe('an area trend that does not move with the panel', () => {
  it('calls an area flat when a plant with a higher level joins mid-window, because no plant’s own level changed', () => {
    const a = steadyPlant(1, 30000, 20);
    const b = steadyPlant(2, 30000, 40, 13);
    expect(summariseTrend(pooled([a, b])).category).toBe('rising_significant'); // the jump from 20 to 30
    const t = consensusTrend([a, b], WEEKS);
    expect(t.category).toBe('flat');
    expect(t.panel).toEqual([{ siteId: 2, kind: 'joined', step: 13 }]);
    expect(t.plants.map((p) => p.role)).toEqual(['used', 'used']);
  });

  it('calls an area flat when a plant with a higher level drops out, and says it left', () => {
    const a = steadyPlant(1, 30000, 20);
    const b = steadyPlant(2, 60000, 40, 0, 12);
    expect(summariseTrend(pooled([a, b])).category).toBe('falling_significant');
    const t = consensusTrend([a, b], WEEKS);
    expect(t.category).toBe('flat');
    expect(t.panel).toEqual([{ siteId: 2, kind: 'left', step: 12 }]);
  });

  it('does not let a plant that joined in the last weeks vote (too few values of its own), and still reports it', () => {
    const a = steadyPlant(1, 30000, 20);
    const b = steadyPlant(2, 30000, 60, WEEKS - 3);
    const t = consensusTrend([a, b], WEEKS);
    expect(t.plants.find((p) => p.siteId === 2)!.role).toBe('insufficient');
    expect(t.category).toBe('flat');
    expect(t.panel).toEqual([{ siteId: 2, kind: 'joined', step: WEEKS - 3 }]);
  });

  it('gives one plant’s own test when one plant serves the area', () => {
    const rising = steadyPlant(1, 30000, 20);
    const values = rising.values.map((v, i) => measured(v.lo + i * 0.5));
    const plant: PlantTrend = { siteId: 1, people: 12000, trend: summariseCensoredTrend(values, rising.steps), firstStep: 0, lastStep: WEEKS - 1 };
    const t = consensusTrend([plant], WEEKS);
    expect(t.s).toBeCloseTo(plant.trend.s, 12);
    expect(t.varS).toBeCloseTo(plant.trend.varS, 9);
    expect(t.p).toBeCloseTo(plant.trend.p, 12);
    expect(t.category).toBe(plant.trend.category);
  });

  it('weights plants by the people they serve: a large rising plant outvotes a small falling one', () => {
    const up = steadyPlant(1, 90000, 20);
    const down = steadyPlant(2, 10000, 20);
    const upT = summariseCensoredTrend(up.values.map((v, i) => measured(v.lo + i)), up.steps);
    const downT = summariseCensoredTrend(down.values.map((v, i) => measured(v.lo - i * 0.5)), down.steps);
    const t = consensusTrend([{ ...up, trend: upT }, { ...down, trend: downT }], WEEKS);
    expect(t.s).toBeGreaterThan(0);
    expect(t.plants.map((p) => p.weight)).toEqual([1.8, expect.closeTo(0.2, 12)]);
  });

  it('is below detection when plants serving most of the people are, whatever the others do', () => {
    const big = steadyPlant(1, 80000, 20);
    const cens = { ...big, trend: { ...big.trend, category: 'below_detection' as const } };
    const small = steadyPlant(2, 20000, 20);
    const t = consensusTrend([cens, small], WEEKS);
    expect(t.category).toBe('below_detection');
    expect(t.belowDetectionPeople).toBeCloseTo(0.8, 12);
  });

  it(`needs no data in ${PANEL_EDGE_WEEKS} weeks at an edge before it calls a panel change (a late lab report is not one)`, () => {
    const a = steadyPlant(1, 30000, 20, 2, WEEKS - 2);
    expect(consensusTrend([a], WEEKS).panel).toEqual([]);
  });
});

describe('area level and coverage', () => {
  it('averages the plants sampled in the latest week by people, and averages coverage over the window', () => {
    const lvl = areaLevel(
      [
        { people: 1000, steps: [0, 1], values: [measured(10), measured(20)] },
        { people: 3000, steps: [1], values: [{ lo: 0, hi: 4 }] },
      ],
      2,
      8000,
    );
    expect(lvl.latestStep).toBe(1);
    expect(lvl.latest).toEqual({ lo: (1000 * 20) / 4000, hi: (1000 * 20 + 3000 * 4) / 4000 });
    expect(lvl.coverage).toBeCloseTo((1000 + 4000) / 2 / 8000, 12);
  });
});

import { describe, expect, it } from 'vitest';
import { emptyWeeks, plantSeries, plantSignal, seriesTrend, SIGNAL_KEYS, SUBSTANCES, type PlantWeeks } from 'domain/wastewater';
import type { PlantMap } from '../plant-store.js';
import { PlantSignals } from '../area-signals.js';
import { PlantTrendStream, trendsInWorker, WORKER_MIN_PLANTS } from './pool.js';

const WEEKS = 26;

/** Plants as a province sends them: gaps, censored weeks, a lab's LOQ change, substances never sampled, ties. */
function provincePlants(count: number): PlantMap {
  let seed = 4304;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const plants: PlantMap = new Map();
  for (let id = 1; id <= count; id++) {
    const plant: PlantWeeks = new Map();
    for (const sub of SUBSTANCES) {
      if (random() < 0.15) continue;
      const w = emptyWeeks(WEEKS);
      const level = 5 + random() * 200;
      const drift = (random() - 0.5) * 4;
      const loq = random() < 0.3 ? level * 1.2 : level * 0.05;
      for (let i = 0; i < WEEKS; i++) {
        if (random() < 0.1) continue; // no sample that week
        const v = Math.round(Math.max(0, level + drift * i + (random() - 0.5) * 20));
        const limit = i < WEEKS / 2 ? loq : loq * 1.5;
        w.n[i] = 1 + Math.floor(random() * 2);
        if (v < limit) [w.lo[i], w.hi[i]] = [0, limit];
        else w.lo[i] = w.hi[i] = v;
      }
      plant.set(sub, w);
    }
    plants.set(id, plant);
  }
  return plants;
}

describe('plant trends in the worker thread', () => {
  it('are exactly the trends computed in the recompute’s own thread, for every plant and signal', async () => {
    const plants = provincePlants(WORKER_MIN_PLANTS + 44);
    const order = [...plants.keys()].reverse();
    const stream = trendsInWorker(plants, order, WEEKS);
    expect(stream).not.toBeNull();
    await stream!.until(order);
    expect(stream!.failed).toBeNull();
    let compared = 0;
    const categories = new Set<string>();
    for (const [id, plant] of plants) {
      SIGNAL_KEYS.forEach((key, k) => {
        const here = seriesTrend(plantSeries(plant, key, WEEKS), key);
        expect(stream!.trend(id, k), `plant ${id} ${key}`).toEqual(here);
        categories.add(here.category);
        compared++;
      });
    }
    expect(compared).toBe(plants.size * SIGNAL_KEYS.length);
    // The data reach the cases that matter: censored series, real trends, too few weeks.
    expect([...categories]).toEqual(expect.arrayContaining(['below_detection', 'flat', 'rising_significant', 'falling_significant']));
  });

  it('are not asked of a worker for a small region (the messages would cost more than they save)', () => {
    const plants = provincePlants(WORKER_MIN_PLANTS - 1);
    expect(trendsInWorker(plants, [...plants.keys()], WEEKS)).toBeNull();
  });

  it('are computed in-thread, the same, when the worker failed', async () => {
    const plants = provincePlants(20);
    const stream = new PlantTrendStream([...plants.keys()]);
    const waiting = stream.until(plants.keys());
    stream.fail('trend worker exited (1)');
    await waiting; // released, not left hanging
    const signals = new PlantSignals(plants, WEEKS, stream);
    for (const [id, plant] of plants) for (const key of SIGNAL_KEYS) expect(signals.get(id, key)).toEqual(plantSignal(plant, key, WEEKS));
  });
});

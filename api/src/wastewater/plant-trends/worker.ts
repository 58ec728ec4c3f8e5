/**
 * The recompute's trend worker: each plant's trend for every signal key, off the main thread, so that the areas
 * of one part are computed (and written) while the worker computes the plants of the next (pool.ts).
 *
 * In: { id, weeks, count, data } (pack.ts's plant block). Out, in plant order: { id, from, to, trends } every
 * CHUNK plants (the trends moved, not copied), then { id, done: true }; { id, error } if anything throws.
 */
import { parentPort } from 'node:worker_threads';
import { plantSeries, seriesTrend, SIGNAL_KEYS } from 'domain/wastewater';
import { packTrend, TREND_SLOTS, trendSlotsPerPlant, unpackPlant } from './pack.js';

/** Plants per message: small enough that the first part's plants arrive early, large enough to cost little. */
const CHUNK = 96;

export interface TrendRequest {
  id: number;
  weeks: number;
  count: number;
  data: Float64Array;
}
export type TrendReply = { id: number; from: number; to: number; trends: Float64Array } | { id: number; done: true } | { id: number; error: string };

parentPort?.on('message', ({ id, weeks, count, data }: TrendRequest) => {
  try {
    for (let from = 0; from < count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK);
      const trends = new Float64Array((to - from) * trendSlotsPerPlant);
      for (let i = from; i < to; i++) {
        const plant = unpackPlant(data, i, weeks);
        SIGNAL_KEYS.forEach((key, k) => packTrend(seriesTrend(plantSeries(plant, key, weeks), key), trends, (i - from) * trendSlotsPerPlant + k * TREND_SLOTS));
      }
      parentPort!.postMessage({ id, from, to, trends } satisfies TrendReply, [trends.buffer as ArrayBuffer]);
    }
    parentPort!.postMessage({ id, done: true } satisfies TrendReply);
  } catch (err) {
    parentPort!.postMessage({ id, error: String((err as Error)?.stack ?? err) } satisfies TrendReply);
  }
});

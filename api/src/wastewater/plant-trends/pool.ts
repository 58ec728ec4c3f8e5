/**
 * Plants' trends in a worker thread (worker.ts). At province scale the trends (~14,000 Mann–Kendall tests and
 * slopes after an import that moves the window) are a third of an update's computing; in the recompute's own thread
 * they came before any area could be computed. With the worker, the recompute computes the areas of one part while
 * the worker computes the plants of the next, on the machine's other core.
 *
 * One worker per process, started with the first large recompute and kept (unref'd while idle: it never holds the
 * process open). Where no worker can run (its file missing, it failed to start or crashed) the trends are
 * computed in the recompute's thread as before: the stream reports `failed` and PlantSignals computes what it lacks.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CensoredTrendSummary } from 'domain/wastewater';
import type { PlantMap } from '../plant-store.js';
import { packPlants, TREND_SLOTS, trendSlotsPerPlant, unpackTrend } from './pack.js';
import type { TrendReply, TrendRequest } from './worker.js';

/** Below this many plants the trends are computed in the recompute's thread: messages would cost more than they save. */
export const WORKER_MIN_PLANTS = 256;

/** The trends of one recompute's plants as the worker sends them, in the order asked. */
export class PlantTrendStream {
  private readonly position: Map<number, number>;
  private readonly trends: Float64Array;
  private received = 0;
  private failure: string | null = null;
  private waiters: { upTo: number; resolve: () => void }[] = [];

  constructor(order: readonly number[]) {
    this.position = new Map(order.map((id, i) => [id, i]));
    this.trends = new Float64Array(order.length * trendSlotsPerPlant);
  }

  /** The worker's trend of plant `siteId` for SIGNAL_KEYS[keyIndex], or null when it has not (or will not) come. */
  trend(siteId: number, keyIndex: number): CensoredTrendSummary | null {
    const p = this.position.get(siteId);
    if (p === undefined || p >= this.received) return null;
    return unpackTrend(this.trends, p * trendSlotsPerPlant + keyIndex * TREND_SLOTS);
  }

  /** Resolves once the trends of these plants have come (or the worker failed: they are then computed in-thread). */
  until(siteIds: Iterable<number>): Promise<void> {
    let upTo = -1;
    for (const id of siteIds) upTo = Math.max(upTo, this.position.get(id) ?? -1);
    if (upTo < this.received || this.failure) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ upTo, resolve }));
  }

  get failed(): string | null {
    return this.failure;
  }

  /** @internal (pool) */
  receive(from: number, chunk: Float64Array): void {
    this.trends.set(chunk, from * trendSlotsPerPlant);
    this.received = from + chunk.length / trendSlotsPerPlant;
    this.release((w) => w.upTo < this.received);
  }

  /** @internal (pool) */
  fail(reason: string): void {
    this.failure = reason;
    this.release(() => true);
  }

  private release(ready: (w: { upTo: number }) => boolean): void {
    const still: typeof this.waiters = [];
    for (const w of this.waiters) (ready(w) ? w.resolve() : still.push(w));
    this.waiters = still;
  }
}

/**
 * The worker: in the production build api/dist/plant-trends-worker.js (an entry of scripts/build/api.mjs; here
 * import.meta.url names this module's mirrored place under api/dist/app/api/src/wastewater/plant-trends/). In the
 * sources (tsx, vitest) worker.ts beside this file, loaded through tsx's loader, which a worker does not inherit
 * (Node 20 does not apply `--import tsx` to a worker's module loader, so a bootstrap registers it).
 */
function startWorker(): Worker | null {
  const built = new URL('../../../../../plant-trends-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built);
  const source = new URL('./worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(source))) return null;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); })`;
  return new Worker(boot, { eval: true });
}

let worker: Worker | null | undefined;
let nextId = 1;
const inFlight = new Map<number, PlantTrendStream>();

function failAll(reason: string): void {
  for (const s of inFlight.values()) s.fail(reason);
  inFlight.clear();
}

function theWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    const w = startWorker();
    if (!w) return (worker = null);
    w.unref();
    w.on('message', (m: TrendReply) => {
      const stream = inFlight.get(m.id);
      if (!stream) return;
      if ('trends' in m) stream.receive(m.from, m.trends);
      else {
        if ('error' in m) stream.fail(m.error);
        inFlight.delete(m.id);
        if (!inFlight.size) w.unref();
      }
    });
    // A worker that cannot start or crashes is not started again: the trends are computed in-thread from then on.
    const gone = (reason: string) => {
      worker = null;
      failAll(reason);
    };
    w.on('error', (err) => gone(String(err?.stack ?? err)));
    w.on('exit', (code) => gone(`trend worker exited (${code})`));
    return (worker = w);
  } catch (err) {
    process.emitWarning(`plant trends computed in-thread: ${String(err)}`);
    return (worker = null);
  }
}

/**
 * Ask the worker for the trends of the plants `order` (in that order); null where the recompute's thread should
 * compute them (fewer than `minPlants`, or no worker).
 */
export function trendsInWorker(plants: PlantMap, order: readonly number[], weeks: number, minPlants = WORKER_MIN_PLANTS): PlantTrendStream | null {
  if (!order.length || order.length < minPlants) return null;
  const w = theWorker();
  if (!w) return null;
  const id = nextId++;
  const stream = new PlantTrendStream(order);
  inFlight.set(id, stream);
  w.ref();
  const data = packPlants(plants, order, weeks);
  w.postMessage({ id, weeks, count: order.length, data } satisfies TrendRequest, [data.buffer as ArrayBuffer]);
  return stream;
}

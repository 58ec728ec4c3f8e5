/**
 * Progress of one import with an estimate of the time left: reading counts records against the reader's estimate
 * (exact for Shapefiles, from the file size for CSV and GeoJSON), checking and writing are phases of known weight.
 * An import that feeds the drug signals (lab results, sites, catchments, areas, grid cells) ends with their
 * recompute, a phase of its own that reports its steps (api/src/wastewater/recompute.ts).
 */
export type Phase = 'reading' | 'checking' | 'writing' | 'recomputing' | 'done';

export interface ProgressState {
  phase: Phase;
  /** Records read so far, and the estimated total (null when unknown). */
  done: number;
  total: number | null;
  /** 0..1 over the whole import. */
  fraction: number;
  elapsedSeconds: number;
  etaSeconds: number | null;
}

/** Where each phase starts and ends on the 0..1 bar. */
export type PhaseShares = Record<Phase, [number, number]>;

export const IMPORT_SHARES: PhaseShares = { reading: [0, 0.7], checking: [0.7, 0.9], writing: [0.9, 1], recomputing: [1, 1], done: [1, 1] };
/** The same with a recompute after the write (its weight measured at province scale: a full recompute). */
export const IMPORT_RECOMPUTE_SHARES: PhaseShares = { reading: [0, 0.35], checking: [0.35, 0.45], writing: [0.45, 0.5], recomputing: [0.5, 1], done: [1, 1] };

export class ImportProgress {
  private state: ProgressState = { phase: 'reading', done: 0, total: null, fraction: 0, elapsedSeconds: 0, etaSeconds: null };
  private readonly started = Date.now();

  constructor(
    private readonly listener?: (p: ProgressState) => void,
    private readonly shares: PhaseShares = IMPORT_SHARES,
  ) {}

  start(total: number | null): void {
    this.state.total = total;
    this.emit();
  }

  read(done: number): void {
    this.state.done = done;
    const [lo, hi] = this.shares.reading;
    const within = this.state.total ? Math.min(0.99, done / this.state.total) : 0;
    this.state.fraction = lo + (hi - lo) * within;
    this.emit();
  }

  phase(p: Phase): void {
    this.state.phase = p;
    this.state.fraction = this.shares[p][0];
    if (p !== 'reading' && this.state.total !== null) this.state.total = Math.max(this.state.total, this.state.done);
    this.emit();
  }

  /** Part of the current phase done (0..1): checks report after each step, so the estimate moves while they run. */
  within(part: number): void {
    const [lo, hi] = this.shares[this.state.phase];
    this.state.fraction = lo + (hi - lo) * Math.min(1, Math.max(0, part));
    this.emit();
  }

  private emit(): void {
    const elapsed = (Date.now() - this.started) / 1000;
    const f = this.state.fraction;
    this.state.elapsedSeconds = Math.round(elapsed * 10) / 10;
    this.state.etaSeconds = f > 0.02 && f < 1 ? Math.round((elapsed / f) * (1 - f)) : f >= 1 ? 0 : null;
    this.listener?.({ ...this.state });
  }
}

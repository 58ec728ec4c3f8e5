/**
 * Progress for long runs: one updating terminal line (step, percent, ETA) on a TTY; plain lines, at most one a
 * second and one per step, when output goes to a file or CI log.
 */
import type { SeedRunProgress } from './seed.js';

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** Overall remaining time from the overall fraction done (null until there is something to go by). */
export function etaSeconds(overall: number, elapsedSeconds: number): number | null {
  if (overall <= 0.02 || elapsedSeconds < 1) return null;
  return (elapsedSeconds / overall) * (1 - overall);
}

export function progressLine(p: SeedRunProgress, elapsedSeconds: number): string {
  const eta = etaSeconds(p.overall, elapsedSeconds);
  const pct = (p.overall * 100).toFixed(0).padStart(3);
  return `[seed] ${pct}%  step ${p.stepIndex + 1}/${p.stepCount} ${p.step} ${p.done}/${p.total}  elapsed ${formatDuration(elapsedSeconds)}  ETA ${eta === null ? '…' : formatDuration(eta)}`;
}

export function progressPrinter(out: NodeJS.WriteStream = process.stdout) {
  const started = Date.now();
  let lastStep = '';
  let lastPrint = 0;
  return {
    update(p: SeedRunProgress) {
      const elapsed = (Date.now() - started) / 1000;
      const line = progressLine(p, elapsed);
      if (out.isTTY) {
        out.write(`\r${line}\x1b[K`);
      } else if (p.step !== lastStep || Date.now() - lastPrint > 1000) {
        out.write(line + '\n');
        lastPrint = Date.now();
      }
      lastStep = p.step;
    },
    done(message: string) {
      if (out.isTTY) out.write('\r\x1b[K');
      out.write(message + '\n');
    },
  };
}

import { describe, expect, it } from 'vitest';
import { etaSeconds, formatDuration, progressLine } from './progress.js';

describe('seed progress', () => {
  it('formats durations and estimates the remaining time from the share done', () => {
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(125)).toBe('2m05s');
    expect(etaSeconds(0.25, 30)).toBeCloseTo(90);
    expect(etaSeconds(0, 30)).toBeNull();
  });

  it('shows step, percent and ETA on one line', () => {
    const line = progressLine({ step: 'places', done: 3000, total: 6000, stepIndex: 0, stepCount: 8, overall: 0.5 }, 20);
    expect(line).toContain(' 50%');
    expect(line).toContain('places 3000/6000');
    expect(line).toContain('ETA 20s');
    expect(line).not.toContain('\n');
  });
});

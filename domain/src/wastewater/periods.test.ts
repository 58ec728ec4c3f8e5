import { describe, expect, it } from 'vitest';
import { aggregate, monthStart, weekStart, windowStart } from './periods.js';

describe('periods in China time', () => {
  it('puts a Monday-morning sample in Hunan into that Monday week, not the UTC Sunday', () => {
    // 2026-11-02 is a Monday; 07:00 in Hunan is 23:00 Sunday UTC.
    expect(weekStart('2026-11-01T23:00:00Z')).toBe('2026-11-02');
    expect(weekStart('2026-11-08T15:59:59Z')).toBe('2026-11-02'); // Sunday 23:59:59 CST
    expect(weekStart('2026-11-08T16:00:00Z')).toBe('2026-11-09');
  });

  it('puts the last evening of a month in Hunan into that month', () => {
    expect(monthStart('2026-10-31T15:00:00Z')).toBe('2026-10-01');
    expect(monthStart('2026-10-31T16:00:00Z')).toBe('2026-11-01');
  });

  it('counts a window back whole weeks from the as-of week', () => {
    expect(windowStart('2026-11-01', 1)).toBe('2026-10-26'); // 2026-11-01 is a Sunday
    expect(windowStart('2026-11-01', 26)).toBe('2026-05-04');
  });
});

describe('aggregate', () => {
  it('averages samples per week and marks a week censored only when all its samples were below LOQ', () => {
    const weeks = aggregate(
      [
        { sampledAt: '2026-10-05T02:00:00Z', normalised: 10, censored: false },
        { sampledAt: '2026-10-07T02:00:00Z', normalised: 20, censored: true },
        { sampledAt: '2026-10-13T02:00:00Z', normalised: 1, censored: true },
      ],
      'week',
    );
    expect(weeks).toEqual([
      { period: '2026-10-05', value: 15, n: 2, censoredCount: 1, censored: false },
      { period: '2026-10-12', value: 1, n: 1, censoredCount: 1, censored: true },
    ]);
    expect(aggregate([{ sampledAt: '2026-10-05T02:00:00Z', normalised: 4, censored: false }, { sampledAt: '2026-10-20T02:00:00Z', normalised: 6, censored: false }], 'month')).toEqual([
      { period: '2026-10-01', value: 5, n: 2, censoredCount: 0, censored: false },
    ]);
  });
});

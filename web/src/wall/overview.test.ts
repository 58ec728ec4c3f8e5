import { describe, expect, it } from 'vitest';
import { count, hhmm, percent, seizedKg } from './overview';

describe('figure formatting', () => {
  it('shows rates as percentages with one decimal, and a dash when there is no rate', () => {
    expect(percent(0.98774, 'en')).toBe('98.8%');
    expect(percent(1, 'zh-CN')).toBe('100.0%');
    expect(percent(null, 'en')).toBe('—');
  });
  it('groups thousands and sums seizures', () => {
    expect(count(12345, 'en')).toBe('12,345');
    expect(seizedKg({ meth: 1.26, heroin: 0.5 })).toBe(1.8);
    expect(seizedKg({})).toBe(0);
  });
  it('formats a time as HH:MM', () => {
    expect(hhmm(new Date(2026, 10, 1, 9, 5).getTime())).toBe('09:05');
  });
});

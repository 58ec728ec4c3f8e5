import { describe, expect, it } from 'vitest';
import { chinaDateOf, chinaToday } from './clock.js';

describe('the China-time clock', () => {
  it('turns the date over at midnight in Beijing, not at midnight UTC', () => {
    expect(chinaDateOf('2026-03-31T15:59:59Z')).toBe('2026-03-31');
    expect(chinaDateOf('2026-03-31T16:00:00Z')).toBe('2026-04-01'); // 00:00 on 1 April in China
    expect(chinaToday(Date.parse('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('refuses what is not an instant', () => {
    expect(() => chinaDateOf('yesterday')).toThrow(RangeError);
  });
});

describe('dates far from ours', () => {
  it('refuses instants whose year has no four-digit form', () => {
    expect(() => chinaDateOf('0000-01-01T00:00:00Z')).toThrow(RangeError);
    expect(chinaDateOf('1900-01-01T00:00:00Z')).toBe('1900-01-01');
  });
});

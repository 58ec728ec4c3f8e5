import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './read';

describe('formatDate', () => {
  it('writes a calendar date as Chinese in zh-CN and in words in English', () => {
    expect(formatDate('2026-11-30', 'zh-CN')).toBe('2026年11月30日');
    expect(formatDate('2026-11-30', 'en')).toBe('November 30, 2026');
  });
  it('shows a dash for nothing and the text itself for what is not a date', () => {
    expect(formatDate(null, 'zh-CN')).toBe('—');
    expect(formatDate('soon', 'zh-CN')).toBe('soon');
  });
});

describe('formatNumber', () => {
  it('groups digits per locale', () => {
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
  });
});

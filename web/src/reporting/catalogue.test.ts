import { describe, expect, it } from 'vitest';
import { FIGURE_MESSAGES } from 'domain/figures';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';

/** Keys with i18next's plural suffixes folded (zh-CN has one form, English two). */
function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix.replace(/_(one|other)$/, '')];
  return [...new Set(Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)))];
}

describe('the reporting catalogue', () => {
  it('has every message in zh-CN and English, the figures catalogue too', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    expect(keys(FIGURE_MESSAGES.en).sort()).toEqual(keys(FIGURE_MESSAGES['zh-CN']).sort());
  });
  it('words zh-CN in Chinese', () => {
    expect(zh.submit).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.values(FIGURE_MESSAGES['zh-CN'].field).every((s) => /[\u4e00-\u9fff]/.test(s))).toBe(true);
  });
});

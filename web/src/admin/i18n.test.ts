import { describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';

const keys = (o: unknown, prefix = ''): string[] =>
  typeof o === 'object' && o !== null ? Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)) : [prefix];

describe('the administration catalogues', () => {
  it('have the same keys in zh-CN and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    const values = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as object).flatMap(values));
    expect([...values(zh), ...values(en)].filter((s) => !s.trim())).toEqual([]);
  });
});

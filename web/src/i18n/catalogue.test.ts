import { describe, expect, it } from 'vitest';
import zh from './zh-CN.json';
import en from './en.json';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogues', () => {
  it('have the same keys in zh-CN and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
  it('have no empty strings', () => {
    const values = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as object).flatMap(values));
    expect(values(zh).filter((s) => !s.trim())).toEqual([]);
    expect(values(en).filter((s) => !s.trim())).toEqual([]);
  });
  it('zh-CN is really Chinese', () => {
    expect(zh.app.title).toMatch(/[\u4e00-\u9fff]/);
  });
});

import { describe, expect, it } from 'vitest';
import type { ProgressState } from 'api/src/imports/progress';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';
import type { LabReport } from './labApi';

const keys = (o: unknown, prefix = ''): string[] =>
  typeof o === 'object' && o !== null ? Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)) : [prefix];

// Every status, file format and phase the API can answer has its words (a type error here when the API adds one).
const words = (catalogue: typeof zh) => ({
  status: catalogue.lab.status satisfies Record<LabReport['status'], string>,
  format: catalogue.lab.format satisfies Record<LabReport['format'], string>,
  phase: catalogue.progress satisfies Record<ProgressState['phase'], string>,
});

describe('the import catalogues', () => {
  it('have the same keys in zh-CN and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    const values = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as object).flatMap(values));
    expect([...values(zh), ...values(en)].filter((s) => !s.trim())).toEqual([]);
  });

  it('word the lab statuses and formats in Chinese', () => {
    for (const s of Object.values(words(zh).status)) expect(s).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(words(en).format).sort()).toEqual(['csv', 'xlsx']);
  });

  it('name every problem by its value or field, never by a placeholder left empty', () => {
    for (const cat of [zh, en]) {
      for (const [code, text] of Object.entries(cat.lab.problem)) {
        const names = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
        expect(names.every((n) => n === 'value' || n === 'field'), code).toBe(true);
      }
    }
  });
});

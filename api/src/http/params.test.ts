import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { areaCode, bboxParam, findNul, isoDate, parseWith, tileParams } from './params.js';
import { ProblemError } from './problem.js';

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as ProblemError;
  }
  throw new Error('no problem raised');
};

describe('shared parsers', () => {
  it('accepts tiles that exist and names the coordinate that does not', () => {
    expect(parseWith(tileParams, { z: '3', x: '7', y: '0' })).toEqual({ z: 3, x: 7, y: 0 });
    expect(problemOf(() => parseWith(tileParams, { z: '3', x: '8', y: '0' })).extra.param).toBe('x');
    expect(problemOf(() => parseWith(tileParams, { z: '23', x: '0', y: '0' })).extra.param).toBe('z');
    expect(problemOf(() => parseWith(tileParams, { z: '2', x: '0x1', y: '0' })).extra.param).toBe('x');
  });

  it('reads bboxes in lon/lat order and refuses reversed or malformed ones', () => {
    expect(bboxParam.parse('112.1,26.5,113,27.25')).toEqual([112.1, 26.5, 113, 27.25]);
    for (const bad of ['113,26,112,27', '1,2,3', '1,2,3,4,5', 'a,b,c,d', '200,0,201,1', '1e2,0,2,1']) expect(bboxParam.safeParse(bad).success, bad).toBe(false);
  });

  it('pads area codes to 12 digits and refuses other lengths', () => {
    expect(areaCode.parse('4304')).toBe('430400000000');
    expect(areaCode.parse('430421100')).toBe('430421100000');
    for (const bad of ['4', '43040', '1234567', '0304', '43x4']) expect(areaCode.safeParse(bad).success, bad).toBe(false);
  });

  it('accepts only real calendar dates', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('2025-02-29').success).toBe(false);
    expect(isoDate.safeParse('2025-2-1').success).toBe(false);
  });
});

describe('refusing NUL and dates out of range', () => {
  it('names the field holding a NUL character, however deep', () => {
    expect(problemOf(() => parseWith(z.object({ q: z.string() }), { q: 'a\u0000b' })).extra.param).toBe('q');
    expect(findNul({ notes: { enforcement: ['ok', 'x\u0000'] } })).toEqual(['notes', 'enforcement', '1']);
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNul(deep)).toHaveLength(100_000);
  });

  it('refuses dates outside the years 1900–2100 (year 0 included)', () => {
    for (const bad of ['0000-01-01', '0001-01-01', '1899-12-31', '2101-01-01', '9999-12-31']) expect(isoDate.safeParse(bad).success, bad).toBe(false);
    for (const good of ['1900-01-01', '2026-11-30', '2100-12-31']) expect(isoDate.safeParse(good).success, good).toBe(true);
  });
});

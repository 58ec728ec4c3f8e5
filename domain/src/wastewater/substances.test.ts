import { describe, expect, it } from 'vitest';
import { INDEX_WEIGHTS, methEquivalentIndex, parseSubstance } from './substances.js';

describe('substances', () => {
  it('reads Chinese and English names as labs write them', () => {
    expect(parseSubstance('甲基苯丙胺')).toBe('methamphetamine');
    expect(parseSubstance(' Methamphetamine ')).toBe('methamphetamine');
    expect(parseSubstance('氯胺酮')).toBe('ketamine');
    expect(parseSubstance('MDMA')).toBe('mdma');
    expect(parseSubstance('苯甲酰爱康宁')).toBe('benzoylecgonine');
    expect(parseSubstance('吗啡')).toBe('morphine');
    expect(parseSubstance('ＭＤＭＡ')).toBe('mdma'); // full-width, as typed on Chinese keyboards
    expect(parseSubstance('咖啡因')).toBeNull();
  });

  it('weights methamphetamine as 1 and sums the index', () => {
    expect(INDEX_WEIGHTS.methamphetamine).toBe(1);
    expect(methEquivalentIndex({ methamphetamine: 10, ketamine: 10 })).toBeCloseTo(10 + 10 * INDEX_WEIGHTS.ketamine, 12);
    expect(methEquivalentIndex({})).toBe(0);
  });
});

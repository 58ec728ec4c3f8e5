import { describe, expect, it } from 'vitest';
import { signalsLiteral, type SignalRow } from './area-signals.js';

const row: SignalRow = {
  areaCode: '430102001000', substance: 'index', trend: 'rising_significant', latestLoad: 1.25e-7, latestCensored: true, pctChange: NaN,
  senSlope: -0.5, pValue: null, nSamples: 26, coverage: 1, censoredShare: 0, kendallS: 12, kendallVar: 1_950.3333333333333, kendallZ: Infinity,
  nPlants: 2, nPlantsUsed: 1, panelJoined: 0, panelLeft: 1, enforcementTrend: null, enforcementP: 0.04, divergent: false,
};

describe('signalsLiteral: the rows area_signal is written from, as an array of area_signal_values records', () => {
  it('writes each value in the type\'s column order, numbers exactly as JavaScript prints them, absent and non-finite ones as NULL', () => {
    expect(signalsLiteral([row])).toBe(
      '{"(430102001000,index,rising_significant,1.25e-7,t,,-0.5,,26,1,0,12,1950.3333333333333,,2,1,0,1,,0.04,f)"}',
    );
  });

  it('refuses a text value that would need quoting instead of writing it into the record', () => {
    expect(() => signalsLiteral([{ ...row, trend: 'x,"y' }])).toThrow(/not a code or key/);
    expect(() => signalsLiteral([{ ...row, areaCode: '' }])).toThrow(/not a code or key/);
  });
});

import { describe, expect, it } from 'vitest';
import { creditCheck, isValidCreditCode, makeCreditCode, orgCheck } from './credit-code.js';

describe('unified social credit codes', () => {
  it('accepts published real codes', () => {
    // Codes printed on public business licences (Tencent Shenzhen, Alibaba China).
    expect(isValidCreditCode('91440300708461136T')).toBe(true);
    expect(isValidCreditCode('91330100716105852F')).toBe(true);
  });

  it('computes the organisation-code check character (GB 11714)', () => {
    expect(orgCheck('70846113')).toBe('6'); // from 91440300708461136T
  });

  it('builds codes that validate, and a changed character breaks the check', () => {
    const code = makeCreditCode('438021', '12345678');
    expect(code).toMatch(/^91438021[0-9A-HJ-NPQRTUWXY]{10}$/);
    expect(isValidCreditCode(code)).toBe(true);
    const broken = code.slice(0, 10) + (code[10] === '1' ? '2' : '1') + code.slice(11);
    expect(isValidCreditCode(broken)).toBe(false);
    expect(creditCheck(code.slice(0, 17))).toBe(code[17]);
  });
});

import { describe, expect, it } from 'vitest';
import { isWalPosition, laterWal, walBytesBetween, walOffset, walReached } from './wal.js';

describe('WAL positions', () => {
  it('reads PostgreSQL pg_lsn text as a 64-bit offset: high half, then low half', () => {
    expect(walOffset('0/0')).toBe(0n);
    expect(walOffset('0/16B3748')).toBe(0x16b3748n);
    expect(walOffset('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(() => walOffset('16-B374D848')).toThrow(/not a WAL position/);
    expect(isWalPosition('FFFFFFFF/FFFFFFFF')).toBe(true);
    expect(isWalPosition('1/2/3')).toBe(false);
    expect(isWalPosition(42)).toBe(false);
  });

  it('compares numerically, not as text (1/0 is after 0/FFFFFFFF; A/0 after 9/0)', () => {
    expect(walReached('1/0', '0/FFFFFFFF')).toBe(true);
    expect(walReached('0/FFFFFFFF', '1/0')).toBe(false);
    expect(walReached('A/0', '9/0')).toBe(true);
    expect(walReached('0/10', '0/10')).toBe(true);
    expect(laterWal(null, '0/5')).toBe('0/5');
    expect(laterWal('0/5', null)).toBe('0/5');
    expect(laterWal('0/F', '0/10')).toBe('0/10');
  });

  it('counts the bytes a replica is behind, and never a negative number', () => {
    expect(walBytesBetween('0/FFFFFF00', '1/100')).toBe(0x200);
    expect(walBytesBetween('1/100', '0/FFFFFF00')).toBe(0);
  });
});

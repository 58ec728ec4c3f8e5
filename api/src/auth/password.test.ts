import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeOf(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('wrong horse battery', stored)).toBe(false);
  });

  it('does not block the event loop while hashing', async () => {
    const stored = await hashPassword('a password of ours');
    const t0 = performance.now();
    const pending = verifyPassword('a password of ours', stored);
    const synchronous = performance.now() - t0;
    // A timer set now fires while the hash is computed on the thread pool (scryptSync would hold it ~45 ms).
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    expect(await pending).toBe(true);
    clearInterval(timer);
    expect(synchronous).toBeLessThan(10);
    expect(ticks).toBeGreaterThan(0);
  });

  it('takes as long for an unknown user (no stored hash) as for a wrong password', async () => {
    const stored = await hashPassword('a password of ours');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await timeOf(() => verifyPassword('not it', stored)));
      unknown.push(await timeOf(() => verifyPassword('not it', undefined)));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
    expect(await verifyPassword('anything', null)).toBe(false);
  });
});

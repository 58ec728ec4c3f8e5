import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './throttle.js';

describe('sign-in throttling', () => {
  const limits = { perUser: 3, perAddress: 5, windowMs: 60_000 };

  it('locks a user name after repeated failures until the oldest counted failure leaves the window', () => {
    let now = 0;
    const t = new SignInThrottle(limits, () => now);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter('admin', '10.0.0.1')).toBe(0);
      t.recordFailure('admin', '10.0.0.1');
      now += 1000;
    }
    expect(t.retryAfter('ADMIN', '10.0.0.9')).toBe(57); // same name in other case, other address
    now = 60_001;
    expect(t.retryAfter('admin', '10.0.0.1')).toBe(0);
  });

  it('locks an address that tries many names, and a success clears only the name', () => {
    const now = 0;
    const t = new SignInThrottle(limits, () => now);
    for (let i = 0; i < 5; i++) t.recordFailure(`user${i}`, '10.0.0.2');
    expect(t.retryAfter('someone_else', '10.0.0.2')).toBe(60);
    expect(t.retryAfter('someone_else', '10.0.0.3')).toBe(0);
    t.recordFailure('inspector', '10.0.0.4');
    t.recordFailure('inspector', '10.0.0.4');
    t.recordSuccess('inspector');
    t.recordFailure('inspector', '10.0.0.4');
    expect(t.retryAfter('inspector', '10.0.0.5')).toBe(0);
  });
});

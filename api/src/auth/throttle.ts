/**
 * Sign-in throttling: failed attempts are counted per user name and per client address over a sliding window;
 * past the limit, further attempts are refused (429 with Retry-After) without checking the password, so guessing
 * gets nowhere. A successful sign-in clears the user name's count (not the address's: one address trying many
 * names is what the address limit is for). Counts live in this process's memory: restarting clears them, and
 * several API processes each count on their own.
 */
export interface ThrottleLimits {
  /** Failures per user name within the window. */
  perUser: number;
  /** Failures per client address within the window. */
  perAddress: number;
  windowMs: number;
}

export const SIGN_IN_LIMITS: ThrottleLimits = { perUser: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** Keys kept at most (an attack from many addresses must not grow memory without bound). */
const MAX_KEYS = 100_000;

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits = SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until an attempt for this user from this address is allowed again; 0 when it is allowed now. */
  retryAfter(username: string | null, address: string): number {
    const byUser = username === null ? 0 : this.waitFor(userKey(username), this.limits.perUser);
    const wait = Math.max(byUser, this.waitFor(addressKey(address), this.limits.perAddress));
    return Math.ceil(wait / 1000);
  }

  /** A failed attempt; `username` null for attempts without one (API tokens), counted per address only. */
  recordFailure(username: string | null, address: string): void {
    for (const key of username === null ? [addressKey(address)] : [userKey(username), addressKey(address)]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.delete(key); // re-insert: the map's order is then least recently failed first
      this.failures.set(key, list);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  recordSuccess(username: string): void {
    this.failures.delete(userKey(username));
  }

  /** Failures of `key` still inside the window. */
  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  /** With `limit` or more recent failures, the time until the oldest that counts toward the limit leaves the window. */
  private waitFor(key: string, limit: number): number {
    const list = this.recent(key);
    if (list.length < limit) return 0;
    const oldestCounted = list[list.length - limit]!;
    return Math.max(0, oldestCounted + this.limits.windowMs - this.now());
  }
}

const userKey = (username: string) => `u:${username.toLowerCase()}`;
const addressKey = (address: string) => `a:${address}`;

/**
 * Password hashing with scrypt (node:crypto): 'scrypt$N$saltHex$hashHex', compared in constant time.
 * The asynchronous scrypt runs on libuv's thread pool: a sign-in costs ~45 ms of CPU, which must not stop the
 * event loop (every tile request waits behind it otherwise).
 * A sign-in for an unknown user still hashes, against a dummy, so that the answer takes as long as for a real
 * user with a wrong password: timing does not tell which user names exist.
 */
import { hash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const KEYLEN = 32;
/** scrypt's memory is 128·N·r bytes (16 MiB here); allow some headroom above Node's 32 MiB default for larger N. */
const MAXMEM = 64 * 1024 * 1024;

/** Passwords people choose: long enough to resist guessing, short enough to bound the hashing work. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, salt: Buffer = randomBytes(16)): Promise<string> {
  const hash = await scryptAsync(password, salt, KEYLEN, { N, maxmem: MAXMEM });
  return `scrypt$${N}$${salt.toString('hex')}$${hash.toString('hex')}`;
}

/** A hash of nothing anyone knows, with the same cost as a real one: compared against when the user is unknown. */
const DUMMY_HASH = `scrypt$${N}$${randomBytes(16).toString('hex')}$${randomBytes(KEYLEN).toString('hex')}`;

/**
 * Whether `password` matches `stored`. With no stored hash (unknown user, or a user without a password) the
 * dummy is checked instead and the answer is false, after the same work.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const [scheme, n, saltHex, hashHex] = (stored || DUMMY_HASH).split('$');
  const cost = Number(n);
  if (scheme !== 'scrypt' || !Number.isInteger(cost) || cost < 2 || cost > 2 ** 20 || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scryptAsync(password, Buffer.from(saltHex, 'hex'), expected.length, { N: cost, maxmem: MAXMEM });
  return timingSafeEqual(actual, expected) && !!stored;
}

/** Tokens (session cookies, API bearer tokens) are stored only as their SHA-256 (one-shot: no Hash object per request). */
export const sha256Hex = (s: string) => hash('sha256', s, 'hex');

/**
 * The last good /api/grids/mine answer, kept in localStorage per user: outdoors the network often fails, and an
 * officer still needs their boundaries and due list (marked with when they were fetched).
 */
import type { MyGrid } from './api';

export interface CachedMine {
  savedAt: string;
  grids: MyGrid[];
}

const key = (username: string) => `gc.officer.mine.${username}`;

export function saveMine(storage: Pick<Storage, 'setItem'>, username: string, grids: MyGrid[], now = new Date()): CachedMine {
  const entry = { savedAt: now.toISOString(), grids };
  try {
    storage.setItem(key(username), JSON.stringify(entry));
  } catch {
    // Storage full or disabled (private mode): the answer is still shown, only not kept.
  }
  return entry;
}

export function readMine(storage: Pick<Storage, 'getItem'>, username: string): CachedMine | null {
  try {
    const raw = storage.getItem(key(username));
    if (!raw) return null;
    const v = JSON.parse(raw) as CachedMine;
    return typeof v.savedAt === 'string' && Array.isArray(v.grids) ? v : null;
  } catch {
    return null;
  }
}

/**
 * WAL positions (PostgreSQL's pg_lsn, printed as '16/B374D848': two hex halves of a 64-bit byte offset into the
 * write-ahead log). A streaming replica that has replayed up to position P sees every transaction whose commit
 * record ends at or before P; comparing positions is how reads decide whether a replica is new enough.
 */

/** A WAL position as PostgreSQL prints it. */
export type WalPosition = string;

const LSN = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** The position as a byte offset; throws on anything that is not a pg_lsn. */
export function walOffset(p: WalPosition): bigint {
  const m = LSN.exec(p);
  if (!m) throw new Error(`not a WAL position: '${p}'`);
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`);
}

export function isWalPosition(p: unknown): p is WalPosition {
  return typeof p === 'string' && LSN.test(p);
}

/** Whether `p` is at or after `q`. */
export const walReached = (p: WalPosition, q: WalPosition) => walOffset(p) >= walOffset(q);

/** The later of two positions (null: none yet). */
export function laterWal(p: WalPosition | null, q: WalPosition | null): WalPosition | null {
  if (p === null) return q;
  if (q === null) return p;
  return walReached(p, q) ? p : q;
}

/** Bytes from `from` to `to` (0 when `from` is already at or past `to`). */
export function walBytesBetween(from: WalPosition, to: WalPosition): number {
  const d = walOffset(to) - walOffset(from);
  return d > 0n ? Number(d) : 0;
}

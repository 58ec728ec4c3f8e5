/**
 * Errors that mean "the database cannot answer now" rather than "this request is wrong": the server restarting
 * or unreachable, every connection busy, a statement cut off by statement_timeout. The API answers them with
 * 503 and Retry-After (http/problem.ts), so clients back off and retry instead of seeing a 500.
 */

/** Thrown by the pool when every connection is busy and its waiting queue is full. */
export class PoolExhausted extends Error {
  readonly code = 'POOL_EXHAUSTED';
  constructor(connections: number, waiting: number) {
    super(`all ${connections} database connections are busy and ${waiting} requests are waiting`);
  }
}

export type UnavailableReason = 'database_unreachable' | 'pool_exhausted' | 'statement_timeout';

/** SQLSTATE classes and codes: 08 connection exception, 57P01–57P03 shutdown / not yet accepting, 53300 too many connections. */
const UNREACHABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
// node-postgres reports a connection lost mid-query, and a pool wait that ran out, by message only.
const UNREACHABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection timeout/i;

export function unavailableReason(err: unknown): UnavailableReason | null {
  if (!err || typeof err !== 'object') return null;
  const code = (err as { code?: unknown }).code;
  if (code === 'POOL_EXHAUSTED') return 'pool_exhausted';
  // 57014 query_canceled: statement_timeout (or a cancel request, which only the server's operator sends).
  if (code === '57014') return 'statement_timeout';
  if (typeof code === 'string' && (code.startsWith('08') || UNREACHABLE_CODES.has(code))) return 'database_unreachable';
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) {
    return /timeout exceeded when trying to connect/i.test(message) ? 'pool_exhausted' : 'database_unreachable';
  }
  // drizzle wraps the driver's error (DrizzleQueryError, its `cause`): judge what the driver said.
  const cause = (err as { cause?: unknown }).cause;
  return cause && cause !== err ? unavailableReason(cause) : null;
}

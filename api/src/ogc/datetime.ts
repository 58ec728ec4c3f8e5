/**
 * OGC `datetime`: an instant (2024-05-01 or 2024-05-01T00:00:00Z) or an interval 'start/end' with '..' or an
 * empty side for open ends. Validity is kept per day, so times are reduced to their date in China.
 */
import { z } from 'zod';
import { inYears, MAX_YEAR, MIN_YEAR } from '../http/params.js';
import { chinaDateOf } from 'domain/time';

const instant = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

function day(s: string, ctx: z.RefinementCtx): string | null | typeof z.NEVER {
  if (s === '' || s === '..') return null;
  const m = instant.exec(s);
  const d = m ? new Date(m[2] ? s : `${s}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: 'custom', message: `'${s}' is not an RFC 3339 date or date-time` });
    return z.NEVER;
  }
  const year = d.getUTCFullYear();
  if (!inYears(year)) {
    ctx.addIssue({ code: 'custom', message: `'${s}' must lie in the years ${MIN_YEAR}–${MAX_YEAR}` });
    return z.NEVER;
  }
  return m[2] ? chinaDateOf(d) : m[1]!;
}

export const datetimeParam = z.string().transform((s, ctx) => {
  const parts = s.split('/');
  if (parts.length > 2) {
    ctx.addIssue({ code: 'custom', message: 'must be an instant or an interval start/end' });
    return z.NEVER;
  }
  const start = day(parts[0]!, ctx);
  const end = parts.length === 2 ? day(parts[1]!, ctx) : start;
  if (start && end && start > end) {
    ctx.addIssue({ code: 'custom', message: 'interval is reversed: start after end' });
    return z.NEVER;
  }
  return { start, end, instant: parts.length === 1 };
});

/**
 * Jurisdiction scope. Statistical codes nest by prefix: 43 (province) ⊃ 4304 (city) ⊃ 430421 (county) ⊃
 * 430421100 (township) ⊃ 430421100201 (village) ⊃ 430421100201003 (grid). A user sees what lies under the
 * significant prefix of their jurisdiction code; every query filters on it in SQL.
 */
export function scopePrefix(code: string): string {
  if (/^\d{2}0{10}$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}0{8}$/.test(code)) return code.slice(0, 4);
  if (/^\d{6}0{6}$/.test(code)) return code.slice(0, 6);
  if (/^\d{9}000$/.test(code)) return code.slice(0, 9);
  return code.slice(0, 12);
}

export const inScope = (prefix: string, code: string | null | undefined) => !!code && code.startsWith(prefix);

/** Roles that may see the sensitive monthly counts (registered users of drugs, risk levels): counts only. */
export const ROLES_SEEING_COUNTS = new Set(['admin', 'office', 'grid_officer']);
/** Roles that may write (listings, imports, sites). */
export const ROLES_WRITING = new Set(['admin', 'office']);

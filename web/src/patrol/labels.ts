/** Shared wording helpers: what kind of target, how due it is (one function each so panel and sheet agree). */
import type { TFunction } from 'i18next';
import type { DueItem } from './api';

/** "Category 1 firm · trader" or "KTV · high risk". */
export function kindLabel(t: TFunction, d: Pick<DueItem, 'kind' | 'category' | 'risk' | 'subKind'>): string {
  return d.kind === 'firm'
    ? t('firmKind', { category: d.category ?? '—', business: t(`business.${d.subKind}`, { defaultValue: d.subKind }) })
    : t('venueKind', { kind: t(`venue.${d.subKind}`, { defaultValue: d.subKind }), risk: t(`risk.${d.risk ?? 'low'}`) });
}

export function dueLabel(t: TFunction, d: Pick<DueItem, 'overdue' | 'overdueDays' | 'nextDue'>): string {
  if (d.overdue) return t('overdue', { count: d.overdueDays, date: d.nextDue });
  if (d.overdueDays === 0) return t('dueToday');
  return t('dueOn', { date: d.nextDue });
}

export const outcomeLabel = (t: TFunction, o: string | null) => (o ? t(`outcome.${o}`) : t('never'));

/** Minutes as "3 h 08 min" / "3小时08分". */
export const durationLabel = (t: TFunction, minutes: number) => t('duration', { h: Math.floor(minutes / 60), m: String(Math.round(minutes % 60)).padStart(2, '0') });

export const clock = (iso: string) => iso.slice(11, 16);

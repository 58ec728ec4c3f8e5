/**
 * Canonical opening hours (domain/patrol/hours.ts: "Mo-Fr 08:00-12:00,14:00-18:00; Sa-Su off", "24/7") worded
 * from the catalogue: "周一至周五 08:00–12:00、14:00–18:00；周六至周日 休息" / "Mon–Fri 08:00–12:00, 14:00–18:00; …".
 */
import type { TFunction } from 'i18next';

export function hoursLabel(t: TFunction, canonical: string | null): string {
  if (!canonical) return t('hours.unknown');
  if (canonical === '24/7') return t('hours.always');
  return canonical
    .split(/;\s*/)
    .map((rule) => {
      const [days = '', spans = ''] = rule.split(' ');
      const dayText = days
        .split(',')
        .map((d) => d.split('-').map((x) => t(`days.${x}`, { defaultValue: x })).join(t('hours.through')))
        .join(t('hours.and'));
      const spanText = spans === 'off' ? t('hours.off') : spans.split(',').map((s) => s.replace('-', '–')).join(t('hours.and'));
      return `${dayText} ${spanText}`;
    })
    .join(t('hours.sep'));
}

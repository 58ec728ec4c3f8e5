/** First start of the embedded database: the demo region is being generated; show what, how far, how long. */
import { useTranslation } from 'react-i18next';
import type { HealthStatus } from '../api/types';

/** The start-up progress /api/health reports. */
export type StartProgress = NonNullable<HealthStatus['progress']>;

export function SeedingScreen({ progress: s }: { progress: StartProgress }) {
  const { t } = useTranslation();
  const pct = s.total > 0 ? Math.round((100 * s.done) / s.total) : 0;
  const step = t(`seeding.steps.${s.step}`, { defaultValue: s.step });
  return (
    <main className="splash">
      <h1>{t('seeding.title')}</h1>
      <progress max={s.total || 1} value={s.done} aria-label={t('seeding.title')}>
        {pct}%
      </progress>
      <p aria-live="polite">{t('seeding.progress', { step, done: s.done, total: s.total })}</p>
      {s.etaSeconds != null && <p>{t('seeding.eta', { seconds: Math.ceil(s.etaSeconds) })}</p>}
    </main>
  );
}

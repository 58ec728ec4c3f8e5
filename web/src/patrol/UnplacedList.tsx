/** The stops that could not fit into the day, each with the reason in words (panel and printed sheet). */
import { useTranslation } from 'react-i18next';
import type { Plan } from './api';
import { hoursLabel } from './hoursLabel';
import { kindLabel } from './labels';

export function UnplacedList({ plan, className }: { plan: Plan; className?: string }) {
  const { t } = useTranslation('patrol');
  return (
    <section className={`patrol-unplaced ${className ?? ''}`} aria-labelledby="patrol-unplaced-title">
      <h4 id="patrol-unplaced-title">{t('unplaced.title', { count: plan.unplacedCount })}</h4>
      <ul>
        {plan.unplaced.map((u) => (
          <li key={`${u.kind}/${u.id}`} data-reason={u.reason} data-stop={`${u.kind}/${u.id}`}>
            <strong>{u.name}</strong> <span className="small">{kindLabel(t, u)}</span>
            <div className="small">
              {t(`unplaced.reason.${u.reason}`, { hours: hoursLabel(t, u.openingHours), from: plan.workingHours.from, to: plan.workingHours.to })}
            </div>
          </li>
        ))}
      </ul>
      {plan.unplacedCount > plan.unplaced.length && <p className="muted small">{t('more', { count: plan.unplacedCount - plan.unplaced.length })}</p>}
    </section>
  );
}

/** Sites: a firm's category, licence and last inspection; a venue's kind and risk; a checkpoint's last 30 days. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../api/types';
import { useApi } from './useApi';
import { formatDate, formatNumber, read } from './read';
import { Sparkline } from './Sparkline';

function LastInspection({ data, lang }: { data: unknown; lang: Lang }) {
  const { t } = useTranslation();
  const last = read<Record<string, unknown>>(data, 'lastInspection');
  const date = read<string>(last, 'inspectedOn');
  const outcome = read<string>(last, 'outcome');
  return (
    <div>
      <dt>{t('details.lastInspection')}</dt>
      <dd>
        {date ? formatDate(date, lang) : t('details.never')}
        {outcome && ` · ${t(`values.outcome.${outcome}`, { defaultValue: outcome })}`}
      </dd>
    </div>
  );
}

export function FirmDetails({ id, lang, onName }: { id: string; lang: Lang; onName: (n: string | undefined) => void }) {
  const { t } = useTranslation();
  const { data, loading, error } = useApi<Record<string, unknown>>(`/api/firms/${encodeURIComponent(id)}`);
  useEffect(() => onName(read<string>(data, 'name')), [data, onName]);
  if (loading) return <p className="muted">{t('details.loading')}</p>;
  if (error || !data) return null;
  const business = read<string>(data, 'business');
  return (
    <dl className="facts">
      <div>
        <dt>{t('details.category')}</dt>
        <dd>{read(data, 'category') !== undefined ? t(`values.category.${read(data, 'category')}`, { defaultValue: String(read(data, 'category')) }) : '—'}</dd>
      </div>
      {business && (
        <div>
          <dt>{t('details.business')}</dt>
          <dd>{t(`values.business.${business}`, { defaultValue: business })}</dd>
        </div>
      )}
      <div>
        <dt>{t('details.licenceExpiry')}</dt>
        <dd>{formatDate(read(data, 'licenceExpiry'), lang)}</dd>
      </div>
      <LastInspection data={data} lang={lang} />
      {read(data, 'address') !== undefined && (
        <div>
          <dt>{t('details.address')}</dt>
          <dd>{String(read(data, 'address'))}</dd>
        </div>
      )}
    </dl>
  );
}

export function VenueDetails({ id, lang, onName }: { id: string; lang: Lang; onName: (n: string | undefined) => void }) {
  const { t } = useTranslation();
  const { data, loading, error } = useApi<Record<string, unknown>>(`/api/venues/${encodeURIComponent(id)}`);
  useEffect(() => onName(read<string>(data, 'name')), [data, onName]);
  if (loading) return <p className="muted">{t('details.loading')}</p>;
  if (error || !data) return null;
  const risk = read<string>(data, 'risk');
  return (
    <dl className="facts">
      {risk && (
        <div>
          <dt>{t('details.risk')}</dt>
          <dd>{t(`values.risk.${risk}`, { defaultValue: risk })}</dd>
        </div>
      )}
      <LastInspection data={data} lang={lang} />
      {read(data, 'address') !== undefined && (
        <div>
          <dt>{t('details.address')}</dt>
          <dd>{String(read(data, 'address'))}</dd>
        </div>
      )}
    </dl>
  );
}

interface Day {
  day?: string;
  date?: string;
  vehicles?: number;
  people?: number;
  cases?: number;
  precursorsKg?: number;
  /** kg by drug */
  seizures?: Record<string, number>;
}

export function CheckpointDetails({ id, lang, onName }: { id: string; lang: Lang; onName: (n: string | undefined) => void }) {
  const { t } = useTranslation();
  const { data, loading, error } = useApi<{ checkpoint?: { name?: string }; days: Day[] }>(`/api/checkpoints/${encodeURIComponent(id)}/days?days=30`);
  useEffect(() => onName(data?.checkpoint?.name), [data, onName]);
  if (loading) return <p className="muted">{t('details.loading')}</p>;
  if (error || !data) return null;
  const days = data.days ?? [];
  const vehicles = days.map((d) => Number(read(d, 'vehicles') ?? 0));
  const sum = (keys: string[]) => days.reduce((s, d) => s + Number(read(d, ...keys) ?? 0), 0);
  return (
    <section>
      <h3>{t('details.last30')}</h3>
      <Sparkline values={vehicles} label={t('details.sparkline', { min: Math.min(...vehicles), max: Math.max(...vehicles) })} />
      <dl className="facts">
        <div>
          <dt>{t('details.vehicles')}</dt>
          <dd>{formatNumber(sum(['vehicles', 'vehiclesChecked']), lang)}</dd>
        </div>
        <div>
          <dt>{t('details.people')}</dt>
          <dd>{formatNumber(sum(['people', 'peopleChecked']), lang)}</dd>
        </div>
        <div>
          <dt>{t('details.cases')}</dt>
          <dd>{formatNumber(sum(['cases']), lang)}</dd>
        </div>
        <div>
          <dt>{t('details.seizures')}</dt>
          <dd>{formatNumber(days.reduce((s, d) => s + Object.values(d.seizures ?? {}).reduce((a, b) => a + Number(b), 0), 0), lang, 2)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** An area (county, township, village): parent chain, population, current listing, wastewater signal, sites inside. */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../api/types';
import { useApi } from './useApi';
import { formatDate, formatNumber, read } from './read';

interface Parent {
  code: string;
  name: string;
  level?: string;
}

export function AreaDetails({ code, lang }: { code: string; lang: Lang }) {
  const { t } = useTranslation();
  const { data, error, loading } = useApi<Record<string, unknown>>(`/api/areas/${encodeURIComponent(code)}`);
  if (loading) return <p className="muted" aria-busy="true">{t('details.loading')}</p>;
  if (error || !data) return <p className="muted">{t('details.notFound')}</p>;
  const parents = (read<Parent[]>(data, 'parents', 'parentChain', 'ancestors') ?? []).filter((p) => p && p.name);
  const listing = read<Record<string, unknown>>(data, 'listing', 'currentListing');
  const signal = read<Record<string, unknown>>(data, 'signal');
  const counts = read<Record<string, number>>(data, 'counts', 'siteCounts');
  const level = read<string>(data, 'level');
  const categories = read<string[]>(listing, 'categories') ?? [];
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('details.code')}</dt>
          <dd className="mono">{read<string>(data, 'code') ?? code}</dd>
        </div>
        {level && (
          <div>
            <dt>{t('details.level')}</dt>
            <dd>{t(`values.level.${level}`, { defaultValue: level })}</dd>
          </div>
        )}
        {parents.length > 0 && (
          <div>
            <dt>{t('details.parents')}</dt>
            <dd>
              <ol className="parent-chain">
                {parents.map((p) => (
                  <li key={p.code}>{p.name}</li>
                ))}
              </ol>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('details.population')}</dt>
          <dd>{formatNumber(read(data, 'population'), lang)}</dd>
        </div>
      </dl>
      <section>
        <h3>{t('details.listing')}</h3>
        {listing ? (
          <dl className="facts">
            <div>
              <dt>{t('details.grade')}</dt>
              <dd>
                <span className={`grade grade-${read<string>(listing, 'grade')}`}>{t(`values.grade.${read<string>(listing, 'grade')}`, { defaultValue: String(read(listing, 'grade')) })}</span>
              </dd>
            </div>
            <div>
              <dt>{t('details.status')}</dt>
              <dd>{t(`values.status.${read<string>(listing, 'status')}`, { defaultValue: String(read(listing, 'status') ?? '—') })}</dd>
            </div>
            {categories.length > 0 && (
              <div>
                <dt>{t('details.categories')}</dt>
                <dd>{categories.join('、')}</dd>
              </div>
            )}
            {read(listing, 'body') !== undefined && (
              <div>
                <dt>{t('details.body')}</dt>
                <dd>{t(`values.body.${read<string>(listing, 'body')}`, { defaultValue: String(read(listing, 'body')) })}</dd>
              </div>
            )}
            <div>
              <dt>{t('details.listedOn')}</dt>
              <dd>{formatDate(read(listing, 'listedOn', 'startDate', 'listed_on'), lang)}</dd>
            </div>
            <div>
              <dt>{t('details.dueOn')}</dt>
              <dd>{formatDate(read(listing, 'dueOn', 'termEnd', 'endDate'), lang)}</dd>
            </div>
          </dl>
        ) : (
          <p className="muted">{t('details.notListed')}</p>
        )}
      </section>
      <section>
        <h3>{t('details.signal')}</h3>
        {signal && read(signal, 'trend') ? (
          <p>
            <span className={`trend trend-${read<string>(signal, 'trend')}`}>{t(`values.trend.${read<string>(signal, 'trend')}`, { defaultValue: String(read(signal, 'trend')) })}</span>
          </p>
        ) : (
          <p className="muted">{t('details.noSignal')}</p>
        )}
      </section>
      {counts && Object.keys(counts).length > 0 && (
        <section>
          <h3>{t('details.counts')}</h3>
          <dl className="facts counts">
            {Object.entries(counts).map(([k, v]) => (
              <div key={k}>
                <dt>{t(`kinds.${k.replace(/s$/, '').replace(/^wastewater_site$/, 'wastewater_site')}`, { defaultValue: k })}</dt>
                <dd>{formatNumber(v, lang)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </>
  );
}

/** An area (county, township, village): parent chain, population, current listing, wastewater signal, sites inside. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../api/types';
import { useApi } from './useApi';
import { formatDate, formatNumber, read } from './read';

/** Keys of the API's `counts` → message keys. */
const COUNT_KIND: Record<string, string> = {
  villages: 'village',
  grids: 'grid',
  checkpoints: 'checkpoint',
  firms: 'firm',
  venues: 'venue',
  wastewaterSites: 'wastewater_site',
};

interface Parent {
  code: string;
  name: string;
  level?: string;
}

export function AreaDetails({ code, lang, onName }: { code: string; lang: Lang; onName: (n: string | undefined) => void }) {
  const { t } = useTranslation();
  const { data, error, loading } = useApi<Record<string, unknown>>(`/api/areas/${encodeURIComponent(code)}`);
  useEffect(() => onName(read<string>(data, 'name')), [data, onName]);
  if (loading) return <p className="muted" aria-busy="true">{t('details.loading')}</p>;
  if (error || !data) return <p className="muted">{t('details.notFound')}</p>;
  const parents = (read<Parent[]>(data, 'parents') ?? []).filter((p) => p && p.name);
  const listing = read<Record<string, unknown>>(data, 'listing');
  const signals = read<Record<string, unknown>[]>(data, 'signals') ?? [];
  const counts = read<Record<string, number>>(data, 'counts');
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
                <dd>{categories.map((c) => t(`listing:category.${c}`)).join(t('listing:sep'))}</dd>
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
              <dd>{formatDate(read(listing, 'listedOn'), lang)}</dd>
            </div>
            <div>
              <dt>{t('details.dueOn')}</dt>
              <dd>{formatDate(read(listing, 'termEndsOn'), lang)}</dd>
            </div>
          </dl>
        ) : (
          <p className="muted">{t('details.notListed')}</p>
        )}
      </section>
      <section>
        <h3>{t('details.signal')}</h3>
        {signals.length > 0 ? (
          <dl className="facts">
            {signals.map((s) => {
              const substance = String(read(s, 'substance'));
              const trend = String(read(s, 'trend'));
              return (
                <div key={substance}>
                  <dt>{t(`values.substance.${substance}`, { defaultValue: substance })}</dt>
                  <dd>
                    <span className={`trend trend-${trend}`}>{t(`values.trend.${trend}`, { defaultValue: trend })}</span>
                  </dd>
                </div>
              );
            })}
          </dl>
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
                <dt>{t(`kinds.${COUNT_KIND[k] ?? k}`, { defaultValue: k })}</dt>
                <dd>{formatNumber(v, lang)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </>
  );
}

/**
 * The shift-change view (交接班): what changed in the chosen window, for the morning briefing — listings and
 * delistings entered, signals turned rising, inspections fallen overdue, checkpoint cases, check-ins flagged far
 * from their site. In visitor mode the API sends no names of people or sites; a site is then worded by its kind
 * and township ("某KTV · 雨花镇"), and no person is named at all.
 */
import { useTranslation } from 'react-i18next';
import type { Changes } from './changes';
import { count, hhmm } from './overview';

function Block({ id, title, total, children }: { id: string; title: string; total: number; children: React.ReactNode }) {
  return (
    <section className="wall-shift-block" data-block={id}>
      <h3>
        {title} <b data-figure={`shift.${id}`}>{total}</b>
      </h3>
      <ul>{children}</ul>
    </section>
  );
}

export function ShiftChange({ changes, lang }: { changes: Changes; lang: string }) {
  const { t } = useTranslation('wall');
  const site = (kind: string, subKind: string, name: string | null, place: string | null) =>
    name ?? t('shift.someSite', { kind: t(`shift.kinds.${kind === 'firm' ? 'firm' : subKind}`, { defaultValue: subKind }), place: place ?? '' });
  const { listings, rising, overdue, checkpointCases, flaggedCheckIns } = changes;
  return (
    <div className="wall-shift" data-visitor={changes.visitor ? 'true' : 'false'} role="region" aria-label={t('views.shift')}>
      <h2>{t('shift.window', { since: hhmm(Date.parse(changes.since)), sinceDate: changes.since.slice(0, 10), until: hhmm(Date.parse(changes.until)) })}</h2>
      <div className="wall-shift-grid">
        <Block id="listings" title={t('shift.listings', { listed: listings.listed, delisted: listings.delisted })} total={listings.listed + listings.delisted}>
          {listings.items.map((l, i) => (
            <li key={i}>
              <span className={`wall-shift-tag ${l.kind}`}>{t(`shift.listingKind.${l.kind}`)}</span> {l.areaName} · {t(`listings.${l.grade}`)}
              {l.recordedBy && <span className="wall-shift-person"> · {l.recordedBy}</span>}
            </li>
          ))}
        </Block>
        <Block id="rising" title={t('shift.rising')} total={rising.count}>
          {rising.items.map((r) => (
            <li key={r.areaCode}>
              {r.areaName} · {t(`rising.${r.trend === 'rising_significant' ? 'significant' : 'rising'}`)}
              {r.pctChange !== null && <> {r.pctChange > 0 ? '+' : ''}{count(Math.round(r.pctChange), lang)}%</>}
            </li>
          ))}
        </Block>
        <Block id="overdue" title={t('shift.overdue')} total={overdue.count}>
          {overdue.items.map((o) => (
            <li key={`${o.kind}/${o.id}`}>
              {site(o.kind, o.subKind, o.name, o.townshipName)} · {t('shift.dueOn', { date: o.due })}
            </li>
          ))}
        </Block>
        <Block id="cases" title={t('shift.cases')} total={checkpointCases.cases}>
          {checkpointCases.items.map((c) => (
            <li key={`${c.id}/${c.day}`}>
              {c.name ?? t('shift.someCheckpoint', { kind: t(`shift.checkpointKinds.${c.kind}`, { defaultValue: c.kind }), place: c.countyName ?? '' })} · {c.day.slice(5)} ·{' '}
              {t('shift.caseCount', { count: c.cases })}
              {c.seizedKg > 0 && <> · {t('shift.seized', { kg: c.seizedKg })}</>}
            </li>
          ))}
        </Block>
        <Block id="flagged" title={t('shift.flagged')} total={flaggedCheckIns.count}>
          {flaggedCheckIns.items.map((f, i) => (
            <li key={i}>
              {site(f.kind, f.subKind, f.name, f.townshipName)} · {t('shift.distance', { m: f.distanceM })}
              {f.inspector && <span className="wall-shift-person"> · {f.inspector}</span>}
            </li>
          ))}
        </Block>
      </div>
    </div>
  );
}

/**
 * Details-panel section for a selected firm or venue: its opening hours, and a form to record what an inspection
 * found. Only for the roles that may record (inspector, office, admin); the server checks the same and the
 * jurisdiction, and names the field at fault when it refuses.
 *
 * Check-in: on saving, the phone's position is asked for (a few seconds at most) and sent with its accuracy, or
 * null when there is no fix — the inspection is saved either way. The form carries one client id until it is
 * saved: a retry after a lost answer is recorded once.
 */
import { DateInput } from '../console/DateInput';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { currentFix } from '../officer/geolocate';
import type { PluginContext } from '../plugins/registry';
import type { Selection } from '../url/viewHash';
import { postInspection, type CheckIn, type Outcome } from './api';
import { newClientId } from './clientId';
import { OpeningHoursSection } from './OpeningHoursSection';
import { afterInspection, chinaToday } from './state';

const RECORDERS = new Set(['inspector', 'office', 'admin']);

/** A fresh form for each selected target (no findings carried over from the previous one). */
export function InspectionForm({ ctx, selection }: { ctx: PluginContext; selection: Selection }) {
  const key = `${selection.layer}/${selection.id}`;
  return (
    <>
      <OpeningHoursSection key={`hours/${key}`} ctx={ctx} selection={selection} />
      <RecordForm key={key} ctx={ctx} selection={selection} />
    </>
  );
}

/** The phone's position for the check-in, or null when it has none within a few seconds (saved anyway). */
async function positionForCheckIn(): Promise<{ lon: number; lat: number; accuracy_m: number } | null> {
  try {
    const f = await currentFix();
    return { lon: f.lon, lat: f.lat, accuracy_m: Math.round(f.accuracy * 10) / 10 };
  } catch {
    return null;
  }
}

function checkInText(t: (k: string, o?: Record<string, unknown>) => string, c: CheckIn): string {
  if (c.positionStatus !== 'fix') return t('checkin.noFix');
  const distance = c.distanceM! >= 1000 ? t('checkin.km', { km: (c.distanceM! / 1000).toFixed(1) }) : t('checkin.m', { m: c.distanceM });
  return c.farFromSite ? t('checkin.far', { distance, limit: c.limitM }) : t('checkin.near', { distance, accuracy: Math.round(c.accuracyM ?? 0) });
}

function RecordForm({ ctx, selection }: { ctx: PluginContext; selection: Selection }) {
  const { t } = useTranslation('patrol');
  const [on, setOn] = useState(chinaToday());
  const [outcome, setOutcome] = useState<Outcome>('ok');
  const [findings, setFindings] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; checkIn?: string; far?: boolean } | null>(null);
  // One id per inspection: kept across retries of this form, renewed once it is saved.
  const [clientId, setClientId] = useState(newClientId);
  const kind = selection.layer === 'firms' ? 'firm' : selection.layer === 'venues' ? 'venue' : null;
  const id = Number(selection.id);
  if (!kind || !Number.isInteger(id) || !RECORDERS.has(ctx.user?.role ?? '')) return null;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const position = await positionForCheckIn();
      const r = await postInspection({ [kind === 'firm' ? 'firm_id' : 'venue_id']: id, inspected_on: on, outcome, findings, client_id: clientId, position });
      setResult({ ok: true, text: t(r.duplicate ? 'form.savedBefore' : 'form.saved', { date: r.target.nextDue }), checkIn: checkInText(t, r.checkIn), far: r.checkIn.farFromSite });
      setFindings('');
      setClientId(newClientId());
      afterInspection();
    } catch (err) {
      setResult({ ok: false, text: err instanceof ApiError ? t('form.refused', { detail: err.detail ?? err.title }) : t('form.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="patrol-form" aria-labelledby="patrol-form-title">
      <h3 id="patrol-form-title">{t('form.title')}</h3>
      <form onSubmit={submit}>
        <label>
          {t('form.date')} <DateInput value={on} max={chinaToday()} required onChange={(e) => setOn(e.target.value)} />
        </label>
        <fieldset className="patrol-outcomes">
          <legend>{t('form.outcome')}</legend>
          {(['ok', 'issues', 'violation'] as const).map((o) => (
            <label key={o}>
              <input type="radio" name="patrol-outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} /> {t(`outcome.${o}`)}
            </label>
          ))}
        </fieldset>
        <label className="patrol-findings">
          {t('form.findings')}
          <textarea rows={3} maxLength={4000} value={findings} required={outcome !== 'ok'} placeholder={outcome === 'ok' ? t('form.findingsOptional') : t('form.findingsNeeded')} onChange={(e) => setFindings(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t('form.saving') : t('form.save')}
        </button>
        {result && (
          <p className={result.ok ? 'patrol-saved' : 'patrol-error'} role={result.ok ? 'status' : 'alert'}>
            {result.text}
            {result.checkIn && (
              <span className={`patrol-checkin${result.far ? ' patrol-overdue' : ''}`} data-checkin={result.far ? 'far' : 'ok'}>
                {result.checkIn}
              </span>
            )}
          </p>
        )}
      </form>
    </section>
  );
}

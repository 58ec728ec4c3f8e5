/**
 * Details-panel section for a selected firm or venue: record what an inspection found. Only for the roles that
 * may record (inspector, office, admin); the server checks the same and the jurisdiction, and names the field at
 * fault when it refuses.
 */
import { DateInput } from '../console/DateInput';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { PluginContext } from '../plugins/registry';
import type { Selection } from '../url/viewHash';
import { postInspection, type Outcome } from './api';
import { afterInspection, chinaToday } from './state';

const RECORDERS = new Set(['inspector', 'office', 'admin']);

/** A fresh form for each selected target (no findings carried over from the previous one). */
export function InspectionForm({ ctx, selection }: { ctx: PluginContext; selection: Selection }) {
  return <RecordForm key={`${selection.layer}/${selection.id}`} ctx={ctx} selection={selection} />;
}

function RecordForm({ ctx, selection }: { ctx: PluginContext; selection: Selection }) {
  const { t } = useTranslation('patrol');
  const [on, setOn] = useState(chinaToday());
  const [outcome, setOutcome] = useState<Outcome>('ok');
  const [findings, setFindings] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const kind = selection.layer === 'firms' ? 'firm' : selection.layer === 'venues' ? 'venue' : null;
  const id = Number(selection.id);
  if (!kind || !Number.isInteger(id) || !RECORDERS.has(ctx.user?.role ?? '')) return null;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const r = await postInspection({ [kind === 'firm' ? 'firm_id' : 'venue_id']: id, inspected_on: on, outcome, findings });
      setResult({ ok: true, text: t('form.saved', { date: r.target.nextDue }) });
      setFindings('');
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
          </p>
        )}
      </form>
    </section>
  );
}

/**
 * Details-panel section of a firm or venue: its opening hours, which the patrol plan respects. Office staff and
 * admins edit them here (the server parses what they type, stores the canonical spelling and audits the change);
 * other roles read them.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { PluginContext } from '../plugins/registry';
import type { Selection } from '../url/viewHash';
import { putOpeningHours } from './api';
import { hoursLabel } from './hoursLabel';

const EDITORS = new Set(['office', 'admin']);

export function OpeningHoursSection({ ctx, selection }: { ctx: PluginContext; selection: Selection }) {
  const { t } = useTranslation('patrol');
  const kind = selection.layer === 'firms' ? 'firm' : selection.layer === 'venues' ? 'venue' : null;
  const id = Number(selection.id);
  const [hours, setHours] = useState<string | null | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!kind || !Number.isInteger(id)) return;
    const ac = new AbortController();
    api
      .get<{ openingHours: string | null }>(`/api/${selection.layer}/${id}`, ac.signal)
      .then((d) => {
        setHours(d.openingHours);
        setDraft(d.openingHours ?? '');
      })
      .catch(() => undefined);
    return () => ac.abort();
  }, [kind, id, selection.layer]);
  if (!kind || !Number.isInteger(id) || hours === undefined) return null;
  const editable = EDITORS.has(ctx.user?.role ?? '');

  const save = async (value: string | null) => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await putOpeningHours(kind, id, value);
      setHours(r.openingHours);
      setDraft(r.openingHours ?? '');
      setMessage({ ok: true, text: t('hours.saved') });
    } catch (e) {
      const rule = e instanceof ApiError ? (e.problem.rule as string | undefined) : undefined;
      const at = e instanceof ApiError ? String(e.problem.at ?? '') : '';
      setMessage({ ok: false, text: rule ? t(`hoursError.${rule}`, { at }) : t('hours.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="patrol-hours" aria-labelledby="patrol-hours-title">
      <h3 id="patrol-hours-title">{t('hours.title')}</h3>
      <p data-hours={hours ?? ''}>{hoursLabel(t, hours)}</p>
      {editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft.trim() || null);
          }}
        >
          <label className="patrol-findings">
            {t('hours.edit')}
            <input type="text" maxLength={200} value={draft} placeholder={t('hours.example')} onChange={(e) => setDraft(e.target.value)} />
          </label>
          <div className="patrol-row">
            <button type="submit" disabled={busy}>
              {t('hours.save')}
            </button>
            {hours && (
              <button type="button" disabled={busy} onClick={() => void save(null)}>
                {t('hours.clear')}
              </button>
            )}
          </div>
        </form>
      )}
      {message && (
        <p className={message.ok ? 'patrol-saved' : 'patrol-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

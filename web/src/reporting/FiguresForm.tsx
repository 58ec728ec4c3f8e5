/**
 * One grid's figures for the month, on a phone in the sun: seven whole numbers, last month beside each, checked
 * as they are typed (domain/figures, the same checks as the server), big-change warnings to confirm, a draft kept
 * on the phone (and the server when reachable), and submit — which goes through the outbox, so it works offline.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFigures, FIGURE_FIELDS, type DraftFigures, type FigureField, type FigureRefusal } from 'domain/figures';
import type { FormGrid } from './api';
import { readLocalDraft, saveDraft, submit } from './state';

const GROUPS: { key: string | null; fields: FigureField[] }[] = [
  { key: null, fields: ['registered', 'underControl'] },
  { key: 'riskGroup', fields: ['riskLow', 'riskMedium', 'riskHigh'] },
  { key: 'rehabGroup', fields: ['rehabDue', 'rehabDone'] },
];

type Texts = Record<FigureField, string>;

/** What was typed → what the checks see: '' is empty, a plain number is a number, anything else stays text. */
export function parseCount(text: string): number | string | null {
  const s = text.trim();
  if (s === '') return null;
  return /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
}

const textsOf = (f: DraftFigures | null | undefined): Texts =>
  Object.fromEntries(FIGURE_FIELDS.map((k) => [k, f?.[k] == null ? '' : String(f[k])])) as Texts;

export function FiguresForm({ grid, month }: { grid: FormGrid; month: string }) {
  const { t } = useTranslation('reporting');
  const [texts, setTexts] = useState<Texts>(() => textsOf(grid.draft?.figures ?? grid.figures));
  const [baseVersion, setBaseVersion] = useState(grid.draft?.baseVersion ?? grid.version);
  const [tried, setTried] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  /** The id of this form's content: pressing submit again sends the same id, so it is counted once. */
  const submissionId = useRef<string | null>(null);
  const root = useRef<HTMLFormElement>(null);

  // A draft kept on this phone is newer than the server's when it was saved offline.
  useEffect(() => {
    void readLocalDraft(grid.code, month).then((d) => {
      if (d && (!grid.draft || d.savedAt > grid.draft.savedAt)) {
        setTexts(textsOf(d.figures));
        setBaseVersion(d.baseVersion);
      }
    });
  }, [grid.code, grid.draft, month]);

  const input = useMemo(() => Object.fromEntries(FIGURE_FIELDS.map((k) => [k, parseCount(texts[k])])), [texts]);
  const check = useMemo(() => checkFigures(input, { population: grid.population, previous: grid.previous }), [input, grid.population, grid.previous]);
  const refusals: FigureRefusal[] = check.ok ? [] : check.refusals;
  // Before the first submit, only say what is wrong with what was typed, not that the rest is still empty.
  const shown = tried ? refusals : refusals.filter((r) => r.rule !== 'required' && (r.rule !== 'riskSum' || FIGURE_FIELDS.every((k) => texts[k] !== '')));

  const change = (k: FigureField, v: string) => {
    setTexts((x) => ({ ...x, [k]: v }));
    submissionId.current = null;
    setConfirmed(false);
    setNote(null);
  };

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!check.ok) {
      setNote(t('fixFirst', { count: check.refusals.length }));
      root.current?.querySelector<HTMLInputElement>(`[name="${check.refusals[0]!.field}"]`)?.focus();
      return;
    }
    if (check.warnings.length && !confirmed) {
      setNote(t('confirmFirst'));
      return;
    }
    setNote(null);
    submissionId.current ??= crypto.randomUUID();
    await submit({ submissionId: submissionId.current, gridCode: grid.code, month, baseVersion, figures: check.figures, confirmWarnings: check.warnings.length > 0 });
  };

  const onDraft = async () => {
    const figures = Object.fromEntries(FIGURE_FIELDS.map((k) => [k, typeof input[k] === 'number' ? input[k] : null])) as DraftFigures;
    const where = await saveDraft(grid.code, month, baseVersion, figures);
    setNote(where === 'server' ? t('draftSavedServer') : t('draftSavedPhone'));
  };

  return (
    <form className="figures-form" ref={root} onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('title', { month })} data-grid={grid.code}>
      {GROUPS.map((group) => (
        <fieldset key={group.key ?? 'main'} className="figures-group">
          {group.key && <legend>{t(group.key)}</legend>}
          {group.fields.map((k) => {
            const errs = shown.filter((r) => r.field === k);
            const warn = check.warnings.find((w) => w.field === k);
            const id = `fig-${grid.code}-${k}`;
            return (
              <div className="figures-field" key={k}>
                <label htmlFor={id}>{t(`field.${k}`)}</label>
                <input
                  id={id}
                  name={k}
                  inputMode="numeric"
                  autoComplete="off"
                  value={texts[k]}
                  onChange={(e) => change(k, e.target.value)}
                  aria-invalid={errs.length > 0}
                  aria-describedby={`${id}-help`}
                />
                <span id={`${id}-help`} className="figures-help">
                  {grid.previous ? t('lastMonth', { value: grid.previous[k] }) : t('lastMonthNone')}
                  {errs.map((r) => (
                    <span key={r.rule} className="figures-error" role="alert" data-rule={r.rule}>
                      ✖ {t(`refusal.${r.rule}`, { ...r.values, field: t(`field.${k}`) })}
                    </span>
                  ))}
                  {warn && !errs.length && (
                    <span className="figures-warning" data-rule="jump">
                      ⚠ {t('warning.jump', { ...warn.values, change: warn.values.change > 0 ? `+${warn.values.change}` : warn.values.change, field: t(`field.${k}`) })}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </fieldset>
      ))}
      {check.ok && check.warnings.length > 0 && (
        <label className="figures-confirm">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          {t('confirmWarnings')}
        </label>
      )}
      {note && (
        <p className="figures-note" role="status">
          {note}
        </p>
      )}
      <div className="figures-actions">
        <button type="button" className="officer-secondary" onClick={() => void onDraft()}>
          {t('saveDraft')}
        </button>
        <button type="submit" className="figures-submit">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}

/** The details panel's "why is this colour?" for a selected county, township or village (opened on request). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluginContext } from '../plugins/registry';
import type { Selection } from '../url/viewHash';
import { getSubstance } from '../wastewater/state';
import { useEvidence, WhyColour } from './WhyColour';

const AREA_LAYERS = new Set(['counties', 'townships', 'villages']);

export function EvidenceSection({ selection }: { ctx: PluginContext; selection: Selection }) {
  const { t } = useTranslation('evidence');
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [selection.layer, selection.id]); // each area's evidence is asked for anew
  const isArea = AREA_LAYERS.has(selection.layer) && /^\d{12}$/.test(selection.id);
  const asOf = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('as_of');
  const ev = useEvidence(isArea && open ? selection.id : null, getSubstance(), asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null);
  if (!isArea) return null;
  return (
    <section className="why-section" aria-labelledby="why-title">
      <button type="button" className="why-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)} id="why-title">
        {t('button')}
      </button>
      {open && !ev && <p className="muted">{t('loading')}</p>}
      {open && ev?.error && !ev.data && <p className="muted">{t('error')}</p>}
      {open && ev?.data && <WhyColour evidence={ev.data} />}
    </section>
  );
}

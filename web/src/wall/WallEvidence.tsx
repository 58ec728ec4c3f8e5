/**
 * "Why is this colour?" on the wall: during the drug-signal view, the evidence for one featured township — the
 * divergent ones first (drug signal up, enforcement down), then the significantly rising ones — in the wall's large
 * type: its listing colour and events, its trend with the test's p-value, censored share, plants and panel changes,
 * enforcement, and what would change the colours. The featured area moves on with each turn of the rotation.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { i18n } from '../i18n';
import zh from '../evidence/i18n/zh-CN.json';
import { useEvidence, WhyColour } from '../evidence/WhyColour';
import '../evidence/evidence.css';

interface Candidate {
  areaCode: string;
  areaName: string;
}

function ensureMessages(): void {
  if (i18n.hasResourceBundle('zh-CN', 'evidence')) return;
  i18n.addResourceBundle('zh-CN', 'evidence', zh, true, true);
}

/** Divergent townships first, then significantly rising ones (each once). */
export function featured(divergent: readonly Candidate[], rising: readonly (Candidate & { trend: string })[]): Candidate[] {
  const out: Candidate[] = [...divergent];
  for (const r of rising) if (r.trend === 'rising_significant' && !out.some((c) => c.areaCode === r.areaCode)) out.push(r);
  return out;
}

export function WallEvidence({ turn, refreshKey }: { turn: number; refreshKey: unknown }) {
  ensureMessages();
  const { t } = useTranslation('wall');
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  useEffect(() => {
    const ac = new AbortController();
    Promise.all([
      api.get<{ signals: Candidate[] }>('/api/wastewater/divergent?level=township&limit=5', ac.signal),
      api.get<{ signals: (Candidate & { trend: string })[] }>('/api/wastewater/rising?level=township&substance=index&limit=5', ac.signal),
    ])
      .then(([d, r]) => setCandidates(featured(d.signals, r.signals)))
      .catch(() => undefined); // keep the last ones on screen
    return () => ac.abort();
  }, [refreshKey]);
  const area = candidates.length ? candidates[turn % candidates.length]! : null;
  const ev = useEvidence(area?.areaCode ?? null, 'index', null, refreshKey);
  if (!area || !ev?.data) return null;
  return (
    <section className="wall-evidence" aria-label={t('evidence.title', { name: area.areaName })} data-area={area.areaCode}>
      <h2>{t('evidence.title', { name: area.areaName })}</h2>
      <WhyColour evidence={ev.data} compact />
    </section>
  );
}

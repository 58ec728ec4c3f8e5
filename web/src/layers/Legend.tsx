/**
 * The legend, generated from the catalogue's legend entries, which the server derives from the same layer
 * definitions that paint the style: one source of truth, nothing restated here.
 */
import { useTranslation } from 'react-i18next';
import type { CatalogueLayer, Lang, LegendEntry } from '../api/types';
import { pick } from '../i18n';
import type { LayerState } from '../map/styleControl';

export function Swatch({ entry }: { entry?: LegendEntry }) {
  if (!entry) return <span className="swatch" aria-hidden="true" />;
  return (
    <svg className="swatch" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      {entry.shape === 'circle' && <circle cx="10" cy="10" r="6" fill={entry.color} stroke="#1a1a1a" strokeWidth="1.5" />}
      {entry.shape === 'line' && (
        <path d="M2 14 L18 6" stroke={entry.color} strokeWidth="4" strokeLinecap={entry.dash ? 'butt' : 'round'} strokeDasharray={entry.dash?.map((d) => d * 4).join(' ')} />
      )}
      {entry.shape === 'fill' && <rect x="2" y="3" width="16" height="14" rx="2" fill={entry.color} stroke="#37474F" strokeWidth="1.5" />}
    </svg>
  );
}

/** A layer's colours at a glance in the layer list: its legend entries side by side (at most five). */
export function LegendStrip({ entries }: { entries?: LegendEntry[] }) {
  if (!entries?.length) return <span className="swatch" aria-hidden="true" />;
  if (entries.length === 1) return <Swatch entry={entries[0]} />;
  const shown = entries.slice(0, 5);
  const w = 20 / shown.length;
  return (
    <svg className="swatch" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      {shown.map((e, i) => (
        <rect key={i} x={i * w} y="3" width={w} height="14" fill={e.color} />
      ))}
      <rect x="0.75" y="3" width="18.5" height="14" fill="none" stroke="#37474F" strokeWidth="1.5" rx="2" />
    </svg>
  );
}

export function Legend({ lang, catalogue, layerStates }: { lang: Lang; catalogue: CatalogueLayer[]; layerStates: Record<string, LayerState> }) {
  const { t } = useTranslation();
  const shown = catalogue.filter((l) => layerStates[l.id]?.visible && l.legend?.length);
  return (
    <div className="legend">
      {shown.map((l) => (
        <section key={l.id} data-legend={l.id}>
          <h2>{pick(l.title, lang)}</h2>
          <ul>
            {l.legend!.map((e, i) => (
              <li key={i}>
                <Swatch entry={e} />
                <span>{pick(e.label, lang)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {shown.length === 0 && <p className="muted">{t('panel.legendEmpty')}</p>}
    </div>
  );
}

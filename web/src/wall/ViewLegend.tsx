/** A one-line legend for the view on screen, from the same sources as the console's: the catalogue and the wastewater palette. */
import { useTranslation } from 'react-i18next';
import type { CatalogueLayer, Lang } from '../api/types';
import { pick } from '../i18n';
import { TREND_COLORS, TRENDS } from '../wastewater/palette';
import type { WallViewId } from './views';

export function ViewLegend({ view, catalogue, lang }: { view: WallViewId; catalogue: CatalogueLayer[]; lang: Lang }) {
  const { t } = useTranslation('wall');
  const { t: tw } = useTranslation('wastewater');
  const fromCatalogue = (layer: string) =>
    (catalogue.find((l) => l.id === layer)?.legend ?? [])
      .filter((e) => e.shape !== 'line' && e.color.toUpperCase() !== '#FFFFFF')
      .map((e) => ({ color: e.color, label: pick(e.label, lang) }));
  const entries =
    view === 'signals' ? TRENDS.map((tr) => ({ color: TREND_COLORS[tr], label: tw(`trend.${tr}`) })) : fromCatalogue(view === 'listing' ? 'counties' : 'checkpoints');
  return (
    <div className="wall-legend">
      <ul>
        {entries.map((e) => (
          <li key={e.label}>
            <i className={`wall-swatch${view === 'checkpoints' ? ' round' : ''}`} style={{ background: e.color }} aria-hidden="true" />
            {e.label}
          </li>
        ))}
      </ul>
      <p>{t(`legend.${view}`)}</p>
    </div>
  );
}

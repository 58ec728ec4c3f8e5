/**
 * A one-line legend for the view on screen: the colour classes the view paints, from the layer definitions (the
 * catalogue's legends and the `signals` theme), as the console's legends are.
 */
import { useTranslation } from 'react-i18next';
import type { CatalogueLayer, Lang, LegendEntry } from '../api/types';
import { pick } from '../i18n';
import { themeLegend } from '../map/themes';
import type { WallViewId } from './views';

/** The view's legend: its colour classes and the outlines only its mode draws (no fallback), to fit across the wall. */
export function viewLegend(view: WallViewId, catalogue: readonly CatalogueLayer[]): LegendEntry[] {
  const entries =
    view === 'signals' ? themeLegend(catalogue, 'signals') : (catalogue.find((l) => l.id === (view === 'listing' || view === 'shift' ? 'counties' : 'checkpoints'))?.legend ?? []);
  return entries.filter((e) => e.kind === 'class' || (view === 'signals' && e.kind === 'overlay'));
}

export function ViewLegend({ view, catalogue, lang }: { view: WallViewId; catalogue: CatalogueLayer[]; lang: Lang }) {
  const { t } = useTranslation('wall');
  return (
    <div className="wall-legend">
      <ul>
        {viewLegend(view, catalogue).map((e) => (
          <li key={`${e.kind}/${String(e.property)}/${String(e.value)}`}>
            {e.kind === 'overlay' ? (
              <i className="wall-swatch outline" style={{ borderColor: e.color }} aria-hidden="true" />
            ) : (
              <i className={`wall-swatch${view === 'checkpoints' ? ' round' : ''}`} style={{ background: e.color }} aria-hidden="true" />
            )}
            {pick(e.label, lang)}
          </li>
        ))}
      </ul>
      <p>{t(`legend.${view}`)}</p>
    </div>
  );
}

/**
 * Details of the selected feature: an area's parent chain, population, listing and signal; a firm's category,
 * licence and last inspection; a checkpoint's last 30 days; otherwise the feature's catalogue fields. Plug-ins add
 * sections below (e.g. a wastewater site's loads).
 */
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueLayer, Lang } from '../api/types';
import { pick } from '../i18n';
import type { Selection } from '../url/viewHash';
import type { ConsolePlugin, PluginContext } from '../plugins/registry';
import { AreaDetails } from './AreaDetails';
import { CheckpointDetails, FirmDetails, VenueDetails } from './SiteDetails';
import { read } from './read';

interface Props {
  lang: Lang;
  catalogue: CatalogueLayer[];
  selection: Selection | null;
  properties: Record<string, unknown> | null;
  onClose: () => void;
  onZoomTo: (bbox: [number, number, number, number]) => void;
  pluginContexts: { plugin: ConsolePlugin; ctx: PluginContext }[];
}

const AREA_LAYERS = new Set(['counties', 'townships', 'villages']);

export function DetailsPanel({ lang, catalogue, selection, properties, onClose, pluginContexts }: Props) {
  const { t } = useTranslation();
  const [loadedName, setLoadedName] = useState<string | null>(null);
  const key = selection ? `${selection.layer}:${selection.id}` : '';
  useEffect(() => setLoadedName(null), [key]);
  const onName = useCallback((n: string | undefined) => {
    if (n) setLoadedName(n);
  }, []);
  if (!selection) return <p className="muted details-empty">{t('details.empty')}</p>;
  const layer = catalogue.find((l) => l.id === selection.layer);
  const name = read<string>(properties, 'name') ?? loadedName;
  return (
    <article className="details" aria-labelledby="details-title" data-selection={`${selection.layer}:${selection.id}`}>
      <header className="details-head">
        <div>
          <p className="kind muted">{layer ? pick(layer.title, lang) : selection.layer}</p>
          <h2 id="details-title">{name ?? selection.id}</h2>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('details.close')} title={t('details.close')}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2.5" />
          </svg>
        </button>
      </header>
      {AREA_LAYERS.has(selection.layer) && <AreaDetails code={selection.id} lang={lang} onName={onName} />}
      {selection.layer === 'firms' && <FirmDetails id={selection.id} lang={lang} onName={onName} />}
      {selection.layer === 'venues' && <VenueDetails id={selection.id} lang={lang} onName={onName} />}
      {selection.layer === 'checkpoints' && <CheckpointDetails id={selection.id} lang={lang} onName={onName} />}
      {!AREA_LAYERS.has(selection.layer) && <FieldTable layer={layer} properties={properties} lang={lang} />}
      {pluginContexts.map(({ plugin, ctx }) => {
        const Section = plugin.DetailSection;
        return Section ? (
          <Suspense key={plugin.id} fallback={null}>
            <Section ctx={ctx} selection={selection} />
          </Suspense>
        ) : null;
      })}
    </article>
  );
}

interface Field {
  name: string;
  type?: string;
  title?: { zh: string; en: string };
}

/** The feature's properties that the catalogue names (so that every label is translated). */
function FieldTable({ layer, properties, lang }: { layer?: CatalogueLayer; properties: Record<string, unknown> | null; lang: Lang }) {
  const { t } = useTranslation();
  const fields = (Array.isArray(layer?.fields) ? (layer!.fields as Field[]) : []).filter((f) => f.title && f.name !== 'name');
  if (!properties || fields.length === 0) return null;
  const rows = fields.filter((f) => properties[f.name] !== undefined && properties[f.name] !== null && properties[f.name] !== '');
  if (!rows.length) return null;
  const show = (f: Field, v: unknown) => {
    if (typeof v === 'boolean' || v === 'true' || v === 'false') return v === true || v === 'true' ? t('details.yes') : t('details.no');
    const legend = layer?.filters?.find((x) => x.property === f.name)?.values.find((x) => String(x.value) === String(v));
    if (legend) return pick(legend.label, lang);
    return String(v);
  };
  return (
    <section>
      <h3>{t('details.properties')}</h3>
      <dl className="facts">
        {rows.map((f) => (
          <div key={f.name}>
            <dt>{pick(f.title, lang)}</dt>
            <dd>{show(f, properties[f.name])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

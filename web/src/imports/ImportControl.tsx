/**
 * The side-panel box: "import data" and "import lab results" (office/admin) opening their lazily loaded pages (one at
 * a time: both are the panel beside the map), and export links per layer.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../i18n';
import type { PluginContext } from '../plugins/registry';

const ImportPage = lazy(() => import('./ImportPage'));
const LabImportPage = lazy(() => import('./LabImportPage'));

const EXPORT_FORMATS = [
  ['geojson', 'GeoJSON'],
  ['csv', 'CSV'],
  ['shp.zip', 'Shapefile'],
] as const;
const EXPORT_DATUMS = ['wgs84', 'gcj02', 'bd09', 'EPSG:4526'] as const;

export function ImportControl({ ctx }: { ctx: PluginContext }) {
  const { t } = useTranslation('imports');
  const [open, setOpen] = useState<'layers' | 'lab' | null>(null);
  const [layer, setLayer] = useState('villages');
  const [datum, setDatum] = useState<string>('wgs84');
  const role = ctx.user?.role;
  const mayImport = role === 'office' || role === 'admin';
  // The wall display and the grid officer's phone panel stay as they are: exports are desk work.
  if (!role || role === 'wall' || role === 'grid_officer') return null;
  const qs = datum === 'wgs84' ? '' : `?datum=${encodeURIComponent(datum)}`;

  return (
    <section className="imp-control" aria-labelledby="imp-control-title">
      <h2 id="imp-control-title">{t('control.title')}</h2>
      {mayImport && (
        <p className="imp-export-links">
          <button type="button" className="primary" onClick={() => setOpen('layers')} aria-haspopup="dialog" data-testid="import-open">
            {t('control.open')}
          </button>
          <button type="button" onClick={() => setOpen('lab')} aria-haspopup="dialog" data-testid="lab-import-open">
            {t('control.openLab')}
          </button>
        </p>
      )}
      <details className="imp-export">
        <summary>{t('export.title')}</summary>
        <label>
          {t('export.layer')}
          <select value={layer} onChange={(e) => setLayer(e.target.value)}>
            {ctx.catalogue.map((l) => (
              <option key={l.id} value={l.id}>
                {pick(l.title, ctx.lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('export.datum')}
          <select value={datum} onChange={(e) => setDatum(e.target.value)}>
            {EXPORT_DATUMS.map((d) => (
              <option key={d} value={d}>
                {t(`export.datums.${d.replace(':', '_')}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="imp-export-links">
          {EXPORT_FORMATS.map(([ext, label]) => (
            <a key={ext} className="button" href={`/api/exports/${layer}.${ext}${qs}`} download>
              {label}
            </a>
          ))}
        </p>
      </details>
      {open && (
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>
          {open === 'layers' ? <ImportPage ctx={ctx} onClose={() => setOpen(null)} /> : <LabImportPage ctx={ctx} onClose={() => setOpen(null)} />}
        </Suspense>
      )}
    </section>
  );
}

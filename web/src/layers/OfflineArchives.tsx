/** Layer panel control: open local .pmtiles archives (exported by the console) and show them on the map. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../api/types';
import { pick } from '../i18n';
import type { OfflineArchive } from './offlineArchive';

/** The PMTiles reader is loaded when an archive is opened, not with the page. */
const archives = () => import('./offlineArchive');

export function OfflineArchives({ map, lang }: { map: MapLibreMap | null; lang: Lang }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<OfflineArchive[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="layer-group offline-archives" aria-labelledby="group-offline">
      <h2 id="group-offline">{t('panel.offline.title')}</h2>
      <label className="file-open">
        <span>{t('panel.offline.open')}</span>
        <input
          type="file"
          accept=".pmtiles"
          disabled={!map}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file || !map) return;
            setError(null);
            try {
              const a = await (await archives()).openOfflineArchive(map, file);
              setOpen((xs) => [...xs, a]);
            } catch (err) {
              setError(t('panel.offline.error', { message: (err as Error).message }));
            }
          }}
        />
      </label>
      {error && <p className="hint error" role="alert">{error}</p>}
      <ul>
        {open.map((a) => (
          <li key={a.sourceId} className="offline-archive" data-source={a.sourceId}>
            <span className="layer-title">{a.name}</span>
            <span className="muted"> {Object.values(a.titles).map((x) => pick(x, lang)).join('、')}</span>
            <button
              type="button"
              className="link"
              onClick={() => {
                if (map) void archives().then((m) => m.closeOfflineArchive(map, a));
                setOpen((xs) => xs.filter((x) => x !== a));
              }}
            >
              {t('panel.offline.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

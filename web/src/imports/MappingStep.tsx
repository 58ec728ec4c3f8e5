/** Column mapping: one select per field (required ones marked), geometry columns for tables, the first rows. */
import { useTranslation } from 'react-i18next';
import { pick } from '../i18n';
import type { Lang } from '../api/types';
import type { FileSample, ImportLayer, Mapping } from './api';

interface Props {
  layer: ImportLayer;
  sample: FileSample;
  mapping: Mapping;
  setMapping: (m: Mapping) => void;
  lang: Lang;
}

const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function MappingStep({ layer, sample, mapping, setMapping, lang }: Props) {
  const { t } = useTranslation('imports');
  const none = <option value="">{t('mapping.none')}</option>;
  const columnSelect = (id: string, value: string | null | undefined, onChange: (v: string | null) => void) => (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      {none}
      {sample.columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
  const mapped = new Set([...Object.values(mapping.fields), mapping.lon, mapping.lat, mapping.wkt].filter(Boolean));

  return (
    <div className="imp-mapping">
      <table className="imp-fields">
        <caption>{t('mapping.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mapping.field')}</th>
            <th scope="col">{t('mapping.column')}</th>
          </tr>
        </thead>
        <tbody>
          {layer.fields.map((f) => (
            <tr key={f.name}>
              <th scope="row">
                <label htmlFor={`imp-map-${f.name}`}>
                  {pick(f.title, lang)}
                  {f.required && <abbr title={t('mapping.required')}> *</abbr>}
                </label>
                <span className="muted mono"> {f.name}</span>
              </th>
              <td>{columnSelect(`imp-map-${f.name}`, mapping.fields[f.name], (v) => setMapping({ ...mapping, fields: { ...mapping.fields, [f.name]: v } }))}</td>
            </tr>
          ))}
          {!sample.hasGeometry &&
            (['lon', 'lat', 'wkt'] as const).map((g) => (
              <tr key={g}>
                <th scope="row">
                  <label htmlFor={`imp-map-${g}`}>{t(`mapping.${g}`)}</label>
                </th>
                <td>{columnSelect(`imp-map-${g}`, mapping[g], (v) => setMapping({ ...mapping, [g]: v }))}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <div className="imp-rows">
        <table>
          <caption>{t('mapping.rows', { n: sample.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {sample.columns.map((c) => (
                <th key={c} scope="col" className={mapped.has(c) ? 'imp-mapped' : undefined}>
                  {c}
                </th>
              ))}
              {sample.hasGeometry && <th scope="col">{t('mapping.geometry')}</th>}
            </tr>
          </thead>
          <tbody>
            {sample.rows.map((r) => (
              <tr key={r.index}>
                <td className="mono">{r.index}</td>
                {sample.columns.map((c) => (
                  <td key={c}>{cell(r.properties[c])}</td>
                ))}
                {sample.hasGeometry && <td>{r.geometryType ?? '—'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

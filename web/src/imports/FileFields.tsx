/** The file and text-encoding inputs both import pages start with (labelled, so screen readers name them). */
import { useTranslation } from 'react-i18next';

export function FileField({ label, accept, testId, onChange }: { label: string; accept: string; testId: string; onChange: (f: File | null) => void }) {
  return (
    <label>
      {label}
      <input type="file" accept={accept} data-testid={testId} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
    </label>
  );
}

/** '' = let the server detect it; GBK is what Excel on a Chinese Windows saves CSV in. */
export function EncodingField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('imports');
  return (
    <label>
      {t('encoding')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('encodingAuto')}</option>
        <option value="utf-8">UTF-8</option>
        <option value="gbk">GBK / GB18030</option>
      </select>
    </label>
  );
}

/** The jurisdiction as an area: type its code, or find it by name among the areas of your own jurisdiction. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchAreas } from './api';

type Found = Awaited<ReturnType<typeof searchAreas>>[number];

export function AreaPicker({ code, onChange }: { code: string; onChange: (code: string) => void }) {
  const { t } = useTranslation('admin');
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [chosen, setChosen] = useState<Found | null>(null);

  const find = () => {
    if (text.trim()) void searchAreas(text.trim()).then(setFound).catch(() => setFound([]));
  };

  return (
    <div className="admin-area">
      <label>
        {t('editor.areaCode')}
        <input name="jurisdiction_code" required inputMode="numeric" pattern="[1-9][0-9]{1,11}" value={code} onChange={(e) => onChange(e.target.value)} aria-describedby="area-hint" />
        <small id="area-hint" className="muted">{t('editor.areaHint')}</small>
      </label>
      <div className="admin-area-find">
        <input
          type="search"
          aria-label={t('editor.findArea')}
          placeholder={t('editor.findArea')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              find();
            }
          }}
        />
        <button type="button" onClick={find}>
          {t('editor.findAreaButton')}
        </button>
      </div>
      {found && found.length > 0 && (
        <ul className="admin-area-results">
          {found.map((a) => (
            <li key={a.code}>
              <button
                type="button"
                onClick={() => {
                  onChange(a.code!);
                  setChosen(a);
                  setFound(null);
                }}
              >
                {a.name}
                {a.parentName ? <span className="muted"> · {a.parentName}</span> : null} <span className="muted">{a.code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && chosen.code === code && <p className="muted">{t('editor.chosen', { name: chosen.name, code: chosen.code })}</p>}
    </div>
  );
}

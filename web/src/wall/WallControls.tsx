/**
 * The wall's own controls, for whoever stands at it (a mouse or a touch frame): visitor mode on and off, and how
 * far back the shift-change view looks. Small and in a corner: the wall is watched, not used.
 */
import { useTranslation } from 'react-i18next';
import { SHIFT_HOURS, type ShiftHours, type WallPrefs } from './shift';

export function WallControls({ prefs, onChange }: { prefs: WallPrefs; onChange: (p: WallPrefs) => void }) {
  const { t } = useTranslation('wall');
  return (
    <div className="wall-controls" role="group" aria-label={t('controls.label')}>
      <button type="button" className="wall-visitor" aria-pressed={prefs.visitor} onClick={() => onChange({ ...prefs, visitor: !prefs.visitor })}>
        {prefs.visitor ? t('controls.visitorOn') : t('controls.visitorOff')}
      </button>
      <label>
        {t('controls.shift')}{' '}
        <select className="wall-shift-hours" value={prefs.shiftHours} onChange={(e) => onChange({ ...prefs, shiftHours: Number(e.target.value) as ShiftHours })}>
          {SHIFT_HOURS.map((h) => (
            <option key={h} value={h}>
              {t('controls.hours', { count: h })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

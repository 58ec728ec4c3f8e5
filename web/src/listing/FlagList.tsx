/** The attention flags of a listing, as short labelled badges (text, not colour alone). */
import { useTranslation } from 'react-i18next';
import type { Listing } from './api';

export function FlagList({ listing }: { listing: Listing }) {
  const { t } = useTranslation('listing');
  const f = listing.flags;
  const flags = [
    f.assessmentOverdue && 'assessmentOverdue',
    f.continuing ? 'continuing' : f.termExpired && 'termExpired',
    listing.status !== 'delisted' && f.extensionUsedUp && 'extensionUsedUp',
  ].filter(Boolean) as string[];
  if (!flags.length) return null;
  return (
    <ul className="listing-flags">
      {flags.map((k) => (
        <li key={k} className={`listing-flag listing-flag-${k}`}>
          {t(`flag.${k}`)}
        </li>
      ))}
    </ul>
  );
}

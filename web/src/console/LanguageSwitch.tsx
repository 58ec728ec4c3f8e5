import { useTranslation } from 'react-i18next';
import type { Lang } from '../api/types';
import { LANGS } from '../i18n';

/** Two buttons rather than a select: one tap on a phone, and each names its language in that language. */
export function LanguageSwitch({ lang, setLang }: { lang: Lang; setLang: (l: Lang) => void }) {
  const { t } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} data-lang={l} onClick={() => setLang(l)}>
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, SearchResult, SessionUser } from '../api/types';
import { SearchBox } from '../search/SearchBox';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  user: SessionUser;
  lang: Lang;
  setLang: (l: Lang) => void;
  onLogout: () => void;
  onChoose: (r: SearchResult) => void;
  onLocate: () => void;
  /** Opens the administration (users, audit log); given for administrators only. */
  onAdmin?: () => void;
}

export function Header({ user, lang, setLang, onLogout, onChoose, onLocate, onAdmin }: Props) {
  const { t } = useTranslation();
  return (
    <header className="header">
      <h1 className="brand">
        <span className="brand-long">{t('app.title')}</span>
        <span className="brand-short">{t('app.short')}</span>
      </h1>
      <SearchBox onChoose={onChoose} />
      <div className="header-tools">
        <button type="button" className="icon-button" onClick={onLocate} aria-label={t('header.locate')} title={t('header.locate')}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <circle cx="12" cy="12" r="4" fill="currentColor" />
            <path d="M12 2v4M12 18v4M2 12h4M18 12h4" stroke="currentColor" strokeWidth="2" />
            <circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        </button>
        <LanguageSwitch lang={lang} setLang={setLang} />
        <UserMenu user={user} onLogout={onLogout} onAdmin={onAdmin} />
      </div>
    </header>
  );
}

function UserMenu({ user, onLogout, onAdmin }: { user: SessionUser; onLogout: () => void; onAdmin?: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const name = user.displayName || user.username;
  return (
    <div className="user-menu" ref={ref}>
      {/* The spoken name begins with the name on screen (WCAG 2.5.3, label in name), then says what the button opens. */}
      <button type="button" className="user-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true" className="avatar">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-name">{name}</span>
        <span className="visually-hidden"> {t('header.userMenu')}</span>
      </button>
      {open && (
        <div role="menu" className="menu">
          <p className="muted">{t('header.signedInAs', { name })}</p>
          <p className="muted">{t(`login.roles.${user.role}`, { defaultValue: user.role })}</p>
          {onAdmin && (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                onAdmin();
              }}
            >
              {t('header.admin')}
            </button>
          )}
          <button type="button" role="menuitem" onClick={onLogout}>
            {t('header.logout')}
          </button>
        </div>
      )}
    </div>
  );
}

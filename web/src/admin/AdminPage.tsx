/**
 * Administration (administrators only): users and the audit log, over the map as a full-window dialog. Loaded
 * lazily (React.lazy in the console), so nobody else downloads it. Its messages are the 'admin' namespace.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { AuditPanel } from './AuditPanel';
import { UsersPanel } from './UsersPanel';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';
import './admin.css';

i18n.addResourceBundle('zh-CN', 'admin', zh, true, true);
i18n.addResourceBundle('en', 'admin', en, true, true);

type Tab = 'users' | 'audit';
const TABS: Tab[] = ['users', 'audit'];

export default function AdminPage({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('admin');
  const [tab, setTab] = useState<Tab>('users');
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !(e.target instanceof HTMLInputElement) && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  // Arrow keys move between the tabs (WAI-ARIA tabs pattern).
  const onTabKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    document.getElementById(`admin-tab-${next}`)?.focus();
  };

  return (
    <div className="admin" role="dialog" aria-modal="true" aria-labelledby="admin-title">
      <header className="admin-header">
        <h1 id="admin-title" ref={title} tabIndex={-1}>
          {t('title')}
        </h1>
        <div role="tablist" aria-label={t('title')} onKeyDown={onTabKey}>
          {TABS.map((id) => (
            <button key={id} id={`admin-tab-${id}`} type="button" role="tab" aria-selected={tab === id} aria-controls={`admin-panel-${id}`} tabIndex={tab === id ? 0 : -1} onClick={() => setTab(id)}>
              {t(`tabs.${id}`)}
            </button>
          ))}
        </div>
        <button type="button" className="admin-close" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      <section id={`admin-panel-${tab}`} role="tabpanel" aria-labelledby={`admin-tab-${tab}`} className="admin-body">
        {tab === 'users' ? <UsersPanel /> : <AuditPanel />}
      </section>
    </div>
  );
}

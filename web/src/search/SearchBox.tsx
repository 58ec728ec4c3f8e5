/**
 * Search over /api/search as an ARIA combobox: type, arrow through the results, Enter to fly there.
 * Requests are debounced and the stale one cancelled, so a slow answer never replaces a newer one.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { SearchResult } from '../api/types';

export function SearchBox({ onChoose }: { onChoose: (r: SearchResult) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setResults(null);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setBusy(true);
      api
        .get<SearchResult[] | { results: SearchResult[] }>(`/api/search?q=${encodeURIComponent(text)}&limit=12`, ctrl.signal)
        .then((r) => {
          setResults(Array.isArray(r) ? r : r.results);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => undefined)
        .finally(() => setBusy(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);

  function choose(r: SearchResult) {
    setOpen(false);
    setQ(r.name);
    onChoose(r);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (!results?.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % results.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a <= 0 ? results.length - 1 : a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(results[Math.max(active, 0)]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  const showList = open && results !== null;
  return (
    <div className="search" role="search">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {t('header.searchLabel')}
      </label>
      <input
        id={`${listId}-input`}
        ref={inputRef}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={t('header.search')}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {showList && (
        <ul id={listId} role="listbox" className="search-results" aria-label={t('header.searchLabel')}>
          {results!.length === 0 && <li className="muted">{busy ? t('header.searching') : t('header.noResults')}</li>}
          {results!.map((r, i) => (
            <li
              key={`${r.kind}-${r.code ?? r.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(r)}
            >
              <span className="result-name">{r.name}</span>
              <span className="result-kind">{t(`kinds.${r.level ?? r.kind}`, { defaultValue: r.kind })}</span>
              {r.parentName && <span className="result-parent muted">{r.parentName}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

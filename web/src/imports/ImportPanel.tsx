/**
 * The frame both import pages share: a panel beside the map (not a modal, so the map stays in view) whose heading
 * takes the focus when it opens and which Escape closes; and the hooks their flows share.
 */
import { useCallback, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  titleId: string;
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}

export function ImportPanel({ titleId, title, testId, onClose, children }: Props) {
  const { t } = useTranslation('imports');
  const heading = useRef<HTMLHeadingElement>(null);
  // The parent passes a new onClose on every render; the listener below must not be re-attached for it.
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close.current();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="imp-page" role="dialog" aria-modal="false" aria-labelledby={titleId} data-testid={testId}>
      <header>
        <h2 id={titleId} tabIndex={-1} ref={heading}>{title}</h2>
        <button type="button" onClick={onClose}>{t('close')}</button>
      </header>
      {children}
    </div>
  );
}

/**
 * The signal that stops this mount's polling when the page closes. One controller per mount, made in the effect: a
 * remount (StrictMode's rehearsal, a reopened panel) must not poll with the signal its previous mount aborted.
 */
export function useMountSignal(): () => AbortSignal {
  const abort = useRef(new AbortController());
  useEffect(() => {
    const ac = new AbortController();
    abort.current = ac;
    return () => ac.abort();
  }, []);
  return useCallback(() => abort.current.signal, []);
}

/** An element scrolled into view whenever one of `outcomes` appears: the office sees the outcome without hunting. */
export function useReveal<T extends HTMLElement>(...outcomes: unknown[]): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (outcomes.some(Boolean)) ref.current?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, outcomes);
  return ref;
}

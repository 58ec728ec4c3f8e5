import { useEffect, useState } from 'react';
import { api } from '../api/client';

/** GET a path; null path → nothing. Cancels on change so a late answer never shows for the wrong feature. */
export function useApi<T>(path: string | null): { data: T | null; error: Error | null; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: Error | null; loading: boolean }>({ data: null, error: null, loading: !!path });
  useEffect(() => {
    if (!path) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const ctrl = new AbortController();
    setState({ data: null, error: null, loading: true });
    api
      .get<T>(path, ctrl.signal)
      .then((data) => setState({ data, error: null, loading: false }))
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setState({ data: null, error, loading: false });
      });
    return () => ctrl.abort();
  }, [path]);
  return state;
}

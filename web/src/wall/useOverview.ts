/**
 * The key figures, fetched every refresh interval and kept on screen when a fetch fails: the last good answer
 * stays, the next try comes after a growing delay (schedule.ts), and the connection state says since when it failed.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { INITIAL_CONNECTION, onFailure, onSuccess, retryDelayMs, type ConnectionState } from './schedule';
import type { Overview } from './overview';

export function useOverview(refreshSeconds: number, asOf: string | null, onOnline?: () => void) {
  const [data, setData] = useState<{ overview: Overview; fetchedAt: number } | null>(null);
  const [conn, setConn] = useState<ConnectionState>(INITIAL_CONNECTION);
  const connRef = useRef(conn);
  const onOnlineRef = useRef(onOnline);
  onOnlineRef.current = onOnline;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const ctrl = new AbortController();
    const tick = async () => {
      let delay: number;
      try {
        const overview = await api.get<Overview>(`/api/overview${asOf ? `?as_of=${asOf}` : ''}`, ctrl.signal);
        if (stopped) return;
        const now = Date.now();
        const wasLost = connRef.current.lostSince !== null;
        connRef.current = onSuccess(connRef.current, now);
        setData({ overview, fetchedAt: now });
        if (wasLost) onOnlineRef.current?.();
        delay = refreshSeconds * 1000;
      } catch {
        if (stopped) return;
        connRef.current = onFailure(connRef.current, Date.now());
        delay = retryDelayMs(connRef.current.failures, refreshSeconds);
      }
      setConn(connRef.current);
      timer = setTimeout(tick, delay);
    };
    void tick();
    return () => {
      stopped = true;
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [refreshSeconds, asOf]);

  return { data, conn };
}

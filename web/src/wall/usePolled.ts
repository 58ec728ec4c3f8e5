/**
 * A wall's periodic fetch: every refresh interval, keeping the last good answer on screen when a fetch fails, the
 * next try after a growing delay (schedule.ts), and the connection state saying since when it failed. A change of
 * `url` starts over (the old answer stays until the new one comes).
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { INITIAL_CONNECTION, onFailure, onSuccess, retryDelayMs, type ConnectionState } from './schedule';

export function usePolled<T>(url: string | null, refreshSeconds: number, onOnline?: () => void) {
  const [data, setData] = useState<{ value: T; fetchedAt: number; url: string } | null>(null);
  const [conn, setConn] = useState<ConnectionState>(INITIAL_CONNECTION);
  const connRef = useRef(conn);
  const onOnlineRef = useRef(onOnline);
  onOnlineRef.current = onOnline;

  useEffect(() => {
    if (!url) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const ctrl = new AbortController();
    const tick = async () => {
      let delay: number;
      try {
        const value = await api.get<T>(url, ctrl.signal);
        if (stopped) return;
        const now = Date.now();
        const wasLost = connRef.current.lostSince !== null;
        connRef.current = onSuccess(connRef.current, now);
        setData({ value, fetchedAt: now, url });
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
  }, [url, refreshSeconds]);

  return { data, conn };
}

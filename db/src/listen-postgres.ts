/**
 * LISTEN on a dedicated connection (never a pooled one: a pooled connection goes back to the pool and its LISTEN
 * with it). When the connection drops — the server restarted, a network cut — it reconnects with backoff and
 * LISTENs again, reporting the gap through onState so the caller can treat anything it cached as suspect.
 */
import pg from 'pg';
import type { Listener } from './database.js';
import { quoteIdent } from './sql.js';

const BACKOFF_MS = [100, 250, 500, 1000, 2000, 5000];

export async function listenPostgres(
  url: string,
  channel: string,
  handlers: { onNotify: (payload: string) => void; onState?: (up: boolean) => void; applicationName?: string },
): Promise<Listener> {
  let client: pg.Client | null = null;
  let up = false;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const setUp = (v: boolean) => {
    if (up === v) return;
    up = v;
    handlers.onState?.(v);
  };

  const schedule = () => {
    if (closed || timer) return;
    const delay = BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)]!;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: handlers.applicationName, keepAlive: true });
    const lost = () => {
      if (client !== c) return;
      client = null;
      setUp(false);
      c.end().catch(() => {});
      schedule();
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => {
      if (n.channel === channel) handlers.onNotify(n.payload ?? '');
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${quoteIdent(channel)}`);
      if (closed) return void (await c.end());
      attempt = 0;
      setUp(true);
    } catch {
      lost();
    }
  };

  await connect();
  return {
    get up() {
      return up;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      setUp(false);
      await c?.end().catch(() => {});
    },
  };
}

/** Listen on a port with Node's HTTP server (port 0 picks a free one); used by main.ts and tests over real HTTP. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Anything with a fetch handler: a Hono app, or a switch between apps (see main.ts). */
export interface FetchHandler {
  /** `env` carries Node's request and socket (the client's address for throttling and trusted proxies). */
  fetch(req: Request, env?: unknown): Response | Promise<Response>;
}

export function startServer(app: FetchHandler, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: (req, env) => app.fetch(req, env), port, hostname: host }, (info: AddressInfo) => {
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

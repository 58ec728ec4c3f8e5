/** Listen on a port with Node's HTTP server (port 0 picks a free one); used by main.ts and tests over real HTTP. */
import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { NodeFastPath } from './tiles/fast-path.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Anything with a fetch handler: a Hono app, or a switch between apps (see main.ts). */
export interface FetchHandler {
  /** `env` carries Node's request and socket (the client's address for throttling and trusted proxies). */
  fetch(req: Request, env?: unknown): Response | Promise<Response>;
}

/** `fastPath` sees each request first, on Node's own objects, and hands it to the app when it does not answer it. */
export function startServer(app: FetchHandler, port: number, host = '127.0.0.1', opts: { fastPath?: NodeFastPath } = {}): Promise<RunningServer> {
  const fast = opts.fastPath;
  return new Promise((resolve) => {
    const server = serve(
      {
        fetch: (req, env) => app.fetch(req, env),
        port,
        hostname: host,
        createServer: fast
          ? (((options: ServerOptions, listener: RequestListener) => createServer(options, (req, res) => fast(req, res, () => listener(req, res)))) as typeof createServer)
          : undefined,
      },
      (info: AddressInfo) => {
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      },
    );
  });
}

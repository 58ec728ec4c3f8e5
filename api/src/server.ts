/** Listen on a port with Node's HTTP server (port 0 picks a free one); used by main.ts and tests over real HTTP. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from './http/env.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function startServer(app: Hono<AppEnv>, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

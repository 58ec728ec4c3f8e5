/** Hono environment shared by every route: the authenticated user travels in the context. */
import type { Database, Queryable } from 'db';
import type { Config } from '../config.js';

export type { Role, SessionUser } from './session-user.js';
import type { SessionUser } from './session-user.js';

/** Where the process is in its start-up: the API answers health at once and data routes once ready. */
export interface StartupState {
  phase: 'starting' | 'migrating' | 'seeding' | 'ready' | 'failed';
  progress?: { step: string; done: number; total: number; etaSeconds: number | null };
  error?: string;
}

export interface AppDeps {
  db: Database;
  config: Config;
  startup: StartupState;
}

export type AppEnv = {
  Variables: {
    user: SessionUser;
    /**
     * For statements that only read (tiles, features, details, search, overview, exports, series): a read replica
     * that has replayed every change this process has heard of, or the primary (reads/read-floor.ts). Writes,
     * sessions and audit use `deps.db`, which is always the primary; so does anything not marked as a read.
     */
    reads: Queryable;
  };
};

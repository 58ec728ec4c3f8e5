/** Hono environment shared by every route: the authenticated user travels in the context. */
import type { Database } from 'db';
import type { Config } from '../config.js';

export type Role = 'admin' | 'office' | 'inspector' | 'grid_officer' | 'wall' | 'viewer';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** 12-digit code of the area the user answers for. */
  jurisdictionCode: string;
  /** The code's significant prefix ('4380' for a city): an area or site is in scope iff its code starts with it. */
  scopePrefix: string;
  /** Grids assigned to a grid officer (empty for other roles). */
  gridCodes: string[];
  /** Signed in with a read-only API token (a wall display): reads only, every write is refused. */
  readOnly?: boolean;
}

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

export type AppEnv = { Variables: { user: SessionUser } };

/** The answers of GET /api/health and /api/health/data. */
import { z } from 'zod';

const server = z.object({
  name: z.string().optional().describe('host:port/database (signed-in users only)'),
  role: z.enum(['primary', 'replica']),
  state: z.enum(['ok', 'lagging', 'unreachable', 'not_standby', 'unprobed']),
  inReadPool: z.boolean().optional(),
  lagMs: z.number().nullable(),
  lagBytes: z.number().nullable(),
  walPosition: z.string().nullable(),
  checkedAt: z.string().nullable(),
  error: z.string().optional(),
  reads: z.number().optional(),
});

export const healthAnswer = z.object({
  status: z.enum(['ok', 'starting', 'failed', 'unavailable']),
  phase: z.enum(['starting', 'migrating', 'seeding', 'ready', 'failed']),
  progress: z.object({ step: z.string(), done: z.number(), total: z.number(), etaSeconds: z.number().nullable() }).nullable(),
  error: z.string().nullable(),
  // Absent while the process is still opening the database (app.ts createBootApp answers then).
  databases: z.array(server).optional(),
  database: z.object({ kind: z.string(), reachable: z.boolean().optional(), error: z.string().optional() }).optional(),
  schemaVersion: z.number().optional(),
});

export const dataHealthAnswer = z.object({
  hasMvt: z.boolean().describe("Whether the server's PostGIS encodes tiles itself"),
  newestData: z.record(z.string(), z.string().nullable()).optional(),
  newestDataAgeDays: z.number().int().nullable(),
  databases: z.array(server),
});

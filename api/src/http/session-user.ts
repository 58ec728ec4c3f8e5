/**
 * The signed-in user as every route sees it and as GET/POST /api/session answer it: declared once as a zod schema
 * (the OpenAPI document's answer) from which the `SessionUser` type follows.
 */
import { z } from 'zod';

export const ROLES = ['admin', 'office', 'inspector', 'grid_officer', 'wall', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const sessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  jurisdictionCode: z.string().describe('12-digit code of the area the user answers for'),
  scopePrefix: z.string().describe("The code's significant prefix ('4380' for a city): an area or site is in scope iff its code starts with it"),
  gridCodes: z.array(z.string()).describe('Grids assigned to a grid officer (empty for other roles)'),
  readOnly: z.boolean().optional().describe('Signed in with a read-only API token (a wall display): reads only, every write is refused'),
});
export type SessionUser = z.output<typeof sessionUser>;

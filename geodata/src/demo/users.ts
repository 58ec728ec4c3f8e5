/**
 * Seed step: the demo users (/tmp/contract.md): password 'demo' for all, bearer token 'demo-<username>'.
 * Jurisdictions: admin, city_office and wall → the first city; county_office and inspector → its first county;
 * the grid's three parties (网格员, 社区民警, 禁毒社工) → the first two grids of the first village of that county.
 * Salts come from the seed's random stream, so the same seed gives the same rows.
 */
import { hashPassword, sha256Hex } from 'api/src/auth/password.js';
import type { SeedStep } from './context.js';
import { addDays } from './dates.js';

interface DemoUser {
  username: string;
  display_name: string;
  role: 'admin' | 'office' | 'inspector' | 'grid_officer' | 'wall' | 'viewer';
  scope: 'city' | 'county' | 'village';
  duty?: 'grid_officer' | 'community_police' | 'social_worker';
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', display_name: '系统管理员', role: 'admin', scope: 'city' },
  { username: 'city_office', display_name: '市禁毒办', role: 'office', scope: 'city' },
  { username: 'county_office', display_name: '县禁毒办', role: 'office', scope: 'county' },
  { username: 'inspector', display_name: '禁毒检查员', role: 'inspector', scope: 'county' },
  { username: 'wall', display_name: '指挥中心大屏', role: 'wall', scope: 'city' },
  { username: 'grid_officer', display_name: '网格员', role: 'grid_officer', scope: 'village', duty: 'grid_officer' },
  { username: 'community_police', display_name: '社区民警', role: 'grid_officer', scope: 'village', duty: 'community_police' },
  { username: 'social_worker', display_name: '禁毒社工', role: 'grid_officer', scope: 'village', duty: 'social_worker' },
];

export const DEMO_PASSWORD = 'demo';

export const seedUsers: SeedStep = async (ctx) => {
  const [city] = await ctx.db.query<{ code: string }>(`SELECT code FROM admin_area WHERE level = 'city' AND valid_to IS NULL ORDER BY code LIMIT 1`);
  const [county] = await ctx.db.query<{ code: string }>(`SELECT code FROM admin_area WHERE level = 'county' AND parent_code = $1 AND valid_to IS NULL ORDER BY code LIMIT 1`, [city!.code]);
  const grids = await ctx.db.query<{ code: string; village_code: string }>(`
    SELECT g.code, g.village_code FROM grid_cell g
    WHERE g.village_code = (SELECT min(village_code) FROM grid_cell WHERE village_code LIKE $1 || '%')
    ORDER BY g.code LIMIT 2`, [county!.code.slice(0, 6)]);
  const village = grids[0]!.village_code;
  const r = ctx.rng('salts');
  const rows = DEMO_USERS.map((u) => {
    const salt = Buffer.from(Array.from({ length: 16 }, () => Math.floor(r() * 256)));
    return {
      username: u.username, display_name: u.display_name, role: u.role, duty: u.duty ?? null,
      jurisdiction_code: u.scope === 'city' ? city!.code : u.scope === 'county' ? county!.code : village,
      password_hash: hashPassword(DEMO_PASSWORD, salt), token_sha256: sha256Hex(`demo-${u.username}`),
    };
  });
  const ids = await ctx.db.query<{ id: number; username: string; role: string }>(`
    INSERT INTO app_user (username, display_name, role, jurisdiction_code, duty, password_hash, token_sha256)
    SELECT r.username, r.display_name, r.role, r.jurisdiction_code, r.duty, r.password_hash, r.token_sha256
    FROM jsonb_to_recordset($1::jsonb) AS r(username text, display_name text, role text, jurisdiction_code text, duty text,
                                            password_hash text, token_sha256 text)
    RETURNING id, username, role`, [JSON.stringify(rows)]);
  const assignments = ids.filter((u) => u.role === 'grid_officer').flatMap((u) => grids.map((g) => ({ grid_code: g.code, user_id: u.id })));
  await ctx.db.query(`
    INSERT INTO grid_assignment (grid_code, user_id, since)
    SELECT r.grid_code, r.user_id, $2::date FROM jsonb_to_recordset($1::jsonb) AS r(grid_code text, user_id bigint)`,
    [JSON.stringify(assignments), addDays(ctx.asOf, -400)]);
};

/** The administration API (/api/users, /api/audit), typed from the API's own repository types. */
import { api } from '../api/client';
import type { TokenView, UserView } from 'api/src/users/repository';
import type { AuditRow } from 'api/src/audit/repository';

export type { AuditRow, TokenView, UserView };
export type Role = UserView['role'];
export const ROLES: Role[] = ['admin', 'office', 'inspector', 'grid_officer', 'wall', 'viewer'];
export const DUTIES = ['grid_officer', 'community_police', 'social_worker'] as const;

export interface UserForm {
  username?: string;
  display_name?: string;
  role?: Role;
  jurisdiction_code?: string;
  grid_codes?: string[];
  duty?: string | null;
  password?: string;
  active?: boolean;
}

const q = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return s ? `?${s}` : '';
};

export const listUsers = (f: { q?: string; role?: string }) => api.get<{ users: UserView[] }>(`/api/users${q(f)}`).then((r) => r.users);
export const getUser = (id: number) => api.get<{ user: UserView; tokens: TokenView[] }>(`/api/users/${id}`);
export const createUser = (body: UserForm) => api.post<{ user: UserView; password?: string }>('/api/users', body);
export const updateUser = (id: number, body: UserForm) => api.patch<{ user: UserView }>(`/api/users/${id}`, body).then((r) => r.user);
export const resetPassword = (id: number, password?: string) => api.post<{ password?: string }>(`/api/users/${id}/password`, password ? { password } : {});
export const issueToken = (id: number, body: { label: string; read_only: boolean; expires_on?: string }) =>
  api.post<TokenView & { token: string }>(`/api/users/${id}/tokens`, body);
export const revokeToken = (id: number, tokenId: number) => api.del<void>(`/api/users/${id}/tokens/${tokenId}`);

export interface AuditFilter {
  user?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: string;
}
export const auditPage = (f: AuditFilter) => api.get<{ entries: AuditRow[]; next: number | null }>(`/api/audit${q({ ...f, limit: '100' })}`);
export const auditActions = () => api.get<{ actions: string[] }>('/api/audit/actions').then((r) => r.actions);

/** Areas by name or code, for choosing a jurisdiction. */
export const searchAreas = (text: string) =>
  api.get<{ results: { kind: string; code?: string; name: string; parentName?: string | null; level?: string }[] }>(`/api/search${q({ q: text, limit: '10' })}`).then((r) =>
    r.results.filter((x) => x.kind === 'area' && x.code),
  );

export interface UserGrant {
  id: string;
  role: string;
  institutionId: string;
  institutionName: string;
}

export interface User {
  id: string;
  kind: 'staff' | 'expert' | 'volunteer' | 'applicant';
  username: string;
  displayName: string;
  email: string | null;
  phoneMasked: string | null;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  grants: UserGrant[];
}

/** What the server allows on one user; keys the server leaves out fall back to the caller's permissions. */
export type UserAbilities = Partial<Record<'update' | 'manageRoles' | 'resetPassword' | 'unlock' | 'resetMfa' | 'reveal', boolean>>;

export interface UserFilters {
  q?: string;
  role?: string;
  institutionId?: string;
  kind?: string;
  status?: string;
}

export interface RoleInfo {
  role: string;
  name: { zh: string; en: string };
  permissions: string[];
}

export interface NewUser {
  kind: 'staff' | 'expert' | 'volunteer';
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  password: string;
  roles: { role: string; institutionId: string }[];
}

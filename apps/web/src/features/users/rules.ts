import { separatedAdminRoles } from '../../shared/enums.ts';

export const usernamePattern = /^[A-Za-z][A-Za-z0-9._-]{2,31}$/;
export const mobilePattern = /^1\d{10}$/;

/** True when the roles include two of the three separated administrator roles. */
export function breaksSeparation(roles: (string | undefined)[]): boolean {
  const held = new Set(roles.filter((r) => (separatedAdminRoles as readonly string[]).includes(r ?? '')));
  return held.size > 1;
}

export const separationRule = (message: string) => ({
  validator: async (_r: unknown, v: { role?: string }[] | undefined) => {
    if (v && breaksSeparation(v.map((x) => x?.role))) throw new Error(message);
  },
});

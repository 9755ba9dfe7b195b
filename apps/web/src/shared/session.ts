import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, forgetCsrf, get, post } from './api.ts';

export interface Grant {
  role: string;
  roleName: { zh: string; en: string };
  institutionId: string;
  institutionName: string;
  institutionPath: string;
}

export interface Me {
  id: string;
  kind: 'staff' | 'expert' | 'volunteer' | 'applicant';
  displayName: string;
  username: string | null;
  email: string | null;
  phoneMasked: string | null;
  partyKind: string | null;
  orgName: string | null;
  grants: Grant[];
  permissions: string[];
  totpEnabled: boolean;
  mustChangePassword: boolean;
  /** The sign-in step still due, when the session is not complete yet. */
  next?: NextStep;
}

export type NextStep = 'done' | 'mfa' | 'mfa_setup' | 'change_password';

export interface AuthAnswer {
  data: { next: NextStep; me: Me | null };
  csrfToken?: string;
}

/** A user is fully signed in when no sign-in step (2FA, password change) is still due. */
export function pendingStep(me: Me | null | undefined): Exclude<NextStep, 'done'> | null {
  if (!me) return null;
  if (me.next && me.next !== 'done') return me.next;
  return me.mustChangePassword ? 'change_password' : null;
}

export const meKey = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const r = await get<{ data: Me | null; csrfToken?: string }>('/api/auth/me');
    return r.data ?? null;
  } catch (err) {
    // Not signed in, or the server has no auth module yet: treat as signed out.
    if (err instanceof ApiError && (err.status === 401 || err.status === 404)) return null;
    throw err;
  }
}

/** The signed-in user (null when signed out). */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function useCan() {
  const { data: me } = useMe();
  return useCallback((permission: string) => !!me?.permissions?.includes(permission), [me]);
}

export function useSignOut() {
  const qc = useQueryClient();
  return useCallback(async () => {
    try {
      await post('/api/auth/logout');
    } catch {
      /* the session may already be gone */
    }
    forgetCsrf();
    qc.clear();
    qc.setQueryData(meKey, null);
  }, [qc]);
}

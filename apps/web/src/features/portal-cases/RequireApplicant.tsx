import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { FullPageSpin } from '../../shared/FullPageSpin.tsx';
import { pendingStep, useMe } from '../../shared/session.ts';

/** Applicant pages: anyone not fully signed in goes to the sign-in page. */
export function RequireApplicant({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMe();
  if (isPending) return <FullPageSpin />;
  if (!me || pendingStep(me)) return <Navigate to="/login" replace />;
  return <>{children}</>;
}

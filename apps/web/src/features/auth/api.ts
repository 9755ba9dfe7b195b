import { post } from '../../shared/api.ts';
import type { AuthAnswer } from '../../shared/session.ts';

export const login = (username: string, password: string) => post<AuthAnswer>('/api/auth/login', { username, password });
export const verifyMfa = (code: string) => post<AuthAnswer>('/api/auth/mfa', { code });
export const setupMfa = () => post<{ data: { secret: string; otpauthUrl: string } }>('/api/auth/mfa/setup');
export const enableMfa = (code: string) => post<AuthAnswer>('/api/auth/mfa/enable', { code });
export const changePassword = (currentPassword: string, newPassword: string) =>
  post<AuthAnswer>('/api/auth/password', { currentPassword, newPassword });

export type CodePurpose = 'register' | 'reset_password';
export type CodeChannel = 'email' | 'sms';

export const sendCode = (purpose: CodePurpose, channel: CodeChannel, target: string) =>
  post<{ data: { sent: boolean; expiresInSeconds: number } }>('/api/auth/codes', { purpose, channel, target });

export interface RegisterBody {
  partyKind: 'natural_person' | 'legal_person' | 'unincorporated_org' | 'individual_business';
  displayName: string;
  orgName?: string;
  creditCode?: string;
  email?: string;
  phone?: string;
  code: string;
  password: string;
}

export const register = (body: RegisterBody) => post<AuthAnswer>('/api/auth/register', body);

export const resetPassword = (channel: CodeChannel, target: string, code: string, newPassword: string) =>
  post<{ data: { ok: boolean } }>('/api/auth/reset-password', { channel, target, code, newPassword });

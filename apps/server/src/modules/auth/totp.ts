import { Secret, TOTP } from 'otpauth';

/** RFC 6238 TOTP, 6 digits, 30 s, SHA-1: what every authenticator app speaks. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'yuanzhi'): TOTP {
  return new TOTP({ issuer: '援知 yuanzhi', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/** Accepts the current code and one step either side (clock drift). */
export function verifyTotp(secret: string, code: string, at: Date = new Date()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totp(secret).validate({ token: code, timestamp: at.getTime(), window: 1 }) !== null;
}

export function totpNow(secret: string, at: Date = new Date()): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

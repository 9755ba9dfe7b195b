import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id settings: 19 MiB, 2 passes.
// algorithm 2 is Argon2id (the package's const enum cannot be imported under isolatedModules).
const opts = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (pw: string) => hash(pw, opts);

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so both answers take the same time. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('yuanzhi-no-such-user-0'));

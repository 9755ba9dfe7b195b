import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption of personal data at rest (ID numbers, phones, addresses). The master key lives outside
 * the database: YUANZHI_DATA_KEY (base64, 32 bytes) or, if unset, a key file created under the data
 * directory on first start. Values are AES-256-GCM, stored as "v1:<iv>:<tag>:<ciphertext>" (base64).
 */
export interface Secrets {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Keyed hash for equality look-ups on encrypted values. */
  hmac(value: string): string;
}

export function loadMasterKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.YUANZHI_DATA_KEY) {
    const k = Buffer.from(env.YUANZHI_DATA_KEY, 'base64');
    if (k.length !== 32) throw new Error('YUANZHI_DATA_KEY must be 32 bytes, base64-encoded');
    return k;
  }
  const file = path.join(dataDir, 'keys', 'data.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const k = crypto.randomBytes(32);
  fs.writeFileSync(file, k.toString('base64'), { mode: 0o600 });
  return k;
}

export function createSecrets(master: Buffer): Secrets {
  const encKey = Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'yuanzhi-enc', 32));
  const macKey = Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'yuanzhi-mac', 32));
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv.toString('base64'), c.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
    },
    decrypt(stored) {
      const [v, iv, tag, ct] = stored.split(':');
      if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('Unknown ciphertext format');
      const d = crypto.createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64')), d.final()]).toString('utf8');
    },
    hmac(value) {
      return crypto.createHmac('sha256', macKey).update(value).digest('hex');
    },
  };
}

import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

// Small, dependency-free primitives for tokens and secrets (docs/decisions/005 and 007).
// Every key is derived from AUTH_SECRET with HKDF under its own label, so the session JWT key,
// the outbox key and the login-grant key never coincide.

/** 32 random bytes, base64url: the token that goes into an emailed link. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex: the only form of a token the database ever sees. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time string comparison (different lengths compare unequal without leaking where). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

const keys = new Map<string, Buffer>();

/** A 32-byte key for one purpose, derived from AUTH_SECRET (HKDF-SHA256). */
export function deriveKey(label: string, secret: string = env().AUTH_SECRET): Buffer {
  const cacheKey = `${label}\u0000${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'agency-portal', label, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

const SECRET_LABEL = 'email-outbox-secret/v1';

/** AES-256-GCM; the result is `v1.<iv>.<ciphertext>.<tag>` (base64url parts). */
export function encryptSecret(plain: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(SECRET_LABEL, secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
}

/** The inverse of `encryptSecret`; throws when the value was altered or the key changed. */
export function decryptSecret(sealed: string, secret?: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || body === undefined || !tag) throw new Error('Unrecognised secret format');
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(SECRET_LABEL, secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** HMAC-SHA256 (base64url) under a labelled key. */
export function hmac(label: string, data: string, secret?: string): string {
  return createHmac('sha256', deriveKey(label, secret)).update(data, 'utf8').digest('base64url');
}

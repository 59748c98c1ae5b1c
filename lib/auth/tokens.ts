import { randomToken, sha256Hex } from '@/lib/crypto';

// Emailed tokens (docs/decisions/005-tokens-and-sessions.md): 32 random bytes, base64url in the
// link; only the SHA-256 (hex) reaches the database. Consumption is one atomic UPDATE … RETURNING
// in db/queries/accounts.ts.

export const TOKEN_TTL_SECONDS = {
  VERIFY: 24 * 60 * 60,
  RESET: 60 * 60,
  INVITE: 7 * 24 * 60 * 60,
  EMAIL_CHANGE: 24 * 60 * 60,
} as const;

export type TokenKind = keyof typeof TOKEN_TTL_SECONDS;

export type IssuedToken = { token: string; hash: string; expiresAt: Date };

export function issueToken(kind: TokenKind, now: Date = new Date()): IssuedToken {
  const token = randomToken();
  return { token, hash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_TTL_SECONDS[kind] * 1000) };
}

export function hashToken(token: string): string {
  return sha256Hex(token);
}

/** A shape check before any lookup: base64url of 32 bytes is 43 characters. */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * The shape of an API key secret: `dgk_<id>_<secret>`, where the id (16 hex
 * digits) names the stored key and the secret is 32 random bytes in
 * base64url (43 characters). Only the SHA-256 of the whole token is stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_KEY_PREFIX = 'dgk_';

const TOKEN = /^dgk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** A fresh key id and its secret token. */
export function newApiKeyToken(): { id: string; token: string } {
  const id = randomBytes(8).toString('hex');
  return { id, token: `${API_KEY_PREFIX}${id}_${randomBytes(32).toString('base64url')}` };
}

/** The key id a well-formed token names, or null for anything else. */
export function apiKeyIdOf(token: string): string | null {
  return TOKEN.exec(token)?.[1] ?? null;
}

/** Whether the token looks like an API key at all (so it is not taken for a JWT). */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** The stored digest of a token (hex SHA-256). */
export function hashApiKeyToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a token with a stored digest in constant time. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiKeyToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Tracking numbers and follow-up secrets of applications. The secret is
 * shown to the applicant once; the store keeps only its SHA-256 digest and
 * compares digests in constant time.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { LocalDate } from '../calendar/local-date.js';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SECRET_PREFIX = 'ysq_';

/** A new tracking number for an application received on `receivedOn`: `YSQ-<yyyymmdd>-<6 random letters/digits>` (依申请). */
export function newTrackingNumber(receivedOn: LocalDate): string {
  let suffix = '';
  for (let i = 0; i < 6; i += 1) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `YSQ-${receivedOn.replaceAll('-', '')}-${suffix}`;
}

/** Whether `value` has the shape of a tracking number (checked before any lookup). */
export function isTrackingNumber(value: string): boolean {
  return /^YSQ-\d{8}-[A-Z0-9]{6}$/u.test(value);
}

/** A new secret (`ysq_` and 32 random bytes, base64url). */
export function newSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/** The digest stored for `secret` (SHA-256, hex). */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A digest nothing matches, compared against when the tracking number is unknown, so both failures take the same time. */
export const UNMATCHABLE_DIGEST = secretDigest(randomBytes(32).toString('hex'));

/** Whether `secret` matches the stored `digest`, compared in constant time. */
export function secretMatches(secret: string, digest: string): boolean {
  const given = Buffer.from(secretDigest(secret), 'hex');
  const stored = Buffer.from(digest, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

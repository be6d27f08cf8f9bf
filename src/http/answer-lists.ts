/**
 * What in a cached answer is a listing: an array that records may enter or
 * leave. A list of plain values on an object the answer identifies by its
 * global id (a record's `channels`, an organization's `otherNames`) is that
 * object's own content, not a listing: it changes only with the object,
 * whose id drops the entry. The response cache and its reading of search
 * answers share this rule.
 */

const GLOBAL_ID = /^[A-Za-z0-9_-]{4,}$/u;

/** The record id inside a string that is a global id ("Type:id" in base64url), else null. */
export function recordIdOf(value: string): string | null {
  if (!GLOBAL_ID.test(value)) return null;
  const decoded = Buffer.from(value, 'base64url').toString('utf8');
  const match = /^[A-Z][A-Za-z]*:(.+)$/u.exec(decoded);
  return match ? match[1]! : null;
}

/** Whether `item`, a field of `object`, is a non-empty list of plain values (strings, numbers, booleans, nulls) on an object identified by its global id. */
export function isOwnValueList(object: Readonly<Record<string, unknown>>, item: unknown): item is unknown[] {
  return (
    Array.isArray(item) &&
    item.length > 0 &&
    item.every((element) => element === null || typeof element !== 'object') &&
    typeof object.id === 'string' &&
    recordIdOf(object.id) !== null
  );
}

/** Whether `value` holds a listing anywhere. */
export function holdsListing(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const object = value as Record<string, unknown>;
  return Object.values(object).some((item) => !isOwnValueList(object, item) && holdsListing(item));
}

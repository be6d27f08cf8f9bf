/** Fields every pushed kind shares: the owning organization, the publication's title and channels. */
import { CHANNEL_CODES, type ChannelCode } from '../../catalog/catalog-entry.js';
import type { FieldChecker } from '../field-checks.js';

/** Organization codes are the ids of organizations in the office store, e.g. `org-neicuo-czs`. */
export const ORGANIZATION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/u;

/** A reference to an organization (its id). */
export function organizationId(check: FieldChecker, name: string, options: { optional?: boolean } = {}): string | null {
  return check.string(name, { ...options, maxLength: 100, pattern: ORGANIZATION_ID, patternText: 'an organization id such as org-neicuo-czs' });
}

/** Ids of related records the department names (suppliers, people, posts). */
export function referenceId(check: FieldChecker, name: string): string | null {
  return check.string(name, { maxLength: 100, pattern: ORGANIZATION_ID, patternText: '1–100 characters of A-Z a-z 0-9 . _ -' });
}

/** The channels (公开渠道) of the publication; the town portal when none are named. */
export function channels(check: FieldChecker): ChannelCode[] | null {
  const list = check.strings('channels', { optional: true, max: CHANNEL_CODES.length });
  if (list === null) return null;
  const bad = list.find((c) => !(CHANNEL_CODES as readonly string[]).includes(c));
  if (bad !== undefined) return check.fail('channels', `must each be one of ${CHANNEL_CODES.join(', ')} (got ${JSON.stringify(bad)})`);
  return list.length === 0 ? ['TOWN_PORTAL'] : ([...new Set(list)] as ChannelCode[]);
}

/** The title as published, or the kind's default when the department sends none. */
export function title(check: FieldChecker, fallback: () => string): string | null {
  const given = check.string('title', { optional: true, maxLength: 200 });
  return given ?? fallback();
}

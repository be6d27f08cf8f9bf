/**
 * Organizations a pushed record names must be in the organization directory
 * (组织机构, the office store's `organizations`): a record naming one that is
 * not would publish a link to nothing (a recipient village or a post's
 * organization that the graph cannot show). The directory is read once per
 * push, and only when a record names an organization other than the
 * pushing department's own when that was checked as its API key was issued.
 */
import { ORGANIZATIONS } from '../office/office-store.js';
import type { StoreConnection } from '../store-connection.js';
import type { NamedOrganization } from './record-kind.js';

/** The organizations of one record to look up, under the key the caller knows it by. */
export interface RecordOrganizations {
  key: number;
  named: readonly NamedOrganization[];
}

/**
 * The named organizations missing from the directory, per record key (only
 * records with a missing one appear). `known` is an organization taken to
 * exist without a read. A directory that cannot be read fails the call
 * (SOURCE_UNAVAILABLE), before anything is written.
 */
export async function missingOrganizations(directory: StoreConnection, records: readonly RecordOrganizations[], known: string | null): Promise<Map<number, NamedOrganization[]>> {
  const asked = new Set<string>();
  for (const { named } of records) for (const { organizationId } of named) if (organizationId !== known) asked.add(organizationId);
  const missing = new Map<number, NamedOrganization[]>();
  if (asked.size === 0) return missing;
  const found = await directory.run((db) =>
    db.collection<{ _id: string }>(ORGANIZATIONS).find({ _id: { $in: [...asked] } }, { projection: { _id: 1 }, batchSize: asked.size + 1 }).toArray(),
  );
  const present = new Set(found.map((organization) => organization._id));
  for (const { key, named } of records) {
    const absent = named.filter(({ organizationId }) => organizationId !== known && !present.has(organizationId));
    if (absent.length > 0) missing.set(key, absent);
  }
  return missing;
}

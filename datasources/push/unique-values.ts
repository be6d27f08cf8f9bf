/**
 * Values a unique index guards in a live collection (an ocid, a supplier's
 * credit code), checked before a record is accepted or published: a value
 * another live document holds, or another record of the same batch claims
 * first, refuses the record at the value's path. Without the check such a
 * record would fail on the index in the middle of its publication, and stay
 * unfinished. One query per guarded field, whatever the batch size.
 */
import type { Db, Document } from 'mongodb';
import type { RecordIssue, RecordKind } from './record-kind.js';

/** A record to check: its key in the caller's list, its content and live record id. */
export interface UniqueClaimant {
  key: number;
  content: Document;
  recordId: string;
}

/** The issue of each claimant whose unique values clash, by key. */
export async function uniqueClashes(db: Db, kind: RecordKind, claimants: readonly UniqueClaimant[]): Promise<Map<number, RecordIssue>> {
  const clashes = new Map<number, RecordIssue>();
  if (!kind.uniqueValues) return clashes;
  const claims = claimants.flatMap((c) => kind.uniqueValues!(c.content, c.recordId).map((value) => ({ ...value, key: c.key })));
  const byField = new Map<string, typeof claims>();
  for (const claim of claims) {
    const id = JSON.stringify([claim.collection, claim.field]);
    byField.set(id, [...(byField.get(id) ?? []), claim]);
  }
  for (const group of byField.values()) {
    const { collection, field } = group[0]!;
    const held = await db
      .collection<{ _id: string } & Document>(collection)
      .find({ [field]: { $in: [...new Set(group.map((c) => c.value))] } }, { projection: { _id: 1, [field]: 1 }, batchSize: group.length + 1 })
      .toArray();
    const holder = new Map(held.map((doc) => [JSON.stringify(doc[field]), doc._id]));
    const claimedBy = new Map<string, string>();
    for (const claim of group) {
      if (clashes.has(claim.key)) continue;
      const value = JSON.stringify(claim.value);
      const owner = holder.get(value) ?? claimedBy.get(value);
      if (owner !== undefined && owner !== claim.ownerId) {
        clashes.set(claim.key, { path: claim.path, reason: `${String(claim.value)} is already the ${field} of ${owner}` });
      } else {
        claimedBy.set(value, claim.ownerId);
      }
    }
  }
  return clashes;
}

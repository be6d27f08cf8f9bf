/** Subtrees of the organization hierarchy, computed from one read of every organization. */
import type { OrganizationRecord } from './office-records.js';

/**
 * The ids of each root and of every organization below it (root first, then
 * level by level), from the whole list of organizations; a root that is not
 * in the list still covers itself, so its own records are still found.
 */
export function subtreeIdsOf(organizations: readonly OrganizationRecord[], rootIds: readonly string[]): string[][] {
  const children = new Map<string, string[]>();
  for (const org of organizations) {
    if (org.parentId) (children.get(org.parentId) ?? children.set(org.parentId, []).get(org.parentId)!).push(org.id);
  }
  return rootIds.map((rootId) => {
    const seen = new Set<string>([rootId]);
    for (const id of seen) for (const child of children.get(id) ?? []) seen.add(child);
    return [...seen];
  });
}

/**
 * The organizations and suppliers named by the groups an aggregation
 * returns, loaded together before the groups are resolved. A key's
 * `organization` then resolves without a promise of its own: for hundreds
 * of groups, a pending field per key made graphql-js wait on every key,
 * group and list in turn, half of the answer's cost. They are loaded only
 * when the query selects the field; a record that failed to load is left to
 * the field's own loader call, which reports the error at its path.
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { AggregateGroup, Dimension } from '../datasources/analytics/analytics-request.js';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { SupplierRecord } from '../datasources/procurement/procurement-records.js';
import type { GatewayContext } from '../src/context.js';

/** Loaded records by id, per key field; an id missing from a map was not loaded. */
export interface GroupLinks {
  organization: Map<string, OrganizationRecord | null>;
  recipientOrganization: Map<string, OrganizationRecord | null>;
  supplier: Map<string, SupplierRecord | null>;
}

const LINKED: ReadonlyArray<{ field: keyof GroupLinks; dimension: Dimension }> = [
  { field: 'organization', dimension: 'ORGANIZATION' },
  { field: 'recipientOrganization', dimension: 'RECIPIENT_ORGANIZATION' },
  { field: 'supplier', dimension: 'SUPPLIER' },
];

/** The fields selected directly in `selectionSet` (through fragments). */
export function childFields(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, visiting: Set<string> = new Set()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...childFields(selection.selectionSet, info, visiting));
    else if (!visiting.has(selection.name.value)) {
      visiting.add(selection.name.value);
      fields.push(...childFields(info.fragments[selection.name.value]?.selectionSet, info, visiting));
    }
  }
  return fields;
}

/** Names of the fields the query selects on `groups { key { … } }`. */
function selectedKeyFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  for (const node of info.fieldNodes) {
    for (const groups of childFields(node.selectionSet, info)) {
      if (groups.name.value !== 'groups') continue;
      for (const key of childFields(groups.selectionSet, info)) {
        if (key.name.value !== 'key') continue;
        for (const field of childFields(key.selectionSet, info)) names.add(field.name.value);
      }
    }
  }
  return names;
}

/** The linked records of `groups` that the query selects, each loaded once through the request's loaders. */
export async function loadGroupLinks(groups: readonly AggregateGroup[], context: GatewayContext, info: GraphQLResolveInfo): Promise<GroupLinks> {
  const links: GroupLinks = { organization: new Map(), recipientOrganization: new Map(), supplier: new Map() };
  const selected = selectedKeyFields(info);
  await Promise.all(
    LINKED.filter(({ field }) => selected.has(field)).map(async ({ field, dimension }) => {
      const ids = [...new Set(groups.map((g) => g.key[dimension]).filter((id): id is string => typeof id === 'string'))];
      const loader = field === 'supplier' ? context.loaders.supplier : context.loaders.organization;
      const records = await loader.loadMany(ids);
      const loaded = links[field] as Map<string, OrganizationRecord | SupplierRecord | null>;
      ids.forEach((id, i) => {
        const record = records[i];
        if (!(record instanceof Error)) loaded.set(id, record ?? null);
      });
    }),
  );
  return links;
}

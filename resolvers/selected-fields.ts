/** Which fields a query selects below the field being resolved. */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selects(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo, visiting: Set<string>): boolean {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD && selection.name.value === name) return true;
    if (selection.kind === Kind.INLINE_FRAGMENT && selects(selection.selectionSet, name, info, visiting)) return true;
    if (selection.kind === Kind.FRAGMENT_SPREAD && !visiting.has(selection.name.value)) {
      visiting.add(selection.name.value);
      if (selects(info.fragments[selection.name.value]?.selectionSet, name, info, visiting)) return true;
    }
  }
  return false;
}

/**
 * Whether the query selects the field `name` directly below the field being
 * resolved, through fragments too; `@skip`/`@include` are not evaluated, so
 * a conditionally skipped field counts as selected (the caller reads a
 * little more, never less).
 */
export function selectsSubfield(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, name, info, new Set()));
}

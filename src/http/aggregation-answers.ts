/**
 * Which cached answers are aggregations, and which changes can alter them.
 * An analyst's aggregation (三公经费统计 and the like) sums the published
 * records of one disclosure kind, so only a change of that kind can alter
 * it; the response cache's rule for lists (drop on every change) would
 * throw it away on every push of any department. A root field declares the
 * kinds it reads with the `aggregatedKinds` extension (`AGGREGATES(...)` in
 * type-graphql's `@Extensions`). An operation counts as aggregations only
 * when every root field declares its kinds and nothing below reaches other
 * records: under a linked record (a group key's organization or supplier,
 * any type implementing `Node`) only leaf fields without arguments may be
 * selected (a name, an id), never a connection, a count or another record,
 * whose answers depend on catalogs of every kind.
 */
import {
  getNamedType,
  getOperationAST,
  isLeafType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  BREAK,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/** The extension key naming the disclosure kinds (as the change feed names them) a root field's answer is computed from. */
export const AGGREGATED_KINDS_KEY = 'aggregatedKinds';

/** The extensions of a root field whose answer is computed from the published records of `kinds` only. */
export function AGGREGATES(...kinds: string[]): { [AGGREGATED_KINDS_KEY]: readonly string[] } {
  return { [AGGREGATED_KINDS_KEY]: kinds };
}

/** The disclosure kinds an operation's answer depends on when it is aggregations only; null when it is anything else. */
export type AggregationKindsCheck = (document: DocumentNode, operationName: string | undefined) => readonly string[] | null;

function declaredKinds(extensions: Readonly<Record<string, unknown>> | null | undefined): readonly string[] | null {
  const kinds = extensions?.[AGGREGATED_KINDS_KEY];
  return Array.isArray(kinds) && kinds.every((kind) => typeof kind === 'string') ? (kinds as string[]) : null;
}

/** A check bound to `schema`: the union of the root fields' declared kinds, or null (see the file comment). */
export function aggregationKindsCheck(schema: GraphQLSchema): AggregationKindsCheck {
  return (document, operationName) => {
    const operation = getOperationAST(document, operationName);
    if (!operation || operation.operation !== 'query') return null;
    const typeInfo = new TypeInfo(schema);
    const kinds = new Set<string>();
    let depth = 0;
    let closed = true;
    visit(
      operation,
      visitWithTypeInfo(typeInfo, {
        Field: {
          enter(node) {
            depth++;
            const field = typeInfo.getFieldDef();
            const parent = typeInfo.getParentType();
            if (node.name.value === '__typename') return;
            if (!field || !parent) {
              closed = false;
              return BREAK;
            }
            if (depth === 1) {
              const declared = declaredKinds(field.extensions);
              if (declared === null) {
                closed = false;
                return BREAK;
              }
              for (const kind of declared) kinds.add(kind);
              return;
            }
            const linkedRecord = isObjectType(parent) && parent.getInterfaces().some((type) => type.name === 'Node');
            if (linkedRecord && (!isLeafType(getNamedType(field.type)) || (node.arguments?.length ?? 0) > 0 || field.args.length > 0)) {
              closed = false;
              return BREAK;
            }
          },
          leave() {
            depth--;
          },
        },
        // A named fragment's fields are not walked here; rather than follow it, the answer keeps the rule for lists.
        FragmentSpread() {
          closed = false;
          return BREAK;
        },
      }),
    );
    return closed && kinds.size > 0 ? [...kinds] : null;
  };
}

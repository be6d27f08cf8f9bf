/**
 * Which lists in a cached answer are a record's own parts rather than
 * listings. A 三公 statement's four expense lines, a procurement's awards
 * and contracts change only when that record is pushed again, and the
 * change feed then names the record: an answer holding them need not be
 * dropped on every change of every catalog, as the response cache's rule
 * for lists would do (every statement and procurement item page on every
 * push). A list field declares this with the `ownParts` extension
 * (`OWN_PARTS` or `OWN_LINKS` in type-graphql's `@Extensions`):
 * - `owned`: the elements are written with the record and by nothing else
 *   (statement lines, awards, contracts);
 * - `linked`: which elements belong is the record's, but the elements are
 *   records shared with others (an award's suppliers, whose names another
 *   procurement may change): each element must show its own global id in
 *   the answer, so that a change of it drops the answer.
 * The response cache treats such a list as its parent's content only when
 * the parent is identified in the answer by its global id, or is itself an
 * own part of an identified record; otherwise it stays a listing.
 */
import { getOperationAST, TypeInfo, visit, visitWithTypeInfo, BREAK, type DocumentNode, type GraphQLSchema } from 'graphql';

/** The extension key of a list field whose elements are its record's own parts. */
export const OWN_PARTS_KEY = 'ownParts';

export type OwnPartsKind = 'owned' | 'linked';

/** Extensions of a list field whose elements are written with its record only. */
export const OWN_PARTS: { [OWN_PARTS_KEY]: OwnPartsKind } = { [OWN_PARTS_KEY]: 'owned' };

/** Extensions of a list field whose membership is its record's, its elements records of their own. */
export const OWN_LINKS: { [OWN_PARTS_KEY]: OwnPartsKind } = { [OWN_PARTS_KEY]: 'linked' };

/** Response paths (response keys joined by dots, list positions left out) of an operation's own-part lists, with their kind. */
export type OwnPartPaths = ReadonlyMap<string, OwnPartsKind>;

/** The own-part lists of an operation; empty when it has none or cannot be read (a named fragment spread, an unknown field). */
export type OwnPartsCheck = (document: DocumentNode, operationName: string | undefined) => OwnPartPaths;

const NONE: OwnPartPaths = new Map();

function declared(extensions: Readonly<Record<string, unknown>> | null | undefined): OwnPartsKind | null {
  const kind = extensions?.[OWN_PARTS_KEY];
  return kind === 'owned' || kind === 'linked' ? kind : null;
}

/** A check bound to `schema` (see the file comment). */
export function ownPartsCheck(schema: GraphQLSchema): OwnPartsCheck {
  return (document, operationName) => {
    const operation = getOperationAST(document, operationName);
    if (!operation) return NONE;
    const typeInfo = new TypeInfo(schema);
    const path: string[] = [];
    const own = new Map<string, OwnPartsKind>();
    // A path some field declares and another (of another type, through a fragment) does not is no own part.
    const other = new Set<string>();
    let readable = true;
    visit(
      operation,
      visitWithTypeInfo(typeInfo, {
        Field: {
          enter(node) {
            path.push(node.alias?.value ?? node.name.value);
            const field = typeInfo.getFieldDef();
            if (!field) {
              readable = false;
              return BREAK;
            }
            const key = path.join('.');
            const kind = declared(field.extensions);
            if (kind === null) other.add(key);
            else if (own.has(key) && own.get(key) !== kind) other.add(key);
            else own.set(key, kind);
          },
          leave() {
            path.pop();
          },
        },
        // A named fragment's fields are not walked here; rather than follow it, the answer keeps the rule for lists.
        FragmentSpread() {
          readable = false;
          return BREAK;
        },
      }),
    );
    if (!readable) return NONE;
    for (const key of other) own.delete(key);
    return own.size === 0 ? NONE : own;
  };
}

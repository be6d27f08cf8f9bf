/**
 * Fields whose answers are private even when anyone may ask for them: the
 * applicant's view of an application, opened with its secret, is answered
 * to the public but belongs to one person. Such fields carry the schema
 * extension `privateAnswer: true` (type-graphql `@Extensions(PRIVATE_ANSWER)`
 * on the field, or on the object type it returns), and the HTTP caches
 * (the response cache and public Cache-Control) skip every operation that
 * selects one, so no shared cache ever holds such an answer.
 */
import {
  getNamedType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** The extension key that marks a field (or an object type) as answering private data. */
export const PRIVATE_ANSWER_KEY = 'privateAnswer';

/** The extensions to put on a field or object type whose answers must never be kept by a shared cache. */
export const PRIVATE_ANSWER = { [PRIVATE_ANSWER_KEY]: true } as const;

/** Whether an operation document touches a private field; decided once per document. */
export type PrivateAnswerCheck = (document: DocumentNode) => boolean;

function marked(extensions: Readonly<Record<string, unknown>> | null | undefined): boolean {
  return extensions?.[PRIVATE_ANSWER_KEY] === true;
}

/**
 * A check, bound to `schema`, that answers true when any operation or
 * fragment of the document selects a field marked private or a field whose
 * type is marked private. The whole document counts, not only the operation
 * run: a document is cached as one text, and being conservative costs nothing.
 */
export function privateAnswerCheck(schema: GraphQLSchema): PrivateAnswerCheck {
  const memo = new WeakMap<DocumentNode, boolean>();
  return (document) => {
    const known = memo.get(document);
    if (known !== undefined) return known;
    const typeInfo = new TypeInfo(schema);
    let found = false;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field() {
          const field = typeInfo.getFieldDef();
          if (!field) return;
          const type: GraphQLNamedType = getNamedType(field.type);
          if (marked(field.extensions) || marked(type.extensions)) found = true;
        },
      }),
    );
    memo.set(document, found);
    return found;
  };
}


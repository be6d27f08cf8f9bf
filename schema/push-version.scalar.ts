/**
 * `SourceVersion`: the version a department's system gives a record, a
 * non-negative integer (revision counter) or an ISO-8601 timestamp with a
 * time zone (last-modified time). Parsed leniently, so a wrong value is a
 * per-record rejection in the push result rather than a failed call.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function accepted(value: unknown): number | string {
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new GraphQLError('SourceVersion must be an integer or a string (an ISO-8601 timestamp)', { extensions: { code: 'BAD_USER_INPUT' } });
}

/** The SourceVersion scalar: an Int or a String, passed through as given. */
export const SourceVersionScalar = new GraphQLScalarType<number | string, number | string>({
  name: 'SourceVersion',
  description:
    'Version of a pushed record in its source system: a non-negative integer (e.g. 17) or an ISO-8601 timestamp with a time zone (e.g. "2015-03-01T10:00:00+08:00"). A record\'s versions must all be of one kind; a timestamp is compared as an instant (to the nanosecond).',
  serialize: accepted,
  parseValue: accepted,
  parseLiteral(ast) {
    if (ast.kind === Kind.INT) return Number(ast.value);
    if (ast.kind === Kind.STRING) return ast.value;
    if (ast.kind === Kind.FLOAT) return Number(ast.value);
    throw new GraphQLError('SourceVersion literals are integers or strings', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

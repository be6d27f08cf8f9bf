/**
 * `Decimal`: an exact decimal number as a string ("12345.60"), never a
 * Float, so money keeps every 分 across the wire.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?\d+(\.\d+)?$/u;

function checked(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value)) return value;
  throw new GraphQLError(`Decimal must be a string of digits with an optional fraction, like "12345.60"; got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** The Decimal scalar: serialized and parsed as a plain decimal string. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number written as a string, e.g. "12345.60" (never a float). Money fields say their unit (元 or 万元).',
  serialize: checked,
  parseValue: checked,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return checked(ast.value);
    throw new GraphQLError('Decimal literals must be strings, e.g. "12345.60"', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

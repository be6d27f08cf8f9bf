/** The error for an argument a client got wrong. */
import { GraphQLError } from 'graphql';

/** A BAD_USER_INPUT error naming the argument (dotted for input fields, e.g. `filter.categories`). */
export function badUserInput(argumentName: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName, ...extra } });
}

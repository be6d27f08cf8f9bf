/**
 * Global ids: opaque base64url of "<Type>:<record id>", so `node(id:)` knows
 * which store and loader to ask.
 */
import { badUserInput } from './bad-user-input.js';

/** The global id of record `id` of GraphQL type `type`. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** The type and record id inside a global id; a malformed one is a BAD_USER_INPUT on `argumentName`. */
export function fromGlobalId(globalId: string, argumentName: string): { type: string; id: string } {
  const decoded = /^[A-Za-z0-9_-]+$/u.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  if (separator <= 0 || separator === decoded.length - 1 || !/^[A-Z][A-Za-z]*$/u.test(decoded.slice(0, separator))) {
    throw badUserInput(argumentName, `"${globalId}" is not a global id; use the \`id\` field of an object.`);
  }
  return { type: decoded.slice(0, separator), id: decoded.slice(separator + 1) };
}

/** The record id inside a global id that must be of `type`. */
export function recordIdOf(globalId: string, type: string, argumentName: string): string {
  const parsed = fromGlobalId(globalId, argumentName);
  if (parsed.type !== type) throw badUserInput(argumentName, `Expected the id of a ${type}, got the id of a ${parsed.type}.`);
  return parsed.id;
}

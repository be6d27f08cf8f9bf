/**
 * What a client may learn from an error. Errors that carry a code from
 * `CLIENT_ERROR_CODES` are meant for clients and pass with that code (and the
 * store or argument they name); everything else is a bug or an internal
 * failure: its text could leak hosts, queries or stack details, so the client
 * sees only "Internal server error" and a request id, and the full error goes
 * to the log under the same id.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from './logger.js';

/** Codes whose errors are addressed to the client and shown as they are. */
export const CLIENT_ERROR_CODES = new Set([
  // Domain codes raised by resolvers and data sources.
  'BAD_USER_INPUT',
  'SOURCE_UNAVAILABLE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  // Apollo Server's own request errors.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // The gateway's query limits.
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
]);

/** Codes that mean a dependency failed rather than the client: logged as warnings. */
const DEPENDENCY_ERROR_CODES = new Set(['SOURCE_UNAVAILABLE']);

/** Extension keys copied from a client error to the response, besides `code`. */
const CLIENT_EXTENSION_KEYS = ['source', 'argumentName', 'limit', 'actual'] as const;

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

interface RequestScope {
  requestId: string;
}

/**
 * The request being served, for code that runs without the GraphQL context
 * (Apollo's `formatError`). The HTTP layer enters it around each request.
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Builds Apollo's `formatError`: client errors pass with their code and named
 * extensions; anything else is masked as `INTERNAL_SERVER_ERROR` with the
 * current request id, and logged with that id and its stack.
 */
export function createErrorFormatter(logger: Logger) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = unwrapResolverError(error);
    const code = clientCode(original) ?? clientCode(formatted.extensions);
    const location = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    if (code !== undefined) {
      const extensions: Record<string, unknown> = { code };
      for (const key of CLIENT_EXTENSION_KEYS) {
        const value = ownScalar(original, key) ?? ownScalar(formatted.extensions, key);
        if (value !== undefined) extensions[key] = value;
      }
      if (DEPENDENCY_ERROR_CODES.has(code)) {
        // The store's own failure text can name hosts and ports: it goes to the log only.
        logger.warn({ requestId: currentRequestId(), code, source: extensions.source, path: formatted.path, err: original }, formatted.message);
        const store = typeof extensions.source === 'string' ? `The ${extensions.source} store` : 'A store';
        return { message: `${store} did not answer in time or could not be reached; its part of the result is missing.`, ...location, extensions };
      }
      return { message: formatted.message, ...location, extensions };
    }
    const requestId = currentRequestId() ?? randomUUID();
    logger.error({ requestId, path: formatted.path, err: original }, 'unexpected error while serving a GraphQL request');
    return { message: INTERNAL_ERROR_MESSAGE, ...location, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
  };
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

function clientCode(carrier: unknown): string | undefined {
  const code = ownString(carrier, 'code');
  return code !== undefined && CLIENT_ERROR_CODES.has(code) ? code : undefined;
}

function ownString(carrier: unknown, key: string): string | undefined {
  const value = ownScalar(carrier, key);
  return typeof value === 'string' ? value : undefined;
}

function ownScalar(carrier: unknown, key: string): string | number | undefined {
  if (typeof carrier !== 'object' || carrier === null) return undefined;
  const value = (carrier as Record<string, unknown>)[key];
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : undefined;
}

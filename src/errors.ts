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
import { GraphQLError, responsePathAsArray, type GraphQLFormattedError, type GraphQLResolveInfo } from 'graphql';
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
  // Department pushes, review and withdrawal.
  'BATCH_TOO_LARGE', 'STALE_VERSION',
  // Applications (依申请公开) and their statutory clock.
  'APPLICATION_NOT_FOUND', 'INVALID_TRANSITION', 'EXTENSION_ALREADY_GRANTED', 'EXTENSION_TOO_LONG', 'EXTENSION_AFTER_DUE_DATE', 'DATE_OUT_OF_ORDER', 'CONCURRENT_UPDATE', 'CALENDAR_YEAR_MISSING',
  'REPORT_INCONSISTENT', 'REPORT_YEAR_NOT_ENDED',
  // Analysts' aggregations and exports.
  'STORE_TIME_LIMIT_EXCEEDED', 'AGGREGATION_TOO_LARGE', 'EXPORT_NOT_SUPPORTED',
  // Apollo Server's own request errors.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_ALLOWED',
  'OPERATION_RESOLUTION_FAILURE',
  // The gateway's query limits.
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
]);

/** Codes that mean a dependency failed rather than the client: logged as warnings. */
const DEPENDENCY_ERROR_CODES = new Set(['SOURCE_UNAVAILABLE']);

/** Extension keys copied from a client error to the response, besides `code`. */
const CLIENT_EXTENSION_KEYS = ['source', 'argumentName', 'limit', 'actual', 'role', 'state', 'year', 'cost'] as const;

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

/** Apollo's `formatError`, as `createErrorFormatter` builds it. */
export type ErrorFormatter = ReturnType<typeof createErrorFormatter>;

/**
 * The parts of one request's result that are missing while the fields
 * holding them still resolve: a list keeps only its real items, and each
 * missing part becomes a top-level error at the field it leaves partial
 * (appended to the response by the server's partial-results plugin).
 * One error per field and store: a page that misses a store in several
 * reads still says so once.
 */
export class PartialResults {
  readonly #reported = new Map<string, { error: Error; path: ReadonlyArray<string | number> }>();

  /** Records that the field at `path` (a resolver's `info.path`) lacks what `error` says is missing. */
  report(error: Error, path: GraphQLResolveInfo['path']): void {
    const at = responsePathAsArray(path);
    // Errors naming no store (a record the catalog lists but its store lacks) stay apart by their text.
    const key = JSON.stringify([at, ownString(error, 'source') ?? `message:${error.message}`]);
    if (!this.#reported.has(key)) this.#reported.set(key, { error, path: at });
  }

  /** How many distinct errors were reported. */
  get size(): number {
    return this.#reported.size;
  }

  /**
   * The reported errors as the client sees them. They go through
   * `formatError` like any execution error, so a store's failure text and
   * hosts stay in the log and anything unexpected is masked.
   */
  format(formatError: ErrorFormatter): GraphQLFormattedError[] {
    return [...this.#reported.values()].map(({ error, path }) => {
      const located = new GraphQLError(error.message, { path, originalError: error });
      return formatError(located.toJSON(), located);
    });
  }
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

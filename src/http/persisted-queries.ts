/**
 * Persisted operations for public traffic. A manifest (Apollo's persisted
 * query manifest: `{ operations: [{ id, body }] }`, the id being the
 * SHA-256 of the body) lists the operations the portals send. A request may
 * carry only the hash (`extensions.persistedQuery.sha256Hash`, as automatic
 * persisted queries send it), in POST or in a GET URL that HTTP caches can
 * key on; the text is filled in from the manifest. In safelist mode the
 * public may run nothing else: any other operation is refused with
 * `PERSISTED_QUERY_NOT_ALLOWED` (HTTP 400) before GraphQL sees it. Callers
 * with credentials are not restricted.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { operationOf, type Operation } from './response-cache.js';

export const PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED';

/** Operation texts by the hex SHA-256 of each. */
export type PersistedQueryManifest = ReadonlyMap<string, string>;

/** The hex SHA-256 of an operation text, as automatic persisted queries compute it. */
export function operationHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A manifest from its JSON form; every id must be the SHA-256 of its body (a wrong id would let through a text nobody reviewed). */
export function parseManifest(json: unknown): PersistedQueryManifest {
  const operations = (json as { operations?: unknown } | null)?.operations;
  if (!Array.isArray(operations)) throw new TypeError('A persisted query manifest needs an "operations" array.');
  const manifest = new Map<string, string>();
  for (const operation of operations as Array<{ id?: unknown; body?: unknown }>) {
    if (typeof operation.body !== 'string') throw new TypeError('Every operation of the manifest needs a "body" string.');
    const hash = operationHash(operation.body);
    if (operation.id !== undefined && operation.id !== hash) throw new TypeError(`Manifest operation "${String(operation.id)}" is not the SHA-256 of its body (${hash}).`);
    manifest.set(hash, operation.body);
  }
  return manifest;
}

export interface PersistedQueryOptions {
  manifest: PersistedQueryManifest;
  /** 'safelist' refuses public operations outside the manifest; 'open' only fills in texts (default 'safelist'). */
  mode?: 'safelist' | 'open';
  /** Whether the caller is the public; by default, requests without an Authorization header. */
  isPublic?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

function claimedHash(operation: Operation): string | undefined {
  const hash = (operation.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

function refuse(res: ServerResponse): void {
  const body = JSON.stringify({
    errors: [{ message: 'This operation is not on the list of operations the public may run; send one of the published persisted operations.', extensions: { code: PERSISTED_QUERY_NOT_ALLOWED } }],
  });
  res.statusCode = 400;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** Express-compatible middleware (after the JSON body parser, before GraphQL) enforcing the manifest as described above. */
export function persistedQueries(options: PersistedQueryOptions) {
  const isPublic = options.isPublic ?? ((req: IncomingMessage) => req.headers.authorization === undefined);
  const safelist = (options.mode ?? 'safelist') === 'safelist';
  return (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: (error?: unknown) => void): void => {
    const operation = operationOf(req);
    if (!operation) return next();
    const text = typeof operation.query === 'string' && operation.query !== '' ? operation.query : undefined;
    const hash = text !== undefined ? operationHash(text) : claimedHash(operation);
    const known = hash !== undefined ? options.manifest.get(hash) : undefined;
    if (safelist && known === undefined && isPublic(req, res)) return refuse(res);
    if (text === undefined && known !== undefined) {
      // Hash only: the text comes from the manifest, so it survives restarts that empty Apollo's APQ cache.
      if (req.method === 'POST') (req.body as Operation).query = known;
      else {
        const url = new URL(req.url ?? '/', 'http://localhost');
        url.searchParams.set('query', known);
        req.url = `${url.pathname}${url.search}`;
      }
    }
    next();
  };
}

/**
 * A response cache for public reads of the graph: the JSON of a query
 * answered without errors to the public is kept, keyed by the operation,
 * its variables and the negotiated media type, and served again until a
 * published change touches it. Invalidation is precise on records (an
 * entry holding a changed record id, or asking for one, is dropped) and
 * conservative on lists (an entry holding any list is dropped on every
 * change of any catalog, since a new or withdrawn record can enter or leave
 * any listing; so is an answer that names no record at all, such as a count
 * or a sum, which any change may alter). A list of plain values on an
 * object the answer identifies, such as a record's channels, is that
 * object's own content, not a listing; so is a list the schema declares a
 * record's own parts (a statement's lines, a procurement's awards; see
 * `own-parts.ts`) on an identified record. A catalog search is the exception
 * among lists: it goes only when a changed entry's search terms could match
 * it (`search-answers.ts`). So is an aggregation: it goes only on a change
 * of a disclosure kind it sums (`aggregation-answers.ts`). An entry naming
 * an organization whose catalog changed goes too, unless it is aggregations
 * only (a group key names its organization, whose catalog is not in the
 * answer). A response computed while a change was
 * announced is not stored, so a withdrawn record is never served from the
 * cache. Operations that select a private field (see `private-answers.ts`)
 * are never stored. Answers are kept per partition of callers who are
 * answered alike (the public; analysts, who read what the public reads with
 * a larger query budget): a caller outside every partition is never served
 * from the cache. A hit replays the Cache-Control and Vary the first
 * answer carried; GET and POST are kept apart, since they differ there.
 * Misses are coalesced: while one request computes an answer, the same
 * request arriving meanwhile waits for it and is answered from the cache,
 * so a change that drops the home page does not make every portal visitor
 * compute it at once. When that answer was not kept because a change was
 * announced while it was computed, a waiter that arrived before the change
 * is given it all the same (`x-cache: SHARED`: its own request overlapped
 * the change, as the computing one did), and a waiter that arrived after
 * the change, or behind an answer with errors, computes its own.
 * A waiter whose client has left by then computes nothing; the computing
 * request's turn ends when its response finishes or its client leaves,
 * even if that happened before the turn began.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, parse, type DocumentNode, type OperationTypeNode } from 'graphql';
import onFinished from 'on-finished';
import type { PublishedChange } from '../../datasources/change-feed.js';
import type { AggregationKindsCheck } from './aggregation-answers.js';
import { isOwnValueList, recordIdOf } from './answer-lists.js';
import type { OwnPartPaths, OwnPartsCheck } from './own-parts.js';
import { searchDependencies, searchFieldsOf, touchesSearches, type SearchField } from './search-answers.js';

/** Where changes are announced (the stores' `changes` feed). */
export interface ChangeSource {
  subscribe(listener: (change: PublishedChange) => void): () => void;
}

export interface ResponseCacheOptions {
  changes: ChangeSource;
  /**
   * The partition of callers the request's caller belongs to: callers of one
   * partition get the same answer to the same request, whoever they are.
   * Null: this caller is never answered from the cache, nor is its answer
   * kept. By default `public` for requests without an Authorization header.
   */
  partitionOf?: (req: IncomingMessage, res: ServerResponse) => string | null;
  /** Entries kept at most; the oldest go first (default 10,000). */
  maxEntries?: number;
  /** How long an entry lives, bounding how late a scheduled publication shows in lists (default 60 s). */
  ttlMs?: number;
  /** Whether an operation's answers are private (never stored); by default none are. */
  isPrivate?: (document: DocumentNode) => boolean;
  /** The disclosure kinds an operation depends on when it is aggregations only (see `aggregation-answers.ts`); by default none is. */
  aggregationKinds?: AggregationKindsCheck;
  /** The lists of an operation that are records' own parts (see `own-parts.ts`); by default none is. */
  ownParts?: OwnPartsCheck;
  now?: () => number;
}

/** What the cache holds and did, for tests and the benchmark. */
export interface ResponseCacheStats {
  entries: number;
  hits: number;
  misses: number;
  dropped: number;
  /** Requests that waited for the same request's answer in progress instead of computing their own. */
  coalesced: number;
  /** Waiting requests answered with the answer they waited for although it was not kept (a change was announced after they arrived). */
  shared: number;
}

export interface ResponseCache {
  /** Express-compatible middleware: answers from the cache or lets the request through and keeps its answer. Needs `req.body` parsed for POST. */
  middleware(req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: (error?: unknown) => void): void;
  stats(): ResponseCacheStats;
  /** Stops listening to changes and empties the cache. */
  close(): void;
}

/** An answer as it is replayed: to a later request from the cache, or to the requests that waited for it. */
interface Reply {
  body: Buffer;
  contentType: string;
  etag: string;
  /** Cache-Control and Vary of the first answer, replayed on hits. */
  headers: Array<[string, string]>;
}

interface Entry extends Reply {
  expires: number;
  recordIds: string[];
  lists: boolean;
  /** For an answer that is catalog searches only: each search's query n-grams (`search-answers.ts`); null otherwise. */
  searches: string[][] | null;
  /** For an answer that is aggregations only: the disclosure kinds it sums (`aggregation-answers.ts`); null otherwise. */
  kinds: readonly string[] | null;
}

/** What the cache needs to know of an operation text, worked out once. */
interface ParsedOperation {
  /** Its type, or null when it may not be cached (it does not parse, names no single operation, or is private). */
  type: OperationTypeNode | null;
  searches: SearchField[];
  kinds: readonly string[] | null;
  ownParts: OwnPartPaths;
}

const NO_OWN_PARTS: OwnPartPaths = new Map();

/** A GraphQL-over-HTTP request's operation fields, as sent. */
export interface Operation {
  query?: string;
  operationName?: string;
  variables?: unknown;
  extensions?: unknown;
}

/** A strong ETag of a response body. */
export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether an If-None-Match header value names `etag` (weak or strong, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** Whether `value` is an object the answer identifies by its global id. */
function identifies(value: unknown): boolean {
  const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && recordIdOf(id) !== null;
}

/**
 * Record ids of every global id in `value`, and whether it holds a listing
 * (`answer-lists.ts`). `own` names the operation's own-part lists by
 * response path (`own-parts.ts`): such a list on an identified record (or
 * inside another own part of one) is that record's content, not a listing.
 */
function scan(value: unknown, ids: Set<string>, own: OwnPartPaths = NO_OWN_PARTS, path = '', ownedBy = false): boolean {
  if (typeof value === 'string') {
    const id = recordIdOf(value);
    if (id !== null) ids.add(id);
    return false;
  }
  if (Array.isArray(value)) {
    for (const item of value) scan(item, ids, own, path);
    return true;
  }
  if (value === null || typeof value !== 'object') return false;
  const object = value as Record<string, unknown>;
  const owner = ownedBy || identifies(object);
  let lists = false;
  for (const [key, item] of Object.entries(object)) {
    const at = path === '' ? key : `${path}.${key}`;
    const part = Array.isArray(item) && owner ? own.get(at) : undefined;
    if (isOwnValueList(object, item)) for (const element of item) scan(element, ids);
    else if (part === 'owned' || (part === 'linked' && (item as unknown[]).every(identifies))) {
      for (const element of item as unknown[]) lists = scan(element, ids, own, at, true) || lists;
    } else lists = scan(item, ids, own, at) || lists;
  }
  return lists;
}

/** The operation of a GET (query string) or POST (parsed JSON body) request; null for other methods or a body that is not an object. */
export function operationOf(req: IncomingMessage & { body?: unknown }): Operation | null {
  if (req.method === 'POST') return req.body !== null && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Operation) : null;
  if (req.method !== 'GET') return null;
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const json = (name: string) => {
    const text = params.get(name);
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };
  return { query: params.get('query') ?? undefined, operationName: params.get('operationName') ?? undefined, variables: json('variables'), extensions: json('extensions') };
}

/** A computation in progress of one key: the change count when it began, and its answer once finished (null when it has none to give). */
interface Turn {
  startedAt: number;
  answer: Promise<Reply | null>;
  /** Requests waiting for it. */
  waiters: number;
}

/** The `data` of a GraphQL answer without errors, or null for one that may not be kept or shared (errors, no data, not JSON). */
function answerData(body: Buffer): unknown {
  let parsed: { data?: unknown; errors?: unknown };
  try {
    parsed = JSON.parse(body.toString('utf8')) as typeof parsed;
  } catch {
    return null;
  }
  return parsed.errors !== undefined || parsed.data == null ? null : parsed.data;
}

/** Sends `reply` again, or 304 to a conditional GET that names its ETag; `source` goes into `x-cache`. */
function replay(req: IncomingMessage, res: ServerResponse, reply: Reply, source: 'HIT' | 'SHARED'): void {
  res.setHeader('etag', reply.etag);
  res.setHeader('x-cache', source);
  for (const [name, value] of reply.headers) res.setHeader(name, value);
  if (req.method === 'GET' && matchesEtag(req.headers['if-none-match'], reply.etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('content-type', reply.contentType);
  res.setHeader('content-length', reply.body.length);
  res.end(reply.body);
}

/** Creates the cache and subscribes it to `options.changes`; mount `middleware` after the JSON body parser, before GraphQL. */
export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const partitionOf = options.partitionOf ?? ((req) => (req.headers.authorization === undefined ? 'public' : null));
  const aggregationKinds = options.aggregationKinds ?? (() => null);
  const ownParts = options.ownParts ?? (() => NO_OWN_PARTS);
  const maxEntries = options.maxEntries ?? 10_000;
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const byRecord = new Map<string, Set<string>>();
  const isPrivate = options.isPrivate ?? (() => false);
  /** Per operation text and name. */
  const operationTypes = new Map<string, ParsedOperation>();
  let generation = 0;
  const counters = { hits: 0, misses: 0, dropped: 0, coalesced: 0, shared: 0 };
  /** Keys being computed now: the change count when the computation began, and its answer (null when it has none to give: an error, or its client left) once its response is finished or abandoned. */
  const inFlight = new Map<string, Turn>();

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    counters.dropped++;
    for (const id of entry.recordIds) {
      const keys = byRecord.get(id);
      keys?.delete(key);
      if (keys?.size === 0) byRecord.delete(id);
    }
  };

  const unsubscribe = options.changes.subscribe((change) => {
    generation++;
    for (const id of change.recordIds) for (const key of [...(byRecord.get(id) ?? [])]) drop(key);
    for (const id of change.organizationIds) for (const key of [...(byRecord.get(id) ?? [])]) if (entries.get(key)?.kinds === null) drop(key);
    // The changed entries' terms as sets, made once and only if a cached search asks.
    let changedTerms: Array<Set<string>> | null = null;
    for (const [key, entry] of [...entries]) {
      if (entry.lists) drop(key);
      else if (entry.kinds !== null && entry.kinds.some((kind) => change.kinds.includes(kind))) drop(key);
      else if (entry.searches !== null && touchesSearches(entry.searches, (changedTerms ??= change.searchTerms.map((terms) => new Set(terms))))) drop(key);
    }
  });

  /** The operation's type, root searches and aggregated kinds, from a memo of parsed documents. */
  const parsedOperation = (query: string, operationName: string | undefined): ParsedOperation => {
    const memo = `${operationName ?? ''}\u0000${query}`;
    const known = operationTypes.get(memo);
    if (known) return known;
    let parsed: ParsedOperation = { type: null, searches: [], kinds: null, ownParts: NO_OWN_PARTS };
    try {
      const document = parse(query);
      if (!isPrivate(document)) {
        parsed = {
          type: getOperationAST(document, operationName)?.operation ?? null,
          searches: searchFieldsOf(document, operationName),
          kinds: aggregationKinds(document, operationName),
          ownParts: ownParts(document, operationName),
        };
      }
    } catch {
      // Not GraphQL: GraphQL itself answers it, uncached.
    }
    if (operationTypes.size >= 1_000) operationTypes.clear();
    operationTypes.set(memo, parsed);
    return parsed;
  };

  const store = (key: string, entry: Entry) => {
    drop(key);
    if (entries.size >= maxEntries) drop(entries.keys().next().value!);
    entries.set(key, entry);
    for (const id of entry.recordIds) {
      const keys = byRecord.get(id) ?? new Set<string>();
      keys.add(key);
      byRecord.set(id, keys);
    }
  };

  /** Answers from the cache, or waits once for the same request in progress, or computes the answer and keeps it. */
  function answer(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void, operation: Operation, parsedOp: ParsedOperation, key: string, waited: boolean): void {
    const cached = entries.get(key);
    if (cached && cached.expires > now()) {
      counters.hits++;
      replay(req, res, cached, 'HIT');
      return;
    }
    if (cached) drop(key);
    const pending = inFlight.get(key);
    if (pending && !waited) {
      counters.coalesced++;
      pending.waiters++;
      const arrivedAt = generation;
      void pending.answer.then((reply) => {
        // A waiter whose client left meanwhile has no one to answer.
        if (onFinished.isFinished(res)) return;
        if (entries.has(key) || reply === null || arrivedAt !== pending.startedAt) return answer(req, res, next, operation, parsedOp, key, true);
        // Not kept, because a change was announced while it was computed, but nothing changed between its start and this request's arrival: it answers this request as well as it answers its own, and computing it again for every waiter at once would only pile up work.
        counters.shared++;
        replay(req, res, reply, 'SHARED');
      });
      return;
    }
    counters.misses++;
    const startedAt = generation;
    let reply: Reply | null = null;
    let turn: Turn | undefined;
    if (!pending) {
      let settle!: (reply: Reply | null) => void;
      turn = { startedAt, answer: new Promise<Reply | null>((resolve) => (settle = resolve)), waiters: 0 };
      const own = turn;
      inFlight.set(key, own);
      // Unlike a 'close' listener, this also fires for a response whose client has already gone: a turn that never ended would make every later request for the key wait forever.
      onFinished(res, (error) => {
        if (inFlight.get(key) === own) inFlight.delete(key);
        settle(error ? null : reply);
      });
    }
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== 'function') keep(chunk, rest[0]);
      let body: Buffer | undefined;
      const bodyOf = () => (body ??= Buffer.concat(chunks));
      if (!res.headersSent) {
        res.setHeader('x-cache', 'MISS');
        // The first answer carries the ETag a later conditional GET will present.
        if (res.statusCode === 200 && res.getHeader('etag') === undefined) res.setHeader('etag', etagOf(bodyOf()));
      }
      const result = end(chunk, ...rest);
      // The answer is read to be kept, or to be shared with the requests waiting for it.
      if (res.statusCode === 200 && (generation === startedAt || (turn?.waiters ?? 0) > 0)) {
        const data = answerData(bodyOf());
        if (data !== null) {
          const etag = res.getHeader('etag');
          const headers: Array<[string, string]> = [];
          for (const name of ['cache-control', 'vary']) {
            const value = res.getHeader(name);
            if (value !== undefined) headers.push([name, String(value)]);
          }
          reply = { body: bodyOf(), contentType: String(res.getHeader('content-type') ?? 'application/json'), etag: typeof etag === 'string' ? etag : etagOf(bodyOf()), headers };
          // A change announced while this answer was computed may have withdrawn something in it.
          if (generation === startedAt) remember(reply, data);
        }
      }
      return result;
    }) as typeof res.end;
    const remember = (reply: Reply, data: unknown) => {
      const ids = new Set<string>();
      // Searches only: a change matters when the changed entries' terms could match them (see search-answers.ts).
      const { searches: searchFields, kinds } = parsedOp;
      const searches = kinds === null ? searchDependencies(data, searchFields, operation.variables) : null;
      // An answer naming no record (a count, a sum) depends on records it does not name: any change may alter it, unless it is aggregations of known kinds.
      const lists = (scan(data, ids, parsedOp.ownParts) || ids.size === 0) && searches === null && kinds === null;
      // Asked-for ids count too: an item that is not public yet answers null and must go when it is published.
      scan(operation.variables, ids);
      for (const literal of operation.query!.match(/"[A-Za-z0-9_-]{4,}"/gu) ?? []) scan(literal.slice(1, -1), ids);
      store(key, { ...reply, expires: now() + ttlMs, recordIds: [...ids], lists, searches, kinds });
    };
    next();
  }

  return {
    middleware(req, res, next) {
      const operation = operationOf(req);
      if (!operation || typeof operation.query !== 'string') return next();
      const partition = partitionOf(req, res);
      if (partition === null) return next();
      const parsedOp = parsedOperation(operation.query, operation.operationName);
      if (parsedOp.type !== 'query') return next();
      const accept = req.headers.accept ?? '';
      const key = JSON.stringify([partition, req.method, operation.query, operation.operationName ?? null, operation.variables ?? null, accept]);
      answer(req, res, next, operation, parsedOp, key, false);
    },
    stats() {
      return { entries: entries.size, ...counters };
    },
    close() {
      unsubscribe();
      entries.clear();
      byRecord.clear();
    },
  };
}

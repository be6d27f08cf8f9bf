/**
 * Read commands: find, aggregate, count, distinct, and the cursor commands
 * getMore and killCursors.
 */
import { Long, type Document } from 'bson';
import { CommandError } from '../errors.js';
import type { AggregateSpec, FindSpec } from '../engine/types.js';
import {
  bsonTypeName,
  collectionNamespace,
  isNumeric,
  nsString,
  optionalArray,
  optionalBoolean,
  optionalDocument,
  optionalHint,
  optionalInteger,
  optionalString,
  toNumber,
} from './arguments.js';
import type { CommandTable, ServerContext } from './context.js';
import { cursorBatchSize, firstBatchReply, nextBatchReply } from './cursor-reply.js';
import { aggregateExplain } from './query-plans.js';

/** The engine's FindSpec for a `find` command, plus how to batch it. */
export function parseFind(body: Document, db: string): { ns: { db: string; coll: string }; spec: FindSpec; batchSize?: number; singleBatch: boolean; noTimeout: boolean } {
  const ns = collectionNamespace(body, 'find', db);
  const spec: FindSpec = {};
  const filter = optionalDocument(body, 'find', 'filter');
  if (filter) spec.filter = filter;
  const sort = optionalDocument(body, 'find', 'sort');
  if (sort) spec.sort = sort;
  const projection = optionalDocument(body, 'find', 'projection');
  if (projection) spec.projection = projection;
  const skip = optionalInteger(body, 'find', 'skip', 0);
  if (skip) spec.skip = skip;
  let singleBatch = optionalBoolean(body, 'find', 'singleBatch') ?? false;
  const limit = optionalInteger(body, 'find', 'limit');
  if (limit !== undefined && limit < 0) {
    // The legacy convention: a negative limit asks for one batch of at most |limit| documents.
    spec.limit = -limit;
    singleBatch = true;
  } else if (limit) {
    spec.limit = limit;
  }
  const hint = optionalHint(body, 'find');
  if (hint !== undefined) spec.hint = hint;
  const collation = optionalDocument(body, 'find', 'collation');
  if (collation) spec.collation = collation;
  optionalInteger(body, 'find', 'maxTimeMS', 0);
  if (optionalBoolean(body, 'find', 'tailable')) {
    throw new CommandError('BadValue', `error processing query: ns=${nsString(ns)} tailable cursor requested on non capped collection`);
  }
  const batchSize = optionalInteger(body, 'find', 'batchSize', 0);
  return { ns, spec, batchSize, singleBatch, noTimeout: optionalBoolean(body, 'find', 'noCursorTimeout') ?? false };
}

/** The engine's AggregateSpec for an `aggregate` command; refuses what a standalone refuses. */
export function parseAggregate(body: Document, db: string): { ns: { db: string; coll: string | null }; spec: AggregateSpec } {
  const target = body.aggregate;
  let coll: string | null;
  if (isNumeric(target) && toNumber(target) === 1) coll = null;
  else coll = collectionNamespace(body, 'aggregate', db).coll;
  const pipeline = optionalArray(body, 'aggregate', 'pipeline');
  if (!pipeline) throw new CommandError('NoSuchKey', "BSON field 'aggregate.pipeline' is missing but a required field");
  pipeline.forEach((stage, i) => {
    if (bsonTypeName(stage) !== 'object') {
      throw new CommandError('TypeMismatch', `Each element of the 'pipeline' array must be an object; element ${i} is a ${bsonTypeName(stage)}`);
    }
    if (Object.hasOwn(stage as Document, '$changeStream')) {
      throw new CommandError('Location40573', 'The $changeStream stage is only supported on replica sets');
    }
  });
  const spec: AggregateSpec = { pipeline: pipeline as Document[] };
  const allowDiskUse = optionalBoolean(body, 'aggregate', 'allowDiskUse');
  if (allowDiskUse !== undefined) spec.allowDiskUse = allowDiskUse;
  const collation = optionalDocument(body, 'aggregate', 'collation');
  if (collation) spec.collation = collation;
  const variables = optionalDocument(body, 'aggregate', 'let');
  if (variables) spec.let = variables;
  const hint = optionalHint(body, 'aggregate');
  if (hint !== undefined) spec.hint = hint;
  optionalInteger(body, 'aggregate', 'maxTimeMS', 0);
  return { ns: { db, coll }, spec };
}

function getMore(ctx: ServerContext, db: string, body: Document): Document {
  const rawId = body.getMore;
  if (!(rawId instanceof Long) && !isNumeric(rawId)) {
    throw new CommandError('TypeMismatch', `BSON field 'getMore.getMore' is the wrong type '${bsonTypeName(rawId)}', expected type 'long'`);
  }
  const id = rawId instanceof Long ? rawId : Long.fromNumber(toNumber(rawId));
  const collection = optionalString(body, 'getMore', 'collection');
  if (collection === undefined) throw new CommandError('NoSuchKey', "BSON field 'getMore.collection' is missing but a required field");
  const batchSize = optionalInteger(body, 'getMore', 'batchSize', 0) ?? 0;
  optionalInteger(body, 'getMore', 'maxTimeMS', 0);
  const cursor = ctx.cursors.get(id);
  if (!cursor) throw new CommandError('CursorNotFound', `cursor id ${id.toString()} not found`);
  const ns = `${db}.${collection}`;
  if (cursor.ns !== ns) {
    throw new CommandError('Unauthorized', `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`);
  }
  try {
    const batch = ctx.cursors.next(cursor, batchSize);
    return nextBatchReply(ns, batch.documents, batch.cursorId);
  } catch (error) {
    // A cursor whose stream failed cannot be resumed, as on mongod.
    ctx.cursors.kill(id);
    throw error;
  }
}

function killCursors(ctx: ServerContext, db: string, body: Document): Document {
  collectionNamespace(body, 'killCursors', db);
  const ids = optionalArray(body, 'killCursors', 'cursors');
  if (!ids) throw new CommandError('NoSuchKey', "BSON field 'killCursors.cursors' is missing but a required field");
  const cursorsKilled: Long[] = [];
  const cursorsNotFound: Long[] = [];
  for (const raw of ids) {
    if (!(raw instanceof Long) && !isNumeric(raw)) {
      throw new CommandError('TypeMismatch', `BSON field 'killCursors.cursors' is the wrong type '${bsonTypeName(raw)}', expected type 'long'`);
    }
    const id = raw instanceof Long ? raw : Long.fromNumber(toNumber(raw));
    (ctx.cursors.kill(id) ? cursorsKilled : cursorsNotFound).push(id);
  }
  return { cursorsKilled, cursorsNotFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}

export const readCommands: CommandTable = {
  find: {
    countsAsCommand: false,
    handler: (ctx, { db, body }) => {
      ctx.opcounters.query++;
      const { ns, spec, batchSize, singleBatch, noTimeout } = parseFind(body, db);
      const source = ctx.engine.find(ns, spec);
      return firstBatchReply(ctx.cursors, nsString(ns), source, { firstBatchSize: batchSize, singleBatch, noTimeout });
    },
  },
  getMore: {
    countsAsCommand: false,
    handler: (ctx, { db, body }) => {
      ctx.opcounters.getmore++;
      return getMore(ctx, db, body);
    },
  },
  killCursors: { handler: (ctx, { db, body }) => killCursors(ctx, db, body) },
  aggregate: {
    handler: async (ctx, { db, body }) => {
      const { ns, spec } = parseAggregate(body, db);
      const explain = optionalBoolean(body, 'aggregate', 'explain') ?? false;
      if (explain) return { ...aggregateExplain(ctx, ns, spec, false), ok: 1 };
      if (bsonTypeName(body.cursor) !== 'object') {
        throw new CommandError('FailedToParse', "The 'cursor' option is required, except for aggregate with the explain argument");
      }
      const batchSize = cursorBatchSize(body.cursor);
      if (batchSize !== undefined && batchSize < 0) throw new CommandError('Location51024', `BSON field 'batchSize' value must be >= 0, actual value '${batchSize}'`);
      const source = await ctx.engine.aggregateAsync(ns, spec);
      const cursorNs = ns.coll === null ? `${db}.$cmd.aggregate` : `${db}.${ns.coll}`;
      return firstBatchReply(ctx.cursors, cursorNs, source, { firstBatchSize: batchSize });
    },
  },
  count: {
    handler: async (ctx, { db, body }) => {
      const ns = collectionNamespace(body, 'count', db);
      const query = optionalDocument(body, 'count', 'query') ?? {};
      const skip = optionalInteger(body, 'count', 'skip', 0);
      const limit = optionalInteger(body, 'count', 'limit');
      return { n: await ctx.engine.countAsync(ns, query, skip, limit === undefined ? undefined : Math.abs(limit)), ok: 1 };
    },
  },
  distinct: {
    handler: async (ctx, { db, body }) => {
      const ns = collectionNamespace(body, 'distinct', db);
      const key = body.key;
      if (typeof key !== 'string') {
        if (key === undefined) throw new CommandError('NoSuchKey', "BSON field 'distinct.key' is missing but a required field");
        throw new CommandError('TypeMismatch', `BSON field 'distinct.key' is the wrong type '${bsonTypeName(key)}', expected type 'string'`);
      }
      const query = optionalDocument(body, 'distinct', 'query') ?? {};
      return { values: await ctx.engine.distinctAsync(ns, key, query), ok: 1 };
    },
  },
};

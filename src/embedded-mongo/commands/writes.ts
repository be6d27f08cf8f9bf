/**
 * Write commands: insert, update, delete, findAndModify. Per-document
 * failures come back in `writeErrors` with `ok: 1` (the driver turns them
 * into MongoBulkWriteError); a malformed command fails as a whole.
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import type { DeleteStatement, FindAndModifySpec, UpdateStatement, WriteResult } from '../engine/types.js';
import { MAX_WRITE_BATCH_SIZE } from '../wire/protocol.js';
import {
  bsonTypeName,
  collectionNamespace,
  isNumeric,
  optionalArray,
  optionalBoolean,
  optionalDocument,
  optionalHint,
  requiredDocuments,
  toNumber,
} from './arguments.js';
import type { CommandTable } from './context.js';

function checkBatchSize(count: number): void {
  if (count < 1 || count > MAX_WRITE_BATCH_SIZE) {
    throw new CommandError('InvalidLength', `Write batch sizes must be between 1 and ${MAX_WRITE_BATCH_SIZE}. Got ${count} operations.`);
  }
}

/** The reply fields shared by the three write commands. */
function writeReply(result: WriteResult, withUpdateFields: boolean): Document {
  const reply: Document = { n: result.n };
  if (withUpdateFields) {
    if (result.upserted && result.upserted.length > 0) reply.upserted = result.upserted;
    reply.nModified = result.nModified ?? 0;
  }
  if (result.writeErrors && result.writeErrors.length > 0) {
    reply.writeErrors = result.writeErrors.map(({ index, code, errmsg, keyPattern, keyValue }) => ({ index, code, errmsg, keyPattern, keyValue }));
  }
  reply.ok = 1;
  return reply;
}

/** The `u` of an update statement: an operator or replacement document, or a pipeline. */
function updateSpec(value: unknown, field: string): Document | Document[] {
  const type = bsonTypeName(value);
  if (type === 'object') return value as Document;
  if (type === 'array') {
    (value as unknown[]).forEach((stage, i) => {
      if (bsonTypeName(stage) !== 'object') throw new CommandError('TypeMismatch', `BSON field '${field}.${i}' is the wrong type '${bsonTypeName(stage)}', expected type 'object'`);
    });
    return value as Document[];
  }
  throw new CommandError('FailedToParse', `Update argument must be either an object or an array`);
}

function toUpdateStatement(raw: Document, i: number): UpdateStatement {
  const q = optionalDocument(raw, `update.updates.${i}`, 'q');
  if (!q) throw new CommandError('NoSuchKey', `BSON field 'update.updates.q' is missing but a required field`);
  if (raw.u === undefined) throw new CommandError('NoSuchKey', `BSON field 'update.updates.u' is missing but a required field`);
  const u = updateSpec(raw.u, `update.updates.u`);
  const multi = optionalBoolean(raw, 'update.updates', 'multi') ?? false;
  if (multi && !Array.isArray(u) && !Object.keys(u).some((k) => k.startsWith('$'))) {
    throw new CommandError('FailedToParse', 'multi update is not supported for replacement-style update');
  }
  const statement: UpdateStatement = { q, u, upsert: optionalBoolean(raw, 'update.updates', 'upsert') ?? false, multi };
  const arrayFilters = optionalArray(raw, 'update.updates', 'arrayFilters');
  if (arrayFilters) statement.arrayFilters = arrayFilters as Document[];
  const hint = optionalHint(raw, 'update.updates');
  if (hint !== undefined) statement.hint = hint;
  const collation = optionalDocument(raw, 'update.updates', 'collation');
  if (collation) statement.collation = collation;
  return statement;
}

function toDeleteStatement(raw: Document): DeleteStatement {
  const q = optionalDocument(raw, 'delete.deletes', 'q');
  if (!q) throw new CommandError('NoSuchKey', `BSON field 'delete.deletes.q' is missing but a required field`);
  if (raw.limit === undefined) throw new CommandError('NoSuchKey', `BSON field 'delete.deletes.limit' is missing but a required field`);
  if (!isNumeric(raw.limit)) throw new CommandError('TypeMismatch', `BSON field 'delete.deletes.limit' is the wrong type '${bsonTypeName(raw.limit)}', expected types '[long, int, decimal, double]'`);
  const limit = toNumber(raw.limit);
  if (limit !== 0 && limit !== 1) throw new CommandError('FailedToParse', `The limit field in delete objects must be 0 or 1. Got ${limit}`);
  const statement: DeleteStatement = { q, limit };
  const hint = optionalHint(raw, 'delete.deletes');
  if (hint !== undefined) statement.hint = hint;
  const collation = optionalDocument(raw, 'delete.deletes', 'collation');
  if (collation) statement.collation = collation;
  return statement;
}

function toFindAndModifySpec(body: Document, command: string): FindAndModifySpec {
  const remove = optionalBoolean(body, command, 'remove') ?? false;
  const upsert = optionalBoolean(body, command, 'upsert') ?? false;
  const returnNew = optionalBoolean(body, command, 'new') ?? false;
  const hasUpdate = body.update !== undefined && body.update !== null;
  if (remove && hasUpdate) throw new CommandError('FailedToParse', 'Cannot specify both an update and remove=true');
  if (!remove && !hasUpdate) throw new CommandError('FailedToParse', 'Either an update or remove=true must be specified');
  if (remove && upsert) throw new CommandError('FailedToParse', 'Cannot specify both upsert=true and remove=true ');
  if (remove && returnNew) throw new CommandError('FailedToParse', "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document");
  const spec: FindAndModifySpec = { remove, upsert, new: returnNew };
  const query = optionalDocument(body, command, 'query');
  if (query) spec.query = query;
  const sort = optionalDocument(body, command, 'sort');
  if (sort) spec.sort = sort;
  const fields = optionalDocument(body, command, 'fields');
  if (fields) spec.fields = fields;
  if (hasUpdate) spec.update = updateSpec(body.update, `${command}.update`);
  const arrayFilters = optionalArray(body, command, 'arrayFilters');
  if (arrayFilters) spec.arrayFilters = arrayFilters as Document[];
  return spec;
}

const findAndModify: CommandTable[string] = {
  handler: async (ctx, { db, body }) => {
    const command = Object.keys(body)[0]!;
    const ns = collectionNamespace(body, command, db);
    const result = await ctx.engine.findAndModify(ns, toFindAndModifySpec(body, command));
    return { lastErrorObject: result.lastErrorObject, value: result.value, ok: 1 };
  },
};

export const writeCommands: CommandTable = {
  insert: {
    countsAsCommand: false,
    handler: async (ctx, { db, body }) => {
      const ns = collectionNamespace(body, 'insert', db);
      const documents = requiredDocuments(body, 'insert', 'documents');
      checkBatchSize(documents.length);
      const ordered = optionalBoolean(body, 'insert', 'ordered') ?? true;
      ctx.opcounters.insert += documents.length;
      return writeReply(await ctx.engine.insert(ns, documents, ordered), false);
    },
  },
  update: {
    countsAsCommand: false,
    handler: async (ctx, { db, body }) => {
      const ns = collectionNamespace(body, 'update', db);
      const raw = requiredDocuments(body, 'update', 'updates');
      checkBatchSize(raw.length);
      const statements = raw.map(toUpdateStatement);
      const ordered = optionalBoolean(body, 'update', 'ordered') ?? true;
      ctx.opcounters.update += statements.length;
      return writeReply(await ctx.engine.update(ns, statements, ordered), true);
    },
  },
  delete: {
    countsAsCommand: false,
    handler: async (ctx, { db, body }) => {
      const ns = collectionNamespace(body, 'delete', db);
      const raw = requiredDocuments(body, 'delete', 'deletes');
      checkBatchSize(raw.length);
      const statements = raw.map(toDeleteStatement);
      const ordered = optionalBoolean(body, 'delete', 'ordered') ?? true;
      ctx.opcounters.delete += statements.length;
      return writeReply(await ctx.engine.delete(ns, statements, ordered), false);
    },
  },
  findAndModify,
  findandmodify: findAndModify,
};

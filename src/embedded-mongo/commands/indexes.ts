/**
 * Index commands: createIndexes, listIndexes, dropIndexes (alias
 * deleteIndexes).
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import type { IndexSpec } from '../engine/types.js';
import { bsonTypeName, collectionNamespace, nsString, requiredDocuments } from './arguments.js';
import type { CommandHandler, CommandTable } from './context.js';
import { cursorBatchSize, firstBatchReply } from './cursor-reply.js';

/** mongod's default index name: `a_1_b_-1`. */
export function defaultIndexName(key: Document): string {
  return Object.entries(key)
    .map(([field, direction]) => `${field}_${String(direction)}`)
    .join('_');
}

function toIndexSpec(raw: Document, i: number): IndexSpec {
  const key = raw.key;
  if (bsonTypeName(key) !== 'object') {
    throw new CommandError('FailedToParse', `Error in specification { ${Object.keys(raw).join(', ')} } :: caused by :: The 'key' field is a required property of an index specification`);
  }
  if (Object.keys(key as Document).length === 0) throw new CommandError('CannotCreateIndex', `Index keys cannot be empty.`);
  const name = raw.name ?? defaultIndexName(key as Document);
  if (typeof name !== 'string' || name.length === 0) throw new CommandError('TypeMismatch', `The field 'name' of index ${i} must be a non-empty string`);
  return { ...raw, key: key as Document, name };
}

const dropIndexes: CommandHandler = async (ctx, { db, body }) => {
  const command = Object.keys(body)[0]!;
  const ns = collectionNamespace(body, command, db);
  const which = body.index;
  if (which === undefined) throw new CommandError('NoSuchKey', `BSON field '${command}.index' is missing but a required field`);
  const type = bsonTypeName(which);
  if (type !== 'string' && type !== 'object' && type !== 'array') {
    throw new CommandError('TypeMismatch', `BSON field '${command}.index' is the wrong type '${type}', expected types '[string, object, array]'`);
  }
  const result = await ctx.engine.dropIndexes(ns, which as string | string[] | Document);
  return { nIndexesWas: result.nIndexesWas, ok: 1 };
};

export const indexCommands: CommandTable = {
  createIndexes: {
    handler: async (ctx, { db, body }) => {
      const ns = collectionNamespace(body, 'createIndexes', db);
      const specs = requiredDocuments(body, 'createIndexes', 'indexes').map(toIndexSpec);
      if (specs.length === 0) throw new CommandError('BadValue', 'Must specify at least one index to create');
      const result = await ctx.engine.createIndexes(ns, specs);
      return { ...result, ok: 1 };
    },
  },
  listIndexes: {
    handler: (ctx, { db, body }) => {
      const ns = collectionNamespace(body, 'listIndexes', db);
      const indexes = ctx.engine.listIndexes(ns) as Document[];
      return firstBatchReply(ctx.cursors, nsString(ns), indexes[Symbol.iterator](), { firstBatchSize: cursorBatchSize(body.cursor) });
    },
  },
  dropIndexes: { handler: dropIndexes },
  deleteIndexes: { handler: dropIndexes },
};

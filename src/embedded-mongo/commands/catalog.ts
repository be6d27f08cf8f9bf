/**
 * Database and collection commands: listDatabases, listCollections, create,
 * drop, dropDatabase.
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { compileFilter } from '../query/index.js';
import { collectionNamespace, nsString, optionalBoolean, optionalDocument } from './arguments.js';
import type { CommandTable } from './context.js';
import { cursorBatchSize, firstBatchReply } from './cursor-reply.js';
import { GENERIC_FIELDS } from './generic-fields.js';

/** Fields of `create` that are not collection options. */
const CREATE_NON_OPTIONS = new Set(['create', ...GENERIC_FIELDS]);

export const catalogCommands: CommandTable = {
  listDatabases: {
    adminOnly: true,
    handler: (ctx, { body }) => {
      const nameOnly = optionalBoolean(body, 'listDatabases', 'nameOnly') ?? false;
      const filter = optionalDocument(body, 'listDatabases', 'filter');
      let databases = ctx.engine.listDatabases();
      if (filter) {
        const matches = compileFilter(filter);
        databases = databases.filter((info) => matches({ ...info }));
      }
      const totalSize = databases.reduce((sum, info) => sum + info.sizeOnDisk, 0);
      if (nameOnly) return { databases: databases.map(({ name }) => ({ name })), ok: 1 };
      return { databases, totalSize, totalSizeMb: Math.floor(totalSize / (1024 * 1024)), ok: 1 };
    },
  },
  listCollections: {
    handler: (ctx, { db, body }) => {
      const filter = optionalDocument(body, 'listCollections', 'filter');
      const nameOnly = optionalBoolean(body, 'listCollections', 'nameOnly') ?? false;
      const infos = ctx.engine.listCollections(db, filter);
      const docs: Document[] = nameOnly ? infos.map(({ name, type }) => ({ name, type })) : (infos as unknown as Document[]);
      return firstBatchReply(ctx.cursors, `${db}.$cmd.listCollections`, docs[Symbol.iterator](), { firstBatchSize: cursorBatchSize(body.cursor) });
    },
  },
  create: {
    handler: async (ctx, { db, body }) => {
      const ns = collectionNamespace(body, 'create', db);
      const options: Document = {};
      for (const [key, value] of Object.entries(body)) if (!CREATE_NON_OPTIONS.has(key)) options[key] = value;
      await ctx.engine.createCollection(ns, options);
      return { ok: 1 };
    },
  },
  drop: {
    handler: async (ctx, { db, body }) => {
      const ns = collectionNamespace(body, 'drop', db);
      let nIndexesWas: number | undefined;
      try {
        nIndexesWas = ctx.engine.listIndexes(ns).length;
      } catch (error) {
        if (!(error instanceof CommandError && error.codeName === 'NamespaceNotFound')) throw error;
      }
      const dropped = await ctx.engine.dropCollection(ns);
      // mongod 7.0 answers ok for a collection that does not exist.
      return dropped ? { nIndexesWas, ns: nsString(ns), ok: 1 } : { ok: 1 };
    },
  },
  dropDatabase: {
    handler: async (ctx, { db }) => {
      await ctx.engine.dropDatabase(db);
      return { dropped: db, ok: 1 };
    },
  },
};

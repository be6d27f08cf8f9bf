import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MongoServerError } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo.stop();
});

describe('collection lifecycle errors', () => {
  test('creating an existing collection fails with NamespaceExists (48)', async () => {
    const db = mongo.client.db(mongo.dbName('errors'));
    await db.createCollection('once');
    await expect(db.createCollection('once', { capped: true, size: 4096 })).rejects.toMatchObject({ code: 48, codeName: 'NamespaceExists' });
  });

  test('dropping a collection and a database removes them from the listings', async () => {
    const name = mongo.dbName('dropme');
    const db = mongo.client.db(name);
    await db.collection('a').insertOne({ x: 1 });
    await db.collection('b').insertOne({ x: 1 });
    expect(await db.collection('a').drop()).toBe(true);
    expect((await db.listCollections().toArray()).map((c) => c.name)).toEqual(['b']);
    expect(await db.dropDatabase()).toBe(true);
    const dbs = await mongo.client.db('admin').command({ listDatabases: 1, nameOnly: true });
    expect(dbs.databases.map((d: { name: string }) => d.name)).not.toContain(name);
  });

  test('invalid collection names are refused with InvalidNamespace (73)', async () => {
    const db = mongo.client.db(mongo.dbName('errors'));
    await expect(db.command({ find: '' })).rejects.toMatchObject({ code: 73 });
    await expect(db.command({ insert: 5, documents: [{}] })).rejects.toMatchObject({ code: 73 });
  });
});

describe('what a standalone server refuses', () => {
  test('a transaction fails with IllegalOperation (20)', async () => {
    const coll = mongo.client.db(mongo.dbName('errors')).collection('txn');
    await coll.insertOne({ x: 1 });
    const session = mongo.client.startSession();
    try {
      const error = await session.withTransaction(async () => {
        await coll.insertOne({ x: 2 }, { session });
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MongoServerError);
      // The driver rewrites this server error into advice about retryWrites, keeping the server's error as originalError.
      const original = (error as { originalError?: unknown }).originalError ?? error;
      expect(original).toMatchObject({ code: 20, codeName: 'IllegalOperation', message: 'Transaction numbers are only allowed on a replica set member or mongos' });
    } finally {
      await session.endSession();
    }
    expect(await coll.countDocuments()).toBe(1);
  });

  test('a change stream fails with 40573', async () => {
    const coll = mongo.client.db(mongo.dbName('errors')).collection('watched');
    await coll.insertOne({ x: 1 });
    const stream = coll.watch();
    try {
      await expect(stream.tryNext()).rejects.toMatchObject({ code: 40573 });
    } finally {
      await stream.close();
    }
  });

  test('a retryable-write transaction number is refused on a standalone', async () => {
    const db = mongo.client.db(mongo.dbName('errors'));
    const session = mongo.client.startSession();
    try {
      await expect(db.command({ insert: 'c', documents: [{ a: 1 }], txnNumber: 1 }, { session })).rejects.toMatchObject({ code: 20 });
    } finally {
      await session.endSession();
    }
  });
});

describe('malformed commands', () => {
  test('a filter of the wrong type fails with TypeMismatch (14)', async () => {
    await expect(mongo.client.db(mongo.dbName('errors')).command({ find: 'c', filter: 'nope' })).rejects.toMatchObject({ code: 14 });
  });

  test('a delete limit other than 0 or 1 is refused', async () => {
    await expect(mongo.client.db(mongo.dbName('errors')).command({ delete: 'c', deletes: [{ q: {}, limit: 5 }] })).rejects.toMatchObject({ name: 'MongoServerError' });
  });

  test('an empty write batch is refused with InvalidLength (16)', async () => {
    await expect(mongo.client.db(mongo.dbName('errors')).command({ insert: 'c', documents: [] })).rejects.toMatchObject({ code: 16 });
  });

  test('a negative skip is refused with 51024', async () => {
    await expect(mongo.client.db(mongo.dbName('errors')).command({ find: 'c', skip: -1 })).rejects.toMatchObject({ code: 51024 });
  });
});

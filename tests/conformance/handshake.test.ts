import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo.stop();
});

describe('handshake and server introspection', () => {
  test('hello describes a writable standalone with mongod limits and no topologyVersion', async () => {
    const hello = await mongo.client.db('admin').command({ hello: 1, helloOk: true });
    expect(hello).toMatchObject({
      helloOk: true,
      isWritablePrimary: true,
      maxBsonObjectSize: 16777216,
      maxMessageSizeBytes: 48000000,
      maxWriteBatchSize: 100000,
      logicalSessionTimeoutMinutes: 30,
      minWireVersion: 0,
      readOnly: false,
      ok: 1,
    });
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(21);
    expect(hello.localTime).toBeInstanceOf(Date);
    expect(typeof hello.connectionId).toBe('number');
    if (mongo.embedded) expect(hello.topologyVersion).toBeUndefined();
  });

  test('isMaster and ismaster answer the legacy ismaster field', async () => {
    const admin = mongo.client.db('admin');
    for (const name of ['isMaster', 'ismaster']) {
      const reply = await admin.command({ [name]: 1 });
      expect(reply.ismaster).toBe(true);
      expect(reply.ok).toBe(1);
    }
  });

  test('ping answers ok on any database', async () => {
    expect((await mongo.client.db(mongo.dbName()).command({ ping: 1 })).ok).toBe(1);
  });

  test('buildInfo reports a version string and a matching versionArray', async () => {
    const info = await mongo.client.db('admin').command({ buildInfo: 1 });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    const major = Number(String(info.version).split('.')[0]);
    expect(major).toBeGreaterThanOrEqual(7);
    expect(info.versionArray[0]).toBe(major);
  });

  test('an unknown command fails with CommandNotFound (59)', async () => {
    await expect(mongo.client.db('admin').command({ noSuchCommandHere: 1 })).rejects.toMatchObject({
      code: 59,
      codeName: 'CommandNotFound',
      errmsg: "no such command: 'noSuchCommandHere'",
    });
  });

  test('command names are case-sensitive', async () => {
    await expect(mongo.client.db('admin').command({ PING: 1 })).rejects.toMatchObject({ code: 59 });
    await expect(mongo.client.db('admin').command({ Hello: 1 })).rejects.toMatchObject({ code: 59 });
  });

  test('connectionStatus, whatsmyuri and hostInfo answer with their usual fields', async () => {
    const admin = mongo.client.db('admin');
    expect((await admin.command({ connectionStatus: 1 })).authInfo).toBeDefined();
    expect((await admin.command({ whatsmyuri: 1 })).you).toMatch(/:\d+$/);
    const host = await admin.command({ hostInfo: 1 });
    expect(host.system.numCores).toBeGreaterThan(0);
  });

  test('getCmdLineOpts and getLog answer as mongosh expects', async () => {
    const admin = mongo.client.db('admin');
    const opts = await admin.command({ getCmdLineOpts: 1 });
    expect(Array.isArray(opts.argv)).toBe(true);
    expect(typeof opts.parsed).toBe('object');
    const log = await admin.command({ getLog: 'startupWarnings' });
    expect(Array.isArray(log.log)).toBe(true);
    expect(typeof log.totalLinesWritten).toBe('number');
    expect((await admin.command({ getLog: '*' })).names).toContain('startupWarnings');
  });

  test('session bookkeeping commands are accepted', async () => {
    const admin = mongo.client.db('admin');
    expect((await admin.command({ endSessions: [] })).ok).toBe(1);
    expect((await admin.command({ killSessions: [] })).ok).toBe(1);
  });

  test('getParameter reports the feature compatibility version', async () => {
    const reply = await mongo.client.db('admin').command({ getParameter: 1, featureCompatibilityVersion: 1 });
    expect(reply.featureCompatibilityVersion.version).toMatch(/^\d+\.\d+$/);
  });
});

describe('serverStatus', () => {
  test('reports process, connections and memory', async () => {
    const status = await mongo.client.db('admin').command({ serverStatus: 1 });
    expect(status.process).toMatch(/mongod/);
    expect(typeof status.pid === 'number' || typeof status.pid === 'object').toBe(true);
    expect(status.uptime).toBeGreaterThanOrEqual(0);
    expect(status.localTime).toBeInstanceOf(Date);
    expect(status.connections.current).toBeGreaterThanOrEqual(1);
    expect(status.connections.totalCreated).toBeGreaterThanOrEqual(status.connections.current);
    expect(status.mem.resident).toBeGreaterThan(0);
    expect(status.mem.virtual).toBeGreaterThanOrEqual(status.mem.resident);
  });

  test('opcounters count inserts per document, updates and deletes per statement, finds and getMores per call', async () => {
    const admin = mongo.client.db('admin');
    const coll = mongo.client.db(mongo.dbName('opcounters')).collection('c');
    const counters = async (): Promise<Document> => (await admin.command({ serverStatus: 1 })).opcounters as Document;
    const before = await counters();
    await coll.insertMany([{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }, { a: 5 }]);
    await coll.bulkWrite([
      { updateOne: { filter: { a: 1 }, update: { $set: { b: 1 } } } },
      { updateMany: { filter: { a: { $gt: 3 } }, update: { $set: { b: 2 } } } },
    ]);
    await coll.deleteOne({ a: 5 });
    // Four documents in batches of three: the first batch and one getMore that ends the cursor.
    await coll.find({}, { batchSize: 3 }).toArray();
    const after = await counters();
    const delta = (field: string): number => Number(after[field]) - Number(before[field]);
    // On a shared real server other clients may add to the counts; the embedded server has only this test.
    const expectCount = (field: string, n: number): void => {
      if (mongo.embedded) expect(delta(field), field).toBe(n);
      else expect(delta(field), field).toBeGreaterThanOrEqual(n);
    };
    expectCount('insert', 5);
    expectCount('update', 2);
    expectCount('delete', 1);
    expectCount('query', 1);
    expectCount('getmore', 1);
    expect(delta('command')).toBeGreaterThanOrEqual(1);
  });
});

describe('listDatabases', () => {
  test('lists a database once it holds data, with sizes, and names only on request', async () => {
    const name = mongo.dbName('listed');
    await mongo.client.db(name).collection('c').insertOne({ x: 1 });
    const admin = mongo.client.db('admin');
    const full = await admin.command({ listDatabases: 1 });
    const entry = (full.databases as Document[]).find((d) => d.name === name);
    expect(entry).toBeDefined();
    expect(entry!.empty).toBe(false);
    expect(typeof full.totalSize).toBe('number');
    const names = await admin.command({ listDatabases: 1, nameOnly: true });
    const named = (names.databases as Document[]).find((d) => d.name === name);
    expect(named).toEqual({ name });
    const filtered = await admin.command({ listDatabases: 1, nameOnly: true, filter: { name: { $regex: `^${name}$` } } });
    expect(filtered.databases).toEqual([{ name }]);
  });

  test('is an admin-only command', async () => {
    await expect(mongo.client.db(mongo.dbName()).command({ listDatabases: 1 })).rejects.toMatchObject({ code: 13 });
  });
});

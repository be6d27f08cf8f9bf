import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Long, MongoClient, type CommandStartedEvent, type Collection, type Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let client: MongoClient;
let coll: Collection<Document>;
const started: CommandStartedEvent[] = [];

beforeAll(async () => {
  mongo = await startTestMongo();
  client = new MongoClient(mongo.uri, { monitorCommands: true, serverSelectionTimeoutMS: 5_000 });
  client.on('commandStarted', (event) => started.push(event));
  await client.connect();
  coll = client.db(mongo.dbName('cursors')).collection('eleven');
  await coll.insertMany(Array.from({ length: 11 }, (_, i) => ({ _id: i, n: i })) as Document[]);
});
afterAll(async () => {
  await client.close();
  await mongo.stop();
});

function commandsNamed(name: string, from: number): CommandStartedEvent[] {
  return started.slice(from).filter((event) => event.commandName === name);
}

describe('cursors', () => {
  test('batchSize 2 over 11 documents reads every document across five getMores', async () => {
    const mark = started.length;
    const docs = await coll.find({}, { batchSize: 2 }).sort({ _id: 1 }).toArray();
    expect(docs.map((d) => d._id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const getMores = commandsNamed('getMore', mark);
    expect(getMores).toHaveLength(5);
    for (const event of getMores) {
      expect(event.command.getMore).toBeInstanceOf(Long);
      expect(event.command.collection).toBe('eleven');
    }
  });

  test('the first batch holds 101 documents by default', async () => {
    const many = client.db(mongo.dbName('cursors')).collection('many');
    await many.insertMany(Array.from({ length: 150 }, (_, i) => ({ i })));
    const reply = await client.db(many.dbName).command({ find: 'many', filter: {} });
    expect(reply.cursor.firstBatch).toHaveLength(101);
    expect(Long.isLong(reply.cursor.id) || typeof reply.cursor.id === 'number').toBe(true);
    expect(Number(reply.cursor.id)).not.toBe(0);
    expect(reply.cursor.ns).toBe(`${many.dbName}.many`);
    const next = await client.db(many.dbName).command({ getMore: reply.cursor.id, collection: 'many' });
    expect(next.cursor.nextBatch).toHaveLength(49);
    expect(Number(next.cursor.id)).toBe(0);
  });

  test('an exhausted first batch returns cursor id 0', async () => {
    const reply = await client.db(coll.dbName).command({ find: 'eleven', filter: { n: { $lt: 3 } } });
    expect(reply.cursor.firstBatch).toHaveLength(3);
    expect(Number(reply.cursor.id)).toBe(0);
  });

  test('closing a cursor early sends killCursors and the cursor is gone', async () => {
    const mark = started.length;
    const cursor = coll.find({}, { batchSize: 2 });
    await cursor.next();
    const id = cursor.id!;
    expect(Number(id)).not.toBe(0);
    await cursor.close();
    expect(commandsNamed('killCursors', mark)).toHaveLength(1);
    await expect(client.db(coll.dbName).command({ getMore: id, collection: 'eleven' })).rejects.toMatchObject({ code: 43, codeName: 'CursorNotFound' });
  });

  test('killCursors reports killed and unknown ids', async () => {
    const reply = await client.db(coll.dbName).command({ find: 'eleven', filter: {}, batchSize: 1 });
    const live = reply.cursor.id as Long;
    const unknown = Long.fromString('1234567');
    const killed = await client.db(coll.dbName).command({ killCursors: 'eleven', cursors: [live, unknown] });
    expect(killed.cursorsKilled.map(String)).toEqual([live.toString()]);
    expect(killed.cursorsNotFound.map(String)).toEqual([unknown.toString()]);
    expect(killed.cursorsAlive).toEqual([]);
  });

  test('getMore on an unknown cursor fails with CursorNotFound (43)', async () => {
    await expect(client.db(coll.dbName).command({ getMore: Long.fromString('987654321'), collection: 'eleven' })).rejects.toMatchObject({ code: 43 });
  });

  test('getMore naming another collection than the cursor is refused', async () => {
    const reply = await client.db(coll.dbName).command({ find: 'eleven', filter: {}, batchSize: 1 });
    await expect(client.db(coll.dbName).command({ getMore: reply.cursor.id, collection: 'many' })).rejects.toMatchObject({ code: 13 });
    await client.db(coll.dbName).command({ killCursors: 'eleven', cursors: [reply.cursor.id] });
  });

  test('aggregate cursors page with getMore too', async () => {
    const mark = started.length;
    const docs = await coll.aggregate([{ $match: { n: { $gte: 1 } } }, { $sort: { n: -1 } }], { batchSize: 3 }).toArray();
    expect(docs.map((d) => d.n)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(commandsNamed('getMore', mark).length).toBeGreaterThanOrEqual(3);
  });

  test('listCollections and listIndexes return cursors', async () => {
    const names = await client.db(coll.dbName).listCollections({}, { nameOnly: true }).toArray();
    expect(names.map((c) => c.name).sort()).toEqual(['eleven', 'many']);
    const filtered = await client.db(coll.dbName).listCollections({ name: 'eleven' }).toArray();
    expect(filtered).toHaveLength(1);
    expect(filtered[0]).toMatchObject({ name: 'eleven', type: 'collection' });
    const indexes = await coll.listIndexes().toArray();
    expect(indexes).toEqual([{ v: 2, key: { _id: 1 }, name: '_id_' }]);
  });
});

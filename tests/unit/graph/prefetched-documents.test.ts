/**
 * Read-ahead documents answer a later load exactly as a query would: the
 * documents of every key a join looked up (none for a key that matched
 * nothing), through dotted paths of earlier joins, and nothing after
 * `clearAll`; keys never looked up still go to the store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'mongodb';
import { findByKeysThrough, lookupStages, PrefetchedDocuments, type DocumentJoin } from '../../../datasources/prefetched-documents.js';
import { StoreConnection } from '../../../datasources/store-connection.js';
import { startTestMongo, type TestMongo } from '../../helpers/mongo.js';

let mongo: TestMongo;
let store: StoreConnection;
const commands: string[] = [];

const JOINS: DocumentJoin[] = [
  { from: 'releases', localField: '_id', foreignField: '_id', as: 'releases' },
  { from: 'suppliers', localField: 'releases.awards.suppliers.id', foreignField: '_id', as: 'suppliers' },
  { from: 'lines', localField: '_id', foreignField: 'releaseId', as: 'lines' },
];

beforeAll(async () => {
  mongo = await startTestMongo();
  const dbName = mongo.dbName('prefetch');
  const db = mongo.client.db(dbName);
  await db.collection('entries').insertMany([{ _id: 'r1' }, { _id: 'r2' }, { _id: 'x9' }] as unknown as Document[]);
  await db.collection('releases').insertMany([
    { _id: 'r1', awards: [{ suppliers: [{ id: 's1' }, { id: 's2' }] }, { suppliers: [{ id: 's1' }] }] },
    { _id: 'r2', awards: [] },
  ] as unknown as Document[]);
  await db.collection('suppliers').insertMany([{ _id: 's1', name: '甲' }, { _id: 's2', name: '乙' }, { _id: 's3', name: '丙' }] as unknown as Document[]);
  await db.collection('lines').insertMany([{ _id: 'l1', releaseId: 'r1' }, { _id: 'l2', releaseId: 'r1' }, { _id: 'l3', releaseId: 'zz' }] as unknown as Document[]);
  await db.collection('lines').createIndex({ releaseId: 1 });
  await db.collection('labels').insertOne({ _id: 'e1', tag: 'a' } as unknown as Document);
  await db.collection('tagged').insertMany([{ _id: 't1', tags: ['a', 'b'] }, { _id: 't2', tags: ['b'] }] as unknown as Document[]);
  store = new StoreConnection('procurement', { uri: mongo.uri, dbName, timeoutMS: 5_000, onCommand: (e) => commands.push(e.commandName) }, []);
});

afterAll(async () => {
  await store?.close();
  await mongo?.stop();
});

async function prefetch(): Promise<{ prefetched: PrefetchedDocuments; entries: Document[] }> {
  const prefetched = new PrefetchedDocuments();
  const joined = await store.run((db) => db.collection('entries').aggregate([{ $sort: { _id: 1 } }, ...lookupStages(JOINS)]).toArray());
  return { prefetched, entries: prefetched.absorb(joined, JOINS) };
}

const ids = (docs: Document[]) => docs.map((d) => d._id as string).sort();

describe('prefetched documents', () => {
  it('hand back the results without their joins', async () => {
    const { entries } = await prefetch();
    expect(entries).toEqual([{ _id: 'r1' }, { _id: 'r2' }, { _id: 'x9' }]);
  });

  it('answer every key a join looked up without a query, empty where nothing matched', async () => {
    const { prefetched } = await prefetch();
    commands.length = 0;
    expect(ids(await findByKeysThrough(store, 'releases', ['r1', 'r2', 'x9'], { prefetched }))).toEqual(['r1', 'r2']);
    // Through the dotted path of the earlier join, each supplier once.
    expect(ids(await findByKeysThrough(store, 'suppliers', ['s1', 's2'], { prefetched }))).toEqual(['s1', 's2']);
    // By another field than _id, grouped per key.
    expect(ids(await findByKeysThrough(store, 'lines', ['r1', 'r2'], { field: 'releaseId', prefetched }))).toEqual(['l1', 'l2']);
    expect(commands).toEqual([]);
  });

  it('query the store for the keys no join looked up, and only for those', async () => {
    const { prefetched } = await prefetch();
    commands.length = 0;
    expect(ids(await findByKeysThrough(store, 'suppliers', ['s1', 's3'], { prefetched }))).toEqual(['s1', 's3']);
    expect(ids(await findByKeysThrough(store, 'lines', ['zz'], { field: 'releaseId', prefetched }))).toEqual(['l3']);
    expect(commands).toEqual(['find', 'find']);
  });

  it('forget everything on clearAll', async () => {
    const { prefetched } = await prefetch();
    prefetched.clearAll();
    commands.length = 0;
    expect(ids(await findByKeysThrough(store, 'releases', ['r1'], { prefetched }))).toEqual(['r1']);
    expect(commands).toEqual(['find']);
  });

  it('return a document once when it matches a known key and a fetched one through an array field', async () => {
    const prefetched = new PrefetchedDocuments();
    const joins: DocumentJoin[] = [{ from: 'tagged', localField: 'tag', foreignField: 'tags', as: 'tagged' }];
    prefetched.absorb(await store.run((db) => db.collection('labels').aggregate(lookupStages(joins)).toArray()), joins);
    commands.length = 0;
    const found = await findByKeysThrough(store, 'tagged', ['a', 'b'], { field: 'tags', prefetched });
    expect(found.map((d) => d._id)).toEqual(['t1', 't2']);
    expect(commands).toEqual(['find']);
  });

  it('read joined documents along with a query, for the loads that follow', async () => {
    const prefetched = new PrefetchedDocuments();
    commands.length = 0;
    const releases = await findByKeysThrough(store, 'releases', ['r1'], { prefetched, joins: [{ from: 'suppliers', localField: 'awards.suppliers.id', foreignField: '_id', as: 'suppliers' }] });
    expect(releases).toEqual([{ _id: 'r1', awards: [{ suppliers: [{ id: 's1' }, { id: 's2' }] }, { suppliers: [{ id: 's1' }] }] }]);
    expect(ids(await findByKeysThrough(store, 'suppliers', ['s2', 's1'], { prefetched }))).toEqual(['s1', 's2']);
    expect(commands).toEqual(['aggregate']);
  });
});

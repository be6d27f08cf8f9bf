/**
 * Finds with a plain projection, as the catalog reads send them (without
 * the search terms) and the push path (only the search terms): the
 * embedded server decodes only what the projection keeps and the filter
 * and sort read, so these check that the answers, and their field order,
 * are what mongod gives when the whole document is read.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Decimal128, type Collection, type Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let coll: Collection<Doc>;
beforeAll(async () => {
  mongo = await startTestMongo();
  coll = mongo.client.db(mongo.dbName('projected')).collection<Doc>('entries');
  await coll.insertMany([
    { _id: 'e1', title: '预算公开', searchTerms: ['预算', '公开'], amount: Decimal128.fromString('12.50'), meta: { org: 'o1', tags: ['a', 'b'], note: '备注' }, at: new Date('2015-03-01T00:00:00Z'), rank: 2 },
    { _id: 'e2', title: '采购结果', searchTerms: ['采购', '结果'], amount: Decimal128.fromString('7.00'), meta: { org: 'o2', tags: ['c'], note: '无' }, at: new Date('2015-04-01T00:00:00Z'), rank: 1 },
    { _id: 'e3', title: '人事任免', searchTerms: ['人事'], amount: Decimal128.fromString('0.01'), meta: { org: 'o1', tags: [], note: '' }, at: new Date('2015-05-01T00:00:00Z'), rank: 3 },
  ]);
  await coll.createIndex({ searchTerms: 1 });
});
afterAll(async () => {
  await mongo.stop();
});

type Doc = { _id: string } & Document;

describe('finds with a projection', () => {
  test('an exclusion answers every other field, in stored order', async () => {
    const docs = await coll.find({ _id: { $in: ['e2', 'e1'] } }, { projection: { searchTerms: 0 }, sort: { _id: 1 } }).toArray();
    expect(docs.map((d) => Object.keys(d))).toEqual([
      ['_id', 'title', 'amount', 'meta', 'at', 'rank'],
      ['_id', 'title', 'amount', 'meta', 'at', 'rank'],
    ]);
    expect(docs[0]).toEqual({ _id: 'e1', title: '预算公开', amount: Decimal128.fromString('12.50'), meta: { org: 'o1', tags: ['a', 'b'], note: '备注' }, at: new Date('2015-03-01T00:00:00Z'), rank: 2 });
  });

  test('an exclusion of a field the filter reads still filters on it', async () => {
    const docs = await coll.find({ searchTerms: { $all: ['采购', '结果'] } }, { projection: { searchTerms: 0, meta: 0 } }).toArray();
    expect(docs).toEqual([{ _id: 'e2', title: '采购结果', amount: Decimal128.fromString('7.00'), at: new Date('2015-04-01T00:00:00Z'), rank: 1 }]);
  });

  test('an exclusion of the sort field still sorts by it', async () => {
    const docs = await coll.find({}, { projection: { rank: 0, searchTerms: 0 }, sort: { rank: -1 } }).toArray();
    expect(docs.map((d) => d._id)).toEqual(['e3', 'e1', 'e2']);
    expect(docs.every((d) => !('rank' in d) && !('searchTerms' in d))).toBe(true);
  });

  test('an inclusion answers its fields in stored order, not the projection order', async () => {
    const docs = await coll.find({ _id: 'e1' }, { projection: { rank: 1, meta: 1, title: 1 } }).toArray();
    expect(docs).toEqual([{ _id: 'e1', title: '预算公开', meta: { org: 'o1', tags: ['a', 'b'], note: '备注' }, rank: 2 }]);
    expect(Object.keys(docs[0]!)).toEqual(['_id', 'title', 'meta', 'rank']);
  });

  test('an inclusion of a dotted path keeps only that path of the embedded document', async () => {
    const docs = await coll.find({ 'meta.org': 'o1' }, { projection: { 'meta.tags': 1, _id: 0 }, sort: { at: 1 } }).toArray();
    expect(docs).toEqual([{ meta: { tags: ['a', 'b'] } }, { meta: { tags: [] } }]);
  });

  test('an inclusion filtered and sorted by fields it does not keep', async () => {
    const docs = await coll.find({ rank: { $gte: 2 } }, { projection: { searchTerms: 1 }, sort: { at: -1 } }).toArray();
    expect(docs).toEqual([
      { _id: 'e3', searchTerms: ['人事'] },
      { _id: 'e1', searchTerms: ['预算', '公开'] },
    ]);
  });

  test('projection operators still see the whole document', async () => {
    const sliced = await coll.find({ _id: 'e1' }, { projection: { searchTerms: { $slice: 1 }, title: 1 } }).toArray();
    expect(sliced).toEqual([{ _id: 'e1', title: '预算公开', searchTerms: ['预算'] }]);
    const positional = await coll.find({ searchTerms: '公开' }, { projection: { 'searchTerms.$': 1 } }).toArray();
    expect(positional).toEqual([{ _id: 'e1', searchTerms: ['公开'] }]);
  });
});

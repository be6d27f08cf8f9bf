/**
 * The measurements of the store benchmark, each a function of a connected
 * client. They only use the official driver, so they run unchanged against a
 * real mongod.
 */
import { MongoClient, type Collection, type Document } from 'mongodb';
import { msSince, summarize, type LatencySummary } from '../lib/stats.js';
import { pick, seededRandom } from '../lib/random.js';
import { expenseDocuments } from './documents.js';

/** Loads `count` documents with insertMany in batches; returns documents per second and BSON bytes sent. */
export async function insertManyThroughput(collection: Collection, count: number, batchSize = 10_000) {
  const { calculateObjectSize } = await import('bson');
  let bsonBytes = 0;
  let batch: Document[] = [];
  let elapsed = 0;
  const flush = async () => {
    const start = process.hrtime.bigint();
    await collection.insertMany(batch, { ordered: true });
    elapsed += msSince(start);
    batch = [];
  };
  for (const doc of expenseDocuments(count)) {
    bsonBytes += calculateObjectSize(doc);
    batch.push(doc);
    if (batch.length === batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return { docsPerSecond: count / (elapsed / 1000), bsonBytes };
}

/** `clients` separate connections each insert `perClient` single documents, awaiting each acknowledgement. */
export async function concurrentSingleInserts(uri: string, db: string, clients: number, perClient: number) {
  const connections = await Promise.all(
    Array.from({ length: clients }, () => new MongoClient(uri, { maxPoolSize: 1 }).connect()),
  );
  try {
    const start = process.hrtime.bigint();
    await Promise.all(
      connections.map(async (client, c) => {
        const collection = client.db(db).collection('singles');
        for (let i = 0; i < perClient; i++) await collection.insertOne({ client: c, i, at: new Date() });
      }),
    );
    const seconds = msSince(start) / 1000;
    return { acknowledgedPerSecond: (clients * perClient) / seconds };
  } finally {
    await Promise.all(connections.map((client) => client.close()));
  }
}

/** Latency of `find({field: {$in: keys}})` with `keys` 100 random existing values, `rounds` times. */
export async function inLookupLatency(
  collection: Collection,
  field: string,
  values: readonly unknown[],
  rounds: number,
): Promise<LatencySummary> {
  const random = seededRandom(7);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const keys = Array.from({ length: 100 }, () => pick(random, values));
    const start = process.hrtime.bigint();
    const found = await collection.find({ [field]: { $in: keys } }).toArray();
    samples.push(msSince(start));
    if (found.length === 0) throw new Error(`$in on ${field} found nothing: the data set is not loaded`);
  }
  return summarize(samples);
}

/** Latency of one `ping` round trip: the floor under every other figure. */
export async function pingLatency(client: MongoClient, rounds: number): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    await client.db('admin').command({ ping: 1 });
    samples.push(msSince(start));
  }
  return summarize(samples);
}

/** Milliseconds of a `$group` by organization over the whole collection (median of `rounds`), with its exact total. */
export async function groupOverCollection(collection: Collection, rounds: number) {
  const samples: number[] = [];
  let groups = 0;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    const result = await collection
      .aggregate([{ $group: { _id: '$org', total: { $sum: '$amount' }, n: { $sum: 1 } } }])
      .toArray();
    samples.push(msSince(start));
    groups = result.length;
  }
  return { ...summarize(samples), groups };
}

import { expect, test } from 'vitest';
import { MongoClient } from 'mongodb';
import { startServer } from '../../src/embedded-mongo/server.js';
import { createEngine } from '../../src/embedded-mongo/engine/index.js';

const DOCS = 300_000;

/**
 * Client and server share this process's event loop, so a command that ran
 * synchronously to the end would hold back every other reply: the ping
 * could only be answered after the aggregate. Reads in slices let it through.
 */
test('a ping on another connection is answered while a long aggregate and count are still running', { timeout: 120_000 }, async () => {
  const engine = await createEngine({});
  const ns = { db: 'long', coll: 'reads' };
  for (let start = 0; start < DOCS; start += 10_000) {
    await engine.insert(ns, Array.from({ length: 10_000 }, (_, i) => ({ g: `g${(start + i) % 50}`, n: start + i, pad: 'x'.repeat(40) })), false);
  }
  const server = await startServer({ engine, port: 0, log: () => {} });
  const url = `mongodb://127.0.0.1:${server.port}/`;
  const worker = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
  const monitor = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
  try {
    await Promise.all([worker.connect(), monitor.connect()]);
    const coll = worker.db('long').collection('reads');
    const order: string[] = [];
    const long = [
      coll
        .aggregate([{ $group: { _id: { $mod: ['$n', 7] }, total: { $sum: '$n' } } }])
        .toArray()
        .then((rows) => {
          order.push('aggregate');
          expect(rows).toHaveLength(7);
        }),
      coll.countDocuments({ n: { $gte: 0 } }).then((n) => {
        order.push('count');
        expect(n).toBe(DOCS);
      }),
    ];
    await new Promise((resolve) => setTimeout(resolve, 30));
    await monitor.db('admin').command({ ping: 1 });
    order.push('ping');
    await Promise.all(long);
    expect(order[0]).toBe('ping');
  } finally {
    await worker.close();
    await monitor.close();
    await server.stop();
  }
});

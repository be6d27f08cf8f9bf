import { expect, test } from 'vitest';
import { MongoClient } from 'mongodb';
import { startServer } from '../../src/embedded-mongo/server.js';
import { createEngine } from '../../src/embedded-mongo/engine/index.js';
import type { LogRecord } from '../../src/embedded-mongo/index.js';

test('an unexpected exception in a command becomes InternalError (1), is logged, and the server keeps serving', async () => {
  const engine = await createEngine({});
  const broken = new Proxy(engine, {
    get(target, property, receiver) {
      if (property === 'countAsync') {
        return () => {
          throw new TypeError('engine exploded');
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const logs: LogRecord[] = [];
  const server = await startServer({ engine: broken, port: 0, log: (record) => logs.push(record) });
  const client = new MongoClient(`mongodb://127.0.0.1:${server.port}/`, { serverSelectionTimeoutMS: 3_000 });
  try {
    await client.connect();
    const db = client.db('internal');
    await expect(db.command({ count: 'c' })).rejects.toMatchObject({ code: 1, codeName: 'InternalError' });
    expect(logs.some((record) => record.level === 'error' && String(record.error).includes('engine exploded'))).toBe(true);
    await db.collection('c').insertOne({ still: 'alive' });
    expect(await db.collection('c').findOne({}, { projection: { _id: 0 } })).toEqual({ still: 'alive' });
  } finally {
    await client.close();
    await server.stop();
  }
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MongoClient } from 'mongodb';
import { listeningPort, runCli, type CliProcess } from './cli-process.js';

/** A document the writers stream: its _id and unique key `u` are the same string. */
interface EventDoc {
  _id: string;
  u: string;
  writer: number;
  seq: number;
}

let dbPath: string;
const started: CliProcess[] = [];

beforeAll(async () => {
  dbPath = await mkdtemp(path.join(os.tmpdir(), 'embedded-durability-'));
});
afterAll(async () => {
  for (const cli of started) if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
  await rm(dbPath, { recursive: true, force: true });
});

function start(): CliProcess {
  const cli = runCli(['--port', '0', '--dbpath', dbPath]);
  started.push(cli);
  return cli;
}

function client(port: number): MongoClient {
  return new MongoClient(`mongodb://127.0.0.1:${port}/`, { serverSelectionTimeoutMS: 5_000, retryWrites: false, maxPoolSize: 2 });
}

test('every acknowledged write survives SIGKILL mid-stream, and the unique index still holds after restart', async () => {
  const first = start();
  const port = await listeningPort(first);
  const setup = client(port);
  await setup.connect();
  const coll = setup.db('durable').collection('events');
  await coll.createIndex({ u: 1 }, { unique: true });
  await coll.createIndex({ writer: 1, seq: -1 });

  const writers = 4;
  const acknowledged: string[] = [];
  const duplicatesRejected: string[] = [];
  let killed = false;
  const clients = await Promise.all(Array.from({ length: writers }, async () => client(port).connect()));
  const streams = clients.map(async (c, writer) => {
    const target = c.db('durable').collection<EventDoc>('events');
    for (let seq = 0; !killed; seq++) {
      const id = `w${writer}-${seq}`;
      try {
        if (seq % 5 === 4) {
          // A batch whose last document collides with an acknowledged unique key.
          const batch = [0, 1, 2].map((k) => ({ _id: `${id}-b${k}`, u: `${id}-b${k}`, writer, seq }));
          await target.insertMany([...batch, { _id: `${id}-dup`, u: `w${writer}-0`, writer, seq }]);
        } else {
          await target.insertOne({ _id: id, u: id, writer, seq });
          acknowledged.push(id);
        }
      } catch (error) {
        const e = error as { code?: number; insertedCount?: number };
        if (e.code === 11000 && e.insertedCount === 3) {
          acknowledged.push(`${id}-b0`, `${id}-b1`, `${id}-b2`);
          duplicatesRejected.push(`${id}-dup`);
          continue;
        }
        if (killed) return;
        throw error;
      }
    }
  });

  // A writer that fails before the kill ends the wait with its error instead of leaving the loop spinning.
  let failure: unknown;
  streams.forEach((stream) => stream.catch((error: unknown) => (failure ??= error)));
  while (acknowledged.length < 400 && failure === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
  if (failure !== undefined) throw failure;
  killed = true;
  first.child.kill('SIGKILL');
  await Promise.all(streams);
  expect(await first.exited).toBe('SIGKILL');
  // The driver's close() of a client whose server was killed mid-write sometimes never settles (about 1 run in 10, with mongodb 7):
  // each gets a few seconds, then is left behind, since nothing below depends on it.
  await Promise.all([setup, ...clients].map((c) => Promise.race([c.close(true), new Promise((resolve) => setTimeout(resolve, 3_000).unref())])));
  expect(duplicatesRejected.length).toBeGreaterThan(0);

  const second = start();
  const reopened = client(await listeningPort(second));
  try {
    await reopened.connect();
    const events = reopened.db('durable').collection<EventDoc>('events');
    const found = new Set((await events.find({ _id: { $in: acknowledged } }, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)));
    const missing = acknowledged.filter((id) => !found.has(id));
    expect(missing).toEqual([]);
    expect(await events.countDocuments({ _id: { $in: duplicatesRejected } })).toBe(0);
    const indexes = await events.listIndexes().toArray();
    expect(indexes.map((i) => i.name).sort()).toEqual(['_id_', 'u_1', 'writer_1_seq_-1']);
    expect(indexes.find((i) => i.name === 'u_1')?.unique).toBe(true);
    await expect(events.insertOne({ _id: 'late', u: acknowledged[0]!, writer: 9, seq: 0 })).rejects.toMatchObject({ code: 11000 });
    const [byIndex] = await events.find({ u: acknowledged[acknowledged.length - 1] }).toArray();
    expect(byIndex?._id).toBe(acknowledged[acknowledged.length - 1]);
  } finally {
    await reopened.close();
  }

  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  expect(second.stdout.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
});

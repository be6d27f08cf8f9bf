/**
 * Engine benchmark over N small documents (default 1M): bulk insert and
 * index builds through `createEngine`; median/p99 of a 100-key `$in` on
 * `_id` and on a unique secondary index, directly and end to end through the
 * official driver (client and server share this process); an index-ordered
 * `sort + limit`; durable insert; restart (recovery + index rebuild) time
 * and resident memory, measured in a fresh child process.
 *
 *   npm run build && node dist/bench/engine.js [documents]
 */
import type { Document, ObjectId } from 'bson';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { createEngine, type Engine } from '../src/embedded-mongo/engine/index.js';
import { startEmbeddedMongo } from '../src/embedded-mongo/index.js';
import { expenseDocuments } from './store/documents.js';

const MiB = 1024 * 1024;
const ns = { db: 'bench', coll: 'expenses' };
const BATCH = 10_000;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function drain(it: Iterator<Document>): number {
  let n = 0;
  for (let r = it.next(); !r.done; r = it.next()) n++;
  return n;
}

function percentiles(samples: number[]): { median: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p99: s[Math.floor(s.length * 0.99)]! };
}

function fmt(p: { median: number; p99: number }): string {
  return `median ${p.median.toFixed(3)} ms, p99 ${p.p99.toFixed(3)} ms`;
}

/** The `_id`s and refs of the documents written, to draw lookup keys from. */
interface Keys {
  ids: ObjectId[];
  refs: string[];
}

/** Writes `count` documents in batches through `write`, remembering their keys; returns elapsed ms. */
async function load(count: number, write: (batch: Document[]) => Promise<unknown>, keys: Keys): Promise<number> {
  keys.ids.length = 0;
  keys.refs.length = 0;
  const start = process.hrtime.bigint();
  let batch: Document[] = [];
  for (const doc of expenseDocuments(count)) {
    keys.ids.push(doc._id as ObjectId);
    keys.refs.push(doc.ref as string);
    batch.push(doc);
    if (batch.length === BATCH) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
  return ms(start);
}

function lookupKeys<T>(values: T[], round: number): T[] {
  return Array.from({ length: 100 }, (_, i) => values[(round * 7919 + i * 104_729) % values.length]!);
}

function timeFinds(engine: Engine, makeFilter: (round: number) => Document, rounds = 300): string {
  const samples: number[] = [];
  const before = engine.stats().documentsExamined!;
  for (let round = 0; round < rounds; round++) {
    const filter = makeFilter(round);
    const start = process.hrtime.bigint();
    drain(engine.find(ns, { filter }));
    samples.push(ms(start));
  }
  return `${fmt(percentiles(samples))}, ${(engine.stats().documentsExamined! - before) / rounds} docs examined per query`;
}

async function inMemory(count: number, keys: Keys): Promise<void> {
  const engine = await createEngine({});
  const insertMs = await load(count, (batch) => engine.insert(ns, batch, true), keys);
  console.log(`engine insert of ${count} docs: ${insertMs.toFixed(0)} ms (${Math.round(count / (insertMs / 1000))} docs/s)`);
  let start = process.hrtime.bigint();
  await engine.createIndexes(ns, [{ key: { ref: 1 }, name: 'ref_1', unique: true }]);
  console.log(`unique index build: ${ms(start).toFixed(0)} ms`);
  start = process.hrtime.bigint();
  await engine.createIndexes(ns, [{ key: { org: 1, month: 1 }, name: 'org_1_month_1' }]);
  console.log(`compound index build: ${ms(start).toFixed(0)} ms`);
  console.log(`engine find {_id: {$in: 100}}: ${timeFinds(engine, (r) => ({ _id: { $in: lookupKeys(keys.ids, r) } }))}`);
  console.log(`engine find {ref: {$in: 100}}: ${timeFinds(engine, (r) => ({ ref: { $in: lookupKeys(keys.refs, r) } }))}`);
  console.log(`engine find {org, month range}: ${timeFinds(engine, (r) => ({ org: `org-${r % 50}`, month: { $gte: 6 } }), 50)}`);
  const samples: number[] = [];
  for (let i = 0; i < 100; i++) {
    start = process.hrtime.bigint();
    drain(engine.find(ns, { sort: { ref: -1 }, limit: 20 }));
    samples.push(ms(start));
  }
  console.log(`engine sort {ref: -1} limit 20 (index walk): ${fmt(percentiles(samples))}`);
  await engine.close();
}

async function throughDriver(count: number, keys: Keys): Promise<void> {
  const server = await startEmbeddedMongo({ memory: true, port: 0 });
  const client = new MongoClient(server.uri);
  try {
    const coll = client.db(ns.db).collection(ns.coll);
    const insertMs = await load(count, (batch) => coll.insertMany(batch, { ordered: true }), keys);
    console.log(`driver insertMany of ${count} docs: ${insertMs.toFixed(0)} ms`);
    await coll.createIndex({ ref: 1 }, { unique: true });
    for (const [field, values] of [['_id', keys.ids], ['ref', keys.refs]] as const) {
      const samples: number[] = [];
      for (let round = 0; round < 300; round++) {
        const wanted = lookupKeys<unknown>(values, round);
        const start = process.hrtime.bigint();
        const found = await coll.find({ [field]: { $in: wanted } }).toArray();
        samples.push(ms(start));
        if (found.length !== 100) throw new Error(`expected 100 documents, got ${found.length}`);
      }
      console.log(`driver find {${field}: {$in: 100}}: ${fmt(percentiles(samples))}`);
    }
  } finally {
    await client.close();
    await server.stop();
  }
}

async function durable(count: number, keys: Keys): Promise<void> {
  const dbPath = await mkdtemp(join(tmpdir(), 'engine-bench-'));
  try {
    const engine = await createEngine({ dbPath });
    await engine.createIndexes(ns, [{ key: { ref: 1 }, name: 'ref_1', unique: true }]);
    const insertMs = await load(count, (batch) => engine.insert(ns, batch, true), keys);
    console.log(`durable insert of ${count} docs (unique index): ${insertMs.toFixed(0)} ms (${Math.round(count / (insertMs / 1000))} docs/s)`);
    await engine.close();
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--restart', dbPath], { encoding: 'utf8' });
    process.stdout.write(out);
  } finally {
    await rm(dbPath, { recursive: true, force: true });
  }
}

/** Child process: opens `dbPath` and reports how long recovery and index rebuild took and the memory it holds. */
async function restart(dbPath: string): Promise<void> {
  const start = process.hrtime.bigint();
  const engine = await createEngine({ dbPath });
  const elapsed = ms(start);
  const stats = engine.stats();
  const rss = process.memoryUsage().rss;
  console.log(
    `restart: ${stats.documents} docs and their unique index in ${elapsed.toFixed(0)} ms; ` +
      `journal ${(stats.journalBytes / MiB).toFixed(0)} MiB, data ${(stats.dataBytes / MiB).toFixed(0)} MiB, rss ${(rss / MiB).toFixed(0)} MiB`,
  );
  await engine.close();
}

if (process.argv[2] === '--restart') {
  await restart(process.argv[3]!);
} else {
  const count = Number(process.argv[2] ?? 1_000_000);
  const keys: Keys = { ids: [], refs: [] };
  await inMemory(count, keys);
  await throughDriver(count, keys);
  await durable(count, keys);
}

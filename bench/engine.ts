/**
 * Engine benchmark, through `createEngine` directly (no wire protocol):
 * bulk insert and index build over 1M small documents, median/p99 of a
 * 100-key `$in` on `_id` and on a secondary index (with documents examined),
 * an index-ordered `sort + limit`, then durable insert, restart (recovery and
 * index rebuild) time and resident memory.
 *
 *   npm run build && node dist/bench/engine.js [documents]
 */
import type { Document } from 'bson';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine } from '../src/embedded-mongo/engine/index.js';
import { expenseDocuments } from './store/documents.js';

const MiB = 1024 * 1024;
const count = Number(process.argv[2] ?? 1_000_000);
const ns = { db: 'bench', coll: 'expenses' };

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function drain(it: Iterator<Document>): number {
  let n = 0;
  for (let r = it.next(); !r.done; r = it.next()) n++;
  return n;
}

async function load(engine: Engine, docs: Document[]): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < docs.length; i += 10_000) await engine.insert(ns, docs.slice(i, i + 10_000), true);
  return ms(start);
}

function percentiles(samples: number[]): { median: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p99: s[Math.floor(s.length * 0.99)]! };
}

function timeQueries(engine: Engine, makeFilter: (round: number) => Document, rounds = 200): { median: number; p99: number; examined: number; returned: number } {
  const samples: number[] = [];
  const before = engine.stats().documentsExamined!;
  let returned = 0;
  for (let round = 0; round < rounds; round++) {
    const filter = makeFilter(round);
    const start = process.hrtime.bigint();
    returned += drain(engine.find(ns, { filter }));
    samples.push(ms(start));
  }
  return { ...percentiles(samples), examined: (engine.stats().documentsExamined! - before) / rounds, returned: returned / rounds };
}

async function main(): Promise<void> {
  const docs = [...expenseDocuments(count)];
  const memory = await createEngine({});
  const insertMs = await load(memory, docs);
  console.log(`memory insert of ${count} docs: ${insertMs.toFixed(0)} ms (${Math.round(count / (insertMs / 1000))} docs/s)`);
  let start = process.hrtime.bigint();
  await memory.createIndexes(ns, [{ key: { ref: 1 }, name: 'ref_1', unique: true }]);
  console.log(`unique index build over ${count} docs: ${ms(start).toFixed(0)} ms`);
  start = process.hrtime.bigint();
  await memory.createIndexes(ns, [{ key: { org: 1, month: 1 }, name: 'org_1_month_1' }]);
  console.log(`compound index build: ${ms(start).toFixed(0)} ms`);

  const pickIds = (round: number): unknown[] => Array.from({ length: 100 }, (_, i) => docs[(round * 7919 + i * 104_729) % count]!._id);
  const pickRefs = (round: number): unknown[] => Array.from({ length: 100 }, (_, i) => docs[(round * 7919 + i * 104_729) % count]!.ref);
  const ids = timeQueries(memory, (r) => ({ _id: { $in: pickIds(r) } }));
  console.log(`$in 100 _ids: median ${ids.median.toFixed(3)} ms, p99 ${ids.p99.toFixed(3)} ms, examined ${ids.examined}, returned ${ids.returned}`);
  const refs = timeQueries(memory, (r) => ({ ref: { $in: pickRefs(r) } }));
  console.log(`$in 100 refs (secondary): median ${refs.median.toFixed(3)} ms, p99 ${refs.p99.toFixed(3)} ms, examined ${refs.examined}, returned ${refs.returned}`);
  const sortSamples: number[] = [];
  for (let i = 0; i < 50; i++) {
    start = process.hrtime.bigint();
    drain(memory.find(ns, { sort: { ref: -1 }, limit: 20 }));
    sortSamples.push(ms(start));
  }
  console.log(`sort {ref:-1} limit 20 via index: median ${percentiles(sortSamples).median.toFixed(3)} ms`);
  start = process.hrtime.bigint();
  const orgCount = memory.count(ns, { org: 'org-3', month: { $gte: 6 } });
  console.log(`count org + month range: ${orgCount} in ${ms(start).toFixed(2)} ms`);
  await memory.close();

  const dbPath = await mkdtemp(join(tmpdir(), 'engine-bench-'));
  try {
    const durable = await createEngine({ dbPath });
    await durable.createIndexes(ns, [{ key: { ref: 1 }, name: 'ref_1', unique: true }]);
    const durableMs = await load(durable, docs);
    console.log(`durable insert of ${count} docs (10k batches, unique index): ${durableMs.toFixed(0)} ms (${Math.round(count / (durableMs / 1000))} docs/s)`);
    const journalMiB = durable.stats().journalBytes / MiB;
    await durable.close();
    docs.length = 0;
    const rssBefore = process.memoryUsage().rss;
    start = process.hrtime.bigint();
    const restarted = await createEngine({ dbPath });
    const restartMs = ms(start);
    const stats = restarted.stats();
    console.log(
      `restart with ${stats.documents} docs (${journalMiB.toFixed(0)} MiB journal, unique index rebuilt): ${restartMs.toFixed(0)} ms; ` +
        `data ${(stats.dataBytes / MiB).toFixed(0)} MiB, rss grew ${((process.memoryUsage().rss - rssBefore) / MiB).toFixed(0)} MiB`,
    );
    const again = timeQueries(restarted, (r) => ({ ref: { $in: [`R${String((r * 4999) % count).padStart(9, '0')}`] } }), 50);
    console.log(`after restart, ref lookups examine ${again.examined} doc each`);
    await restarted.close();
  } finally {
    await rm(dbPath, { recursive: true, force: true });
  }
}

await main();

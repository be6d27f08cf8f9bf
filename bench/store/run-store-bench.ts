/**
 * The embedded store's benchmark: for each scale, load small documents into
 * a fresh durable data directory of the server running as its own process,
 * then measure inserts, indexed lookups, a full `$group`, restart and memory.
 * Every figure is printed beside a baseline from the same run: the ping round
 * trip for latencies, one-by-one fdatasync for acknowledged writes, and the
 * BSON size of the data for memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { datasyncPerSecond } from '../lib/disk.js';
import { startEmbeddedProcess } from '../lib/embedded-process.js';
import { msSince } from '../lib/stats.js';
import { concurrentSingleInserts, groupOverCollection, inLookupLatency, insertManyThroughput, pingLatency } from './scenarios.js';

export interface StoreBenchOptions {
  scales: number[];
  /** Fewer rounds, for the smoke run in the test suite. */
  quick: boolean;
}

export async function runStoreBench(options: StoreBenchOptions) {
  const rows = [];
  for (const scale of options.scales) rows.push(await measureScale(scale, options.quick));
  return rows;
}

async function measureScale(count: number, quick: boolean) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'store-bench-'));
  const rounds = quick ? 20 : 300;
  try {
    const fsyncBaseline = await datasyncPerSecond(dir, quick ? 30 : 300);
    const empty = await startEmbeddedProcess(['--memory']);
    const emptyResident = empty.residentBytes();
    await empty.stop();

    let server = await startEmbeddedProcess(['--dbpath', path.join(dir, 'db')]);
    let client = await new MongoClient(server.uri).connect();
    const items = client.db('bench').collection('expenses');
    await items.createIndex({ ref: 1 }, { unique: true });
    const ping = await pingLatency(client, rounds);
    const load = await insertManyThroughput(items, count);
    const singles = await concurrentSingleInserts(server.uri, 'bench', 32, quick ? 10 : 200);

    const ids = (await items.find({}, { projection: { _id: 1 } }).limit(20_000).toArray()).map((d) => d._id);
    const refs = Array.from({ length: 20_000 }, (_, i) => `R${String(i % count).padStart(9, '0')}`);
    const byId = await inLookupLatency(items, '_id', ids, rounds);
    const byRef = await inLookupLatency(items, 'ref', refs, rounds);
    const group = await groupOverCollection(items, quick ? 1 : 3);
    await client.close();
    await server.stop();

    const restartStart = process.hrtime.bigint();
    server = await startEmbeddedProcess(['--dbpath', path.join(dir, 'db')]);
    client = await new MongoClient(server.uri).connect();
    const restored = await client.db('bench').collection('expenses').countDocuments();
    const restartMs = msSince(restartStart);
    if (restored !== count) throw new Error(`restart restored ${restored} of ${count} documents`);
    const resident = server.residentBytes();
    await client.close();
    await server.stop();

    return {
      documents: count,
      pingP50Ms: ping.p50,
      insertManyDocsPerSecond: load.docsPerSecond,
      singleInsertsAckedPerSecond: singles.acknowledgedPerSecond,
      datasyncPerSecondBaseline: fsyncBaseline,
      groupCommitGain: singles.acknowledgedPerSecond / fsyncBaseline,
      inById: byId,
      inByIndexedField: byRef,
      inByIndexedFieldOverPing: byRef.p50 / ping.p50,
      groupWholeCollectionMs: group.p50,
      restartMs,
      bsonBytes: load.bsonBytes,
      residentBytes: resident,
      residentOverBson: (resident - emptyResident) / load.bsonBytes,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The table printed to the terminal, one row per scale. */
export function formatStoreTable(rows: Awaited<ReturnType<typeof runStoreBench>>): string {
  const n = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const header = ['docs', 'insertMany/s', '32×insertOne acks/s', 'fsync/s (base)', 'gain', '$in _id p50/p99 ms', '$in ref p50/p99 ms', 'ping p50 ms', '$group ms', 'restart ms', 'RSS B/doc', 'BSON B/doc', 'RSS/BSON'];
  const lines = rows.map((r) => [
    n(r.documents),
    n(r.insertManyDocsPerSecond),
    n(r.singleInsertsAckedPerSecond),
    n(r.datasyncPerSecondBaseline),
    `${n(r.groupCommitGain, 1)}x`,
    `${n(r.inById.p50, 2)} / ${n(r.inById.p99, 2)}`,
    `${n(r.inByIndexedField.p50, 2)} / ${n(r.inByIndexedField.p99, 2)}`,
    n(r.pingP50Ms, 3),
    n(r.groupWholeCollectionMs),
    n(r.restartMs),
    n((r.residentOverBson * r.bsonBytes) / r.documents),
    n(r.bsonBytes / r.documents),
    `${n(r.residentOverBson, 2)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [row(header), ...lines.map(row)].join('\n');
}

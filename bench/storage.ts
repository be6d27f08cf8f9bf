/**
 * Storage benchmark: durable append throughput (one batch of 100k records,
 * 32 concurrent single appends), then recovery time and resident memory of
 * 1M small documents, from the journal alone and from a snapshot. Recovery is
 * measured in a fresh child process so that its RSS is its own.
 *
 *   npm run build && node dist/bench/storage.js [documents]
 */
import { serialize } from 'bson';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openJournal, RecordStore, type LogRecord } from '../src/embedded-mongo/storage/index.js';
import { expenseDocuments } from './store/documents.js';

const MiB = 1024 * 1024;

/** A key shaped like the engine's ObjectId key strings: 'o' and eight 12-bit characters. */
function objectIdKey(id: Uint8Array): string {
  let key = 'o';
  for (let i = 0; i < 12; i += 3) {
    const packed = (id[i]! << 16) | (id[i + 1]! << 8) | id[i + 2]!;
    key += String.fromCharCode(packed >>> 12, packed & 0xfff);
  }
  return key;
}

function* putRecords(count: number): Generator<LogRecord> {
  for (const doc of expenseDocuments(count)) {
    const id = (doc._id as { id: Uint8Array }).id;
    yield { op: 'put', db: 'bench', coll: 'expenses', key: objectIdKey(id), bytes: serialize(doc) };
  }
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function batchAppend(dir: string): Promise<void> {
  const records = [...putRecords(100_000)];
  const journal = await openJournal(dir, () => undefined);
  const start = process.hrtime.bigint();
  await journal.append(records);
  const elapsed = seconds(start);
  console.log(`batch append: 100000 records in ${(elapsed * 1000).toFixed(0)} ms = ${Math.round(100_000 / elapsed)} records/s durable`);
  await journal.close();
}

async function concurrentAppends(dir: string): Promise<void> {
  const journal = await openJournal(dir, () => undefined);
  const records = [...putRecords(1000)];
  const deadline = Date.now() + 3000;
  const start = process.hrtime.bigint();
  let acknowledged = 0;
  await Promise.all(
    Array.from({ length: 32 }, async (_, w) => {
      for (let i = w; Date.now() < deadline; i += 32) {
        await journal.append([records[i % records.length]!]);
        acknowledged++;
      }
    }),
  );
  const elapsed = seconds(start);
  const { datasyncs } = journal.stats;
  console.log(
    `32 concurrent single appends: ${Math.round(acknowledged / elapsed)} acknowledged/s, ` +
      `${datasyncs} datasyncs for ${acknowledged} appends (${(acknowledged / datasyncs).toFixed(1)} per sync)`,
  );
  await journal.close();
}

/** Child mode: recover `dir` into record stores and report time and memory as JSON. */
async function recoverAndReport(dir: string): Promise<void> {
  const stores = new Map<string, RecordStore>();
  const start = process.hrtime.bigint();
  const journal = await openJournal(dir, (record) => {
    if (record.op !== 'put') return;
    const ns = `${record.db}.${record.coll}`;
    let store = stores.get(ns);
    if (!store) stores.set(ns, (store = new RecordStore()));
    store.setBytes(record.key, record.bytes);
  });
  const elapsed = seconds(start);
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  let documents = 0;
  let dataBytes = 0;
  for (const store of stores.values()) {
    documents += store.size;
    dataBytes += store.dataBytes;
  }
  console.log(JSON.stringify({ seconds: elapsed, rss: memory.rss, heapUsed: memory.heapUsed, arrayBuffers: memory.arrayBuffers, documents, dataBytes, bytesOnDisk: journal.bytesOnDisk }));
  await journal.close();
}

function recoverInChild(dir: string, label: string): void {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--expose-gc', script, 'recover', dir], { encoding: 'utf8' });
  const report = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
  const { seconds: time, rss, heapUsed, arrayBuffers, documents, dataBytes, bytesOnDisk } = report as Record<string, number> & { seconds: number };
  console.log(
    `recovery from ${label}: ${documents} documents in ${time.toFixed(2)} s; ` +
      `RSS ${(rss! / MiB).toFixed(0)} MiB = ${(rss! / dataBytes!).toFixed(2)}x the ${(dataBytes! / MiB).toFixed(0)} MiB of BSON ` +
      `(heap ${(heapUsed! / MiB).toFixed(0)} MiB, buffers ${(arrayBuffers! / MiB).toFixed(0)} MiB); ${(bytesOnDisk! / MiB).toFixed(0)} MiB on disk`,
  );
}

async function recovery(dir: string, count: number): Promise<void> {
  const journal = await openJournal(dir, () => undefined);
  let start = process.hrtime.bigint();
  let batch: LogRecord[] = [];
  for (const record of putRecords(count)) {
    batch.push(record);
    if (batch.length === 10_000) {
      await journal.append(batch);
      batch = [];
    }
  }
  await journal.append(batch);
  await journal.close();
  console.log(`loaded ${count} documents in batches of 10000: ${Math.round(count / seconds(start))} documents/s (serialize + append)`);
  recoverInChild(dir, 'journal');

  const store = new RecordStore();
  const compacting = await openJournal(dir, (record) => {
    if (record.op === 'put') store.setBytes(record.key, record.bytes);
  });
  start = process.hrtime.bigint();
  await compacting.compact(function* () {
    for (const [key, bytes] of store.entries()) yield { op: 'put', db: 'bench', coll: 'expenses', key, bytes } as LogRecord;
  });
  console.log(`compaction of ${store.size} documents: ${seconds(start).toFixed(2)} s`);
  await compacting.close();
  recoverInChild(dir, 'snapshot');
}

async function main(): Promise<void> {
  if (process.argv[2] === 'recover') return recoverAndReport(process.argv[3]!);
  const count = Number(process.argv[2] ?? 1_000_000);
  const root = await mkdtemp(join(tmpdir(), 'storage-bench-'));
  try {
    await batchAppend(join(root, 'batch'));
    await concurrentAppends(join(root, 'concurrent'));
    await recovery(join(root, 'recovery'), count);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();

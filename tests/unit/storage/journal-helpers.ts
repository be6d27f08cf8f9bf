import { serialize } from 'bson';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJournal, type Journal, type LogRecord } from '../../../src/embedded-mongo/storage/index.js';

/** A fresh temporary data directory; `cleanup` removes it. */
export async function tempDataDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'storage-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A `put` of document `doc` under `key` in `test.items`. */
export function put(key: string, doc: Record<string, unknown>): LogRecord {
  return { op: 'put', db: 'test', coll: 'items', key, bytes: serialize(doc) };
}

/** Records replayed from `dir`, with `put` bytes copied (they are views of read buffers). */
export async function reopen(dir: string): Promise<{ journal: Journal; records: LogRecord[] }> {
  const records: LogRecord[] = [];
  const journal = await openJournal(dir, (record) => {
    records.push(record.op === 'put' ? { ...record, bytes: Buffer.from(record.bytes) } : record);
  });
  return { journal, records };
}

/** Comparable form of records: put bytes as plain arrays. */
export function plain(records: LogRecord[]): unknown[] {
  return records.map((record) => (record.op === 'put' ? { ...record, bytes: [...record.bytes] } : record));
}

/** Replays `records` into a key → bytes map of one collection, as the engine's stores would hold them. */
export function stateOf(records: LogRecord[]): Map<string, string> {
  const state = new Map<string, string>();
  for (const record of records) {
    if (record.op === 'put') state.set(record.key, Buffer.from(record.bytes).toString('hex'));
    else if (record.op === 'delete') state.delete(record.key);
  }
  return state;
}

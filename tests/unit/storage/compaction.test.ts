import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalCorruptError, openJournal, type Journal, type LogRecord } from '../../../src/embedded-mongo/storage/index.js';
import { plain, put, reopen, stateOf, tempDataDir } from './journal-helpers.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
});
afterEach(async () => {
  await cleanup();
});

const create: LogRecord = { op: 'createCollection', db: 'test', coll: 'items', options: {} };

/** The records that rebuild `state`, as the engine's capture would return them. */
function captureOf(state: Map<string, Record<string, unknown>>): () => Iterable<LogRecord> {
  return () => {
    const copy = [...state];
    return [create, ...copy.map(([key, doc]) => put(key, doc))];
  };
}

/** Appends `rounds` overwrites of `keys` keys, mirroring them in `state`. */
async function overwrite(journal: Journal, state: Map<string, Record<string, unknown>>, keys: number, rounds: number) {
  for (let round = 0; round < rounds; round++) {
    const batch: LogRecord[] = [];
    for (let k = 0; k < keys; k++) {
      const doc = { k, round, pad: 'x'.repeat(200) };
      state.set(`k${k}`, doc);
      batch.push(put(`k${k}`, doc));
    }
    await journal.append(batch);
  }
}

async function filesOf(path: string): Promise<string[]> {
  return (await readdir(path)).filter((name) => name !== 'mongod.lock').sort();
}

describe('compaction', () => {
  it('keeps the state while shrinking the files, including writes made during the snapshot', async () => {
    const state = new Map<string, Record<string, unknown>>();
    const journal = await openJournal(dir, () => undefined);
    await journal.append([create]);
    await overwrite(journal, state, 10, 500);
    const grown = journal.bytesOnDisk;
    expect(grown).toBeGreaterThan(1_000_000);

    const compaction = journal.compact(captureOf(state));
    expect(journal.shouldCompact()).toBe(false);
    // Written after the cut: they must land in the new segment and survive.
    const during = put('k0', { k: 0, during: true });
    state.set('k0', { k: 0, during: true });
    await Promise.all([compaction, journal.append([during])]);
    expect(journal.stats.compactions).toBe(1);
    expect(journal.bytesOnDisk).toBeLessThan(grown / 50);
    expect(await filesOf(dir)).toEqual(['journal-0000000002.log', 'snapshot-0000000002.snap']);
    await journal.close();

    const { journal: again, records } = await reopen(dir);
    const expected = new Map([...state].map(([key, doc]) => [key, put(key, doc)]));
    expect(stateOf(records)).toEqual(stateOf([...expected.values()]));
    expect(records.filter((record) => record.op === 'createCollection')).toHaveLength(1);
    // A second compaction replaces the first snapshot.
    await again.compact(() => records);
    expect(await filesOf(dir)).toEqual(['journal-0000000003.log', 'snapshot-0000000003.snap']);
    await again.close();
    const { journal: third, records: final } = await reopen(dir);
    expect(stateOf(final)).toEqual(stateOf(records));
    await third.close();
  });

  it('asks for compaction once the journal outgrows the last snapshot', async () => {
    const journal = await openJournal(dir, () => undefined);
    expect(journal.shouldCompact()).toBe(false);
    const state = new Map<string, Record<string, unknown>>();
    while (!journal.shouldCompact()) await overwrite(journal, state, 1000, 10);
    expect(journal.bytesOnDisk).toBeGreaterThan(32 * 1024 * 1024);
    await journal.compact(captureOf(state));
    expect(journal.shouldCompact()).toBe(false);
    await journal.close();
  });

  it('recovers from a crash that left a temporary snapshot behind', async () => {
    const state = new Map<string, Record<string, unknown>>();
    const journal = await openJournal(dir, () => undefined);
    await overwrite(journal, state, 5, 20);
    await journal.close();
    await writeFile(join(dir, 'snapshot-0000000002.snap.tmp'), Buffer.from('half a snapshot'));

    const { journal: again, records } = await reopen(dir);
    expect(stateOf(records)).toEqual(stateOf([...state].map(([key, doc]) => put(key, doc))));
    expect(await filesOf(dir)).toEqual(['journal-0000000001.log']);
    await again.close();
  });

  it('recovers from a crash after the snapshot was renamed but before old segments were removed', async () => {
    const state = new Map<string, Record<string, unknown>>();
    const journal = await openJournal(dir, () => undefined);
    await journal.append([create]);
    await overwrite(journal, state, 5, 20);
    await copyFile(join(dir, 'journal-0000000001.log'), join(dir, 'saved.bin'));
    await journal.compact(captureOf(state));
    await overwrite(journal, state, 2, 3);
    await journal.close();
    await copyFile(join(dir, 'saved.bin'), join(dir, 'journal-0000000001.log'));

    const { journal: again, records } = await reopen(dir);
    // The covered segment is not replayed on top of the snapshot (its createCollection would repeat).
    expect(records.filter((record) => record.op === 'createCollection')).toHaveLength(1);
    expect(records).toHaveLength(1 + 5 + 2 * 3);
    expect(stateOf(records)).toEqual(stateOf([...state].map(([key, doc]) => put(key, doc))));
    expect(await filesOf(dir)).toEqual(['journal-0000000002.log', 'saved.bin', 'snapshot-0000000002.snap']);
    await again.close();
  });

  it('fails loudly on a damaged snapshot rather than starting with partial data', async () => {
    const state = new Map<string, Record<string, unknown>>();
    const journal = await openJournal(dir, () => undefined);
    await overwrite(journal, state, 5, 2);
    await journal.compact(captureOf(state));
    await journal.close();
    const snapshot = join(dir, 'snapshot-0000000002.snap');
    const bytes = await readFile(snapshot);
    await writeFile(snapshot, bytes.subarray(0, bytes.byteLength - 1));
    await expect(openJournal(dir, () => undefined)).rejects.toBeInstanceOf(JournalCorruptError);
  });

  it('rejects a compaction whose capture throws and keeps every record', async () => {
    const state = new Map<string, Record<string, unknown>>();
    const journal = await openJournal(dir, () => undefined);
    await overwrite(journal, state, 3, 2);
    await expect(
      journal.compact(() => {
        throw new Error('capture failed');
      }),
    ).rejects.toThrow('capture failed');
    await overwrite(journal, state, 3, 1);
    await journal.close();
    const { journal: again, records } = await reopen(dir);
    expect(plain(records)).toHaveLength(9);
    expect(stateOf(records)).toEqual(stateOf([...state].map(([key, doc]) => put(key, doc))));
    await again.close();
  });
});

import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DataDirLockedError,
  openJournal,
  type LogRecord,
} from '../../../src/embedded-mongo/storage/index.js';
import { plain, put, reopen, tempDataDir } from './journal-helpers.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
});
afterEach(async () => {
  await cleanup();
});

const ddl: LogRecord[] = [
  { op: 'createCollection', db: 'test', coll: 'items', options: { capped: false } },
  { op: 'createIndex', db: 'test', coll: 'items', spec: { v: 2, key: { org: 1 }, name: 'org_1', unique: true } },
  { op: 'dropIndex', db: 'test', coll: 'items', name: 'org_1' },
  { op: 'dropCollection', db: 'test', coll: 'gone' },
  { op: 'dropDatabase', db: 'old' },
];

describe('journal round trip', () => {
  it('replays every record of every kind, in order, after close and reopen', async () => {
    const journal = await openJournal(dir, () => {
      throw new Error('a new directory has nothing to replay');
    });
    const written: LogRecord[] = [
      ...ddl,
      put('k1', { a: 1 }),
      { op: 'delete', db: 'test', coll: 'items', key: 'k1' },
      put('ключ-😀', { text: '政府信息公开' }),
      { op: 'delete', db: 'test', coll: 'items', key: 'lone-\uD800-surrogate' },
      put('', { empty: true }),
    ];
    await journal.append(written.slice(0, 3));
    await journal.append(written.slice(3));
    await journal.append([]);
    await journal.close();

    const { journal: again, records } = await reopen(dir);
    expect(plain(records)).toEqual(plain(written));
    expect(again.stats.recoveredRecords).toBe(written.length);
    await again.append([put('k2', { b: 2 })]);
    await again.close();
    const { journal: third, records: all } = await reopen(dir);
    expect(plain(all)).toEqual(plain([...written, put('k2', { b: 2 })]));
    await third.close();
  });

  it('replays records that straddle read chunks, including one larger than a chunk', async () => {
    const journal = await openJournal(dir, () => undefined);
    const written: LogRecord[] = [];
    for (let i = 0; i < 3000; i++) written.push(put(`k${i}`, { i, pad: 'x'.repeat((i * 977) % 5000) }));
    written.splice(1500, 0, put('huge', { blob: 'h'.repeat(12 * 1024 * 1024) }));
    for (let i = 0; i < written.length; i += 250) await journal.append(written.slice(i, i + 250));
    await journal.close();
    const { journal: again, records } = await reopen(dir);
    expect(records).toHaveLength(written.length);
    records.forEach((record, i) => {
      const expected = written[i]!;
      if (record.op !== 'put' || expected.op !== 'put') throw new Error('unexpected record');
      expect(record.key).toBe(expected.key);
      expect(Buffer.compare(record.bytes, expected.bytes)).toBe(0);
    });
    await again.close();
  });

  it('reports the bytes it holds on disk', async () => {
    const journal = await openJournal(dir, () => undefined);
    expect(journal.bytesOnDisk).toBe(0);
    await journal.append([put('k', { a: 1 })]);
    const files = await readdir(dir);
    const segment = files.find((name) => name.startsWith('journal-'))!;
    expect(journal.bytesOnDisk).toBe((await readFile(join(dir, segment))).byteLength);
    await journal.close();
  });

  it('rejects appends after close', async () => {
    const journal = await openJournal(dir, () => undefined);
    await journal.close();
    await expect(journal.append([put('k', { a: 1 })])).rejects.toThrow(/closed/);
  });
});

describe('data directory lock', () => {
  it('refuses a second journal on the same directory until the first closes', async () => {
    const first = await openJournal(dir, () => undefined);
    await expect(openJournal(dir, () => undefined)).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
    const second = await openJournal(dir, () => undefined);
    await second.close();
  });

  it('refuses a directory locked by another live process', async () => {
    // The parent of the test process is alive and is not us.
    await writeFile(join(dir, 'mongod.lock'), `${process.ppid}\n`);
    await expect(openJournal(dir, () => undefined)).rejects.toThrow(/in use by another server/);
  });

  it('takes over a lock whose pid now belongs to a process started at another time', async () => {
    await writeFile(join(dir, 'mongod.lock'), `${process.ppid} 1\n`);
    const journal = await openJournal(dir, () => undefined);
    await journal.close();
  });

  it('takes over an empty lock file (a crash before the pid was written)', async () => {
    await writeFile(join(dir, 'mongod.lock'), '');
    const journal = await openJournal(dir, () => undefined);
    await journal.close();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    await writeFile(join(dir, 'mongod.lock'), '2147483646\n');
    const journal = await openJournal(dir, () => undefined);
    expect((await readFile(join(dir, 'mongod.lock'), 'utf8')).split(' ')[0]).toBe(String(process.pid));
    await journal.close();
  });
});

describe('group commit', () => {
  it('serves many concurrent appends with far fewer datasyncs, preserving each group', async () => {
    const journal = await openJournal(dir, () => undefined);
    const writers = 32;
    const perWriter = 20;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          await journal.append([put(`w${w}-${i}-a`, { w, i }), put(`w${w}-${i}-b`, { w, i })]);
        }
      }),
    );
    const { datasyncs, appends } = journal.stats;
    expect(appends).toBe(writers * perWriter);
    expect(datasyncs).toBeLessThan(appends / 4);
    await journal.close();

    const { journal: again, records } = await reopen(dir);
    expect(records).toHaveLength(2 * writers * perWriter);
    // Records of one call are contiguous, and each writer's calls are in its order.
    const next = new Map<number, number>();
    for (let r = 0; r < records.length; r += 2) {
      const [a, b] = [records[r]!, records[r + 1]!];
      if (a.op !== 'put' || b.op !== 'put') throw new Error('unexpected record');
      const [w, i] = a.key.split('-').map((part) => Number(part.replace('w', '')));
      expect(b.key).toBe(`w${w}-${i}-b`);
      expect(i).toBe(next.get(w!) ?? 0);
      next.set(w!, i! + 1);
    }
    await again.close();
  });
});

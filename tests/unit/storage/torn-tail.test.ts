import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalCorruptError, openJournal, type LogRecord } from '../../../src/embedded-mongo/storage/index.js';
import { plain, put, reopen, tempDataDir } from './journal-helpers.js';

let root: string;
let cleanup: () => Promise<void>;
let segmentName: string;
let segment: Buffer;
let lastStart: number;
const before: LogRecord[] = [put('a', { n: 1 }), put('b', { n: 2, s: 'two' }), { op: 'delete', db: 'test', coll: 'items', key: 'a' }];
const last = put('c', { n: 3, s: 'the final record' });

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDataDir());
  const source = join(root, 'source');
  const journal = await openJournal(source, () => undefined);
  await journal.append(before.slice(0, 2));
  await journal.append(before.slice(2));
  lastStart = journal.bytesOnDisk;
  await journal.append([last]);
  await journal.close();
  segmentName = (await readdir(source)).find((name) => name.startsWith('journal-'))!;
  segment = await readFile(join(source, segmentName));
});
afterAll(async () => {
  await cleanup();
});

let cases = 0;
/** A data directory holding only `bytes` as its segment. */
async function dirWith(bytes: Buffer): Promise<string> {
  const dir = join(root, `case-${cases++}`);
  await mkdir(dir);
  await writeFile(join(dir, segmentName), bytes);
  return dir;
}

/** Recovery of `bytes` replays exactly `before`, cuts the garbage, and a new append follows the valid prefix. */
async function expectPrefixRecovered(bytes: Buffer): Promise<void> {
  const dir = await dirWith(bytes);
  const { journal, records } = await reopen(dir);
  expect(plain(records)).toEqual(plain(before));
  expect((await stat(join(dir, segmentName))).size).toBe(lastStart);
  const next = put('d', { n: 4 });
  await journal.append([next]);
  await journal.close();
  const { journal: again, records: after } = await reopen(dir);
  expect(plain(after)).toEqual(plain([...before, next]));
  await again.close();
}

describe('torn tail recovery', () => {
  it('replays the intact file completely', async () => {
    const { journal, records } = await reopen(await dirWith(segment));
    expect(plain(records)).toEqual(plain([...before, last]));
    await journal.close();
  });

  it('drops a final record cut at any byte offset', async () => {
    expect(segment.byteLength - lastStart).toBeGreaterThan(20);
    for (let length = lastStart; length < segment.byteLength; length++) {
      await expectPrefixRecovered(segment.subarray(0, length));
    }
  });

  it('drops a final record with any single byte flipped', async () => {
    for (let at = lastStart; at < segment.byteLength; at++) {
      const damaged = Buffer.from(segment);
      damaged[at] = damaged[at]! ^ 0x5a;
      await expectPrefixRecovered(damaged);
    }
  });

  it('drops zeroed or random garbage after the valid records', async () => {
    await expectPrefixRecovered(Buffer.concat([segment.subarray(0, lastStart), Buffer.alloc(4096)]));
    const noise = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7919 + 13) & 0xff));
    await expectPrefixRecovered(Buffer.concat([segment.subarray(0, lastStart), noise]));
  });

  it('refuses to skip damage in a segment that later segments follow', async () => {
    const dir = await dirWith(segment.subarray(0, segment.byteLength - 3));
    const nextName = segmentName.replace(/\d{10}/, (digits) => String(Number(digits) + 1).padStart(10, '0'));
    await writeFile(join(dir, nextName), segment);
    await expect(openJournal(dir, () => undefined)).rejects.toBeInstanceOf(JournalCorruptError);
    // The failed open released the lock.
    await expect(openJournal(dir, () => undefined)).rejects.toBeInstanceOf(JournalCorruptError);
  });
});

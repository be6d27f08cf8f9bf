import { describe, expect, it } from 'vitest';
import { GroupCommitLog, type SegmentHandle } from '../../../src/embedded-mongo/storage/group-commit-log.js';

/** An in-memory file whose operations can be made to fail. */
class FakeFile implements SegmentHandle {
  bytes = Buffer.alloc(0);
  failWrites = 0;
  failTruncate = false;
  syncs = 0;
  async write(buffer: Uint8Array, offset: number, length: number, position: number) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    // A disk-full write gets part of the data out before failing.
    const take = this.failWrites > 0 ? Math.min(3, length) : length;
    const end = position + take;
    if (end > this.bytes.byteLength) this.bytes = Buffer.concat([this.bytes, Buffer.alloc(end - this.bytes.byteLength)]);
    this.bytes.set(buffer.subarray(offset, offset + take), position);
    if (this.failWrites > 0) {
      this.failWrites--;
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }
    return { bytesWritten: take };
  }
  async datasync() {
    this.syncs++;
  }
  async truncate(length: number) {
    if (this.failTruncate) throw new Error('EIO: truncate failed');
    this.bytes = this.bytes.subarray(0, length);
  }
  async close() {}
}

const bytes = (text: string) => Buffer.from(text);

describe('group commit log failures', () => {
  it('rejects every append of a failed round, cuts the partial write, and keeps working', async () => {
    const file = new FakeFile();
    const log = new GroupCommitLog({ seq: 1, handle: file, size: 0 });
    await log.append(bytes('first;'));
    file.failWrites = 1;
    const failed = [log.append(bytes('second;')), log.append(bytes('third;'))];
    const results = await Promise.allSettled(failed);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/ENOSPC/);
    expect(file.bytes.toString()).toBe('first;');
    await log.append(bytes('fourth;'));
    expect(file.bytes.toString()).toBe('first;fourth;');
    expect(log.segment.size).toBe('first;fourth;'.length);
    await log.close();
  });

  it('refuses further appends, without hanging, when the partial write cannot be removed', async () => {
    const file = new FakeFile();
    const log = new GroupCommitLog({ seq: 1, handle: file, size: 0 });
    file.failWrites = 1;
    file.failTruncate = true;
    await expect(log.append(bytes('lost;'))).rejects.toThrow(/ENOSPC/);
    await expect(log.append(bytes('after;'))).rejects.toThrow(/cannot be written/);
  });

  it('groups appends queued during a sync into one write and one sync', async () => {
    const file = new FakeFile();
    const log = new GroupCommitLog({ seq: 1, handle: file, size: 0 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(bytes(`${i};`))));
    expect(file.bytes.toString()).toBe(Array.from({ length: 50 }, (_, i) => `${i};`).join(''));
    expect(log.stats.appends).toBe(50);
    expect(log.stats.datasyncs).toBe(2);
  });
});

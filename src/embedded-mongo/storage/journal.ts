import { mkdir, open, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathIn, segmentName, snapshotName, syncDirectory } from './data-dir-files.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { FrameEncoder } from './frame-encoder.js';
import { GroupCommitLog, type ActiveSegment } from './group-commit-log.js';
import type { LogRecord } from './log-record.js';
import { recoverDataDir } from './recovery.js';
import { writeSnapshot } from './snapshot-writer.js';

/** Counters for serverStatus and tests. */
export interface JournalStats {
  /** fdatasync calls made for appends: far fewer than `appends` under concurrency (group commit). */
  datasyncs: number;
  /** `append` calls acknowledged. */
  appends: number;
  /** Journal bytes acknowledged since open. */
  bytesAppended: number;
  /** Snapshots completed since open. */
  compactions: number;
  /** Records replayed when the journal was opened. */
  recoveredRecords: number;
}

/** The durable log of a data directory, open and locked. */
export interface Journal {
  /** Appends records as one group and resolves once they are durable. Records of one call are written contiguously; each record is individually checksummed, so recovery replays a prefix of records, never half of one. */
  append(records: LogRecord[]): Promise<void>;
  /** True when the journal has grown enough (bytes since last snapshot vs. live data) that a snapshot should be taken. */
  shouldCompact(): boolean;
  /** Writes a snapshot of the state `capture()` returns (called synchronously at the moment of the cut), then removes the journal segments it covers. Appends made meanwhile go to a new segment and survive. A call while a compaction runs joins that one (its `capture` is not called). */
  compact(capture: () => Iterable<LogRecord>): Promise<void>;
  /** Bytes of journal and snapshot on disk, for serverStatus. */
  readonly bytesOnDisk: number;
  readonly stats: JournalStats;
  /** Flushes pending appends, waits for a running compaction, and releases the lock. */
  close(): Promise<void>;
}

/** Journal bytes after the last snapshot below which compaction is not worth it. */
const MIN_COMPACT_BYTES = 32 * 1024 * 1024;

async function createSegment(dir: string, seq: number): Promise<ActiveSegment> {
  const handle = await open(pathIn(dir, segmentName(seq)), 'w');
  // The new file's directory entry must be durable before anything acknowledged lives only in it.
  await syncDirectory(dir);
  return { seq, handle, size: 0 };
}

/** Rough bytes a group of records encodes to, so that one allocation usually suffices. */
function estimateBytes(records: LogRecord[]): number {
  let bytes = 0;
  for (const record of records) {
    bytes += 32 + 3 * (record.db.length + ('coll' in record ? record.coll.length : 0));
    if (record.op === 'put') bytes += record.bytes.byteLength + 3 * record.key.length;
    else if (record.op === 'delete') bytes += 3 * record.key.length;
    else bytes += 256;
  }
  return bytes;
}

class DurableJournal implements Journal {
  private compacting: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private compactions = 0;

  constructor(
    private readonly dir: string,
    private readonly lock: DataDirLock,
    private readonly log: GroupCommitLog,
    /** Number the next rotation gives its segment, minus one. */
    private currentSeq: number,
    private snapshotSeq: number,
    private snapshotBytes: number,
    /** Sizes of the segments other than the active one still on disk. */
    private readonly olderSegments: Map<number, number>,
    private readonly recoveredRecords: number,
  ) {}

  append(records: LogRecord[]): Promise<void> {
    if (this.closing) return Promise.reject(new Error('the journal is closed'));
    if (records.length === 0) return Promise.resolve();
    let data: Buffer;
    try {
      const encoder = new FrameEncoder(estimateBytes(records));
      for (const record of records) encoder.append(record);
      data = encoder.take();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.log.append(data);
  }

  shouldCompact(): boolean {
    if (this.compacting || this.closing) return false;
    return this.journalBytes() > Math.max(MIN_COMPACT_BYTES, 2 * this.snapshotBytes);
  }

  compact(capture: () => Iterable<LogRecord>): Promise<void> {
    if (this.closing) return Promise.reject(new Error('the journal is closed'));
    if (this.compacting) return this.compacting;
    const seq = ++this.currentSeq;
    // The cut: appends queued before this point stay in the old segments, later ones go to segment `seq`.
    const rotated = this.log.rotate(() => createSegment(this.dir, seq));
    let records: Iterable<LogRecord> | undefined;
    let captureError: unknown;
    try {
      records = capture();
    } catch (error) {
      captureError = error;
    }
    const run = (async () => {
      const previous = await rotated;
      this.olderSegments.set(previous.seq, previous.size);
      if (records === undefined) throw captureError;
      const bytes = await writeSnapshot(this.dir, seq, records);
      const previousSnapshot = this.snapshotSeq;
      this.snapshotSeq = seq;
      this.snapshotBytes = bytes;
      for (const old of [...this.olderSegments.keys()].filter((s) => s < seq)) {
        await unlink(pathIn(this.dir, segmentName(old)));
        this.olderSegments.delete(old);
      }
      if (previousSnapshot > 0) await unlink(pathIn(this.dir, snapshotName(previousSnapshot)));
      await syncDirectory(this.dir);
      this.compactions++;
    })();
    this.compacting = run.finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  get bytesOnDisk(): number {
    return this.snapshotBytes + this.journalBytes();
  }

  get stats(): JournalStats {
    const { datasyncs, appends, bytes } = this.log.stats;
    return {
      datasyncs,
      appends,
      bytesAppended: bytes,
      compactions: this.compactions,
      recoveredRecords: this.recoveredRecords,
    };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.compacting?.catch(() => undefined);
      try {
        await this.log.close();
      } finally {
        await this.lock.release();
      }
    })();
    return this.closing;
  }

  private journalBytes(): number {
    let bytes = this.log.segment.size;
    for (const [seq, size] of this.olderSegments) if (seq >= this.snapshotSeq) bytes += size;
    return bytes;
  }
}

/**
 * Opens (creating if needed) the data directory, takes its exclusive lock (a
 * second server on the same directory fails with DataDirLockedError), and
 * replays snapshot + journal through `apply` in order before resolving.
 */
export async function openJournal(dbPath: string, apply: (record: LogRecord) => void): Promise<Journal> {
  const created = await mkdir(dbPath, { recursive: true });
  if (created !== undefined) {
    // New directories' own entries must be durable too, or a crash could lose the whole data directory.
    const top = dirname(resolve(created));
    for (let dir = resolve(dbPath); dir !== top; dir = dirname(dir)) await syncDirectory(dirname(dir));
  }
  const lock = await lockDataDir(dbPath);
  try {
    const recovered = await recoverDataDir(dbPath, apply);
    const newest = recovered.segments.at(-1);
    const active: ActiveSegment = newest
      ? { seq: newest.seq, handle: await open(pathIn(dbPath, segmentName(newest.seq)), 'r+'), size: newest.size }
      : await createSegment(dbPath, Math.max(1, recovered.snapshotSeq));
    const older = new Map(recovered.segments.slice(0, -1).map(({ seq, size }) => [seq, size] as const));
    return new DurableJournal(
      dbPath,
      lock,
      new GroupCommitLog(active),
      active.seq,
      recovered.snapshotSeq,
      recovered.snapshotBytes,
      older,
      recovered.records,
    );
  } catch (error) {
    await lock.release();
    throw error;
  }
}

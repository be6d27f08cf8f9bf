import { open, unlink } from 'node:fs/promises';
import { listDataDir, pathIn, segmentName, snapshotName, syncDirectory } from './data-dir-files.js';
import { readFrames } from './log-file-reader.js';
import type { LogRecord } from './log-record.js';

/** What recovery found on disk: the snapshot in force and the segments after it, with their valid lengths. */
export interface RecoveredFiles {
  /** Number of the snapshot loaded, 0 when there was none. */
  snapshotSeq: number;
  snapshotBytes: number;
  /** Segments numbered from `snapshotSeq` on, in order; the last one's size excludes the torn tail cut off. */
  segments: { seq: number; size: number }[];
  /** Records handed to `apply`. */
  records: number;
}

/** Thrown when files other than the tail of the newest segment are damaged: replaying past them would skip acknowledged writes. */
export class JournalCorruptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalCorruptError';
  }
}

/**
 * Replays the newest snapshot and then every later segment through `apply`,
 * in order. A torn or corrupt tail of the newest segment (a crash during an
 * append) is cut off, so the next append lands right after the last valid
 * record; damage anywhere else is a JournalCorruptError. Leftovers of an
 * interrupted compaction (temporary files, segments and snapshots the newest
 * snapshot covers) are removed.
 */
export async function recoverDataDir(dir: string, apply: (record: LogRecord) => void): Promise<RecoveredFiles> {
  const listing = await listDataDir(dir);
  for (const name of listing.temporaries) await unlink(pathIn(dir, name));

  const snapshotSeq = listing.snapshots.at(-1) ?? 0;
  let snapshotBytes = 0;
  let records = 0;
  if (snapshotSeq > 0) {
    const path = pathIn(dir, snapshotName(snapshotSeq));
    let ended = false;
    let count = 0;
    const scan = await readFrames(path, (frame) => {
      if (ended) throw new JournalCorruptError(`${path}: records after the end marker`);
      if (frame.op === 'snapshotEnd') {
        ended = frame.records === count;
        if (!ended) throw new JournalCorruptError(`${path}: end marker counts ${frame.records} records, found ${count}`);
        return;
      }
      count++;
      apply(frame);
    });
    if (scan.stop !== 'end' || !ended) {
      throw new JournalCorruptError(`${path} is damaged at byte ${scan.validLength} of ${scan.fileLength}`);
    }
    snapshotBytes = scan.fileLength;
    records += count;
  }

  const live = listing.segments.filter((seq) => seq >= snapshotSeq);
  const segments: RecoveredFiles['segments'] = [];
  for (const [index, seq] of live.entries()) {
    const path = pathIn(dir, segmentName(seq));
    const scan = await readFrames(path, (frame) => {
      if (frame.op === 'snapshotEnd') throw new JournalCorruptError(`${path}: snapshot marker in a journal segment`);
      records++;
      apply(frame);
    });
    const newest = index === live.length - 1;
    if (scan.stop !== 'end') {
      if (!newest) {
        throw new JournalCorruptError(
          `${path} is damaged at byte ${scan.validLength} of ${scan.fileLength}, and later segments exist`,
        );
      }
      await cutTail(path, scan.validLength);
    }
    segments.push({ seq, size: scan.validLength });
  }

  const covered = [
    ...listing.segments.filter((seq) => seq < snapshotSeq).map(segmentName),
    ...listing.snapshots.filter((seq) => seq < snapshotSeq).map(snapshotName),
  ];
  for (const name of covered) await unlink(pathIn(dir, name));
  if (covered.length > 0 || listing.temporaries.length > 0) await syncDirectory(dir);
  return { snapshotSeq, snapshotBytes, segments, records };
}

async function cutTail(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(length);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

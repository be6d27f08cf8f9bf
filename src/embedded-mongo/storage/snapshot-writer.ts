import { open, rename, unlink } from 'node:fs/promises';
import { FrameEncoder } from './frame-encoder.js';
import type { LogRecord } from './log-record.js';
import { pathIn, snapshotName, syncDirectory, temporaryName } from './data-dir-files.js';

const WRITE_THRESHOLD = 4 * 1024 * 1024;

/**
 * Writes `records` as snapshot number `seq`, crash-safely: frames go to a
 * temporary file closed by an end marker, which is synced, renamed into
 * place, and the directory synced. Until the rename the previous snapshot and
 * segments are untouched; after it the new snapshot is complete. Resolves
 * with the snapshot's size in bytes.
 */
export async function writeSnapshot(dir: string, seq: number, records: Iterable<LogRecord>): Promise<number> {
  const finalPath = pathIn(dir, snapshotName(seq));
  const temporaryPath = pathIn(dir, temporaryName(snapshotName(seq)));
  const handle = await open(temporaryPath, 'w');
  let written = 0;
  try {
    const encoder = new FrameEncoder(WRITE_THRESHOLD + 64 * 1024);
    let count = 0;
    const writeOut = async () => {
      const data = encoder.take();
      let done = 0;
      while (done < data.byteLength) {
        const { bytesWritten } = await handle.write(data, done, data.byteLength - done, written + done);
        done += bytesWritten;
      }
      written += data.byteLength;
    };
    for (const record of records) {
      encoder.append(record);
      count++;
      if (encoder.length >= WRITE_THRESHOLD) await writeOut();
    }
    encoder.appendSnapshotEnd(count);
    await writeOut();
    await handle.datasync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporaryPath).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temporaryPath, finalPath);
  await syncDirectory(dir);
  return written;
}

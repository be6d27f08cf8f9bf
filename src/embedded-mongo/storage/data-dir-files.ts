import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Names of the files in a data directory. Journal segments are numbered;
 * `snapshot-N` holds the state built by every segment numbered below N, so
 * recovery loads the newest snapshot and replays segments N and later.
 * Numbers are zero-padded so that names sort like numbers.
 */
const SEGMENT = /^journal-(\d{10})\.log$/;
const SNAPSHOT = /^snapshot-(\d{10})\.snap$/;
const TEMPORARY = /\.tmp$/;

export const LOCK_FILE = 'mongod.lock';

function pad(seq: number): string {
  return String(seq).padStart(10, '0');
}

export function segmentName(seq: number): string {
  return `journal-${pad(seq)}.log`;
}

export function snapshotName(seq: number): string {
  return `snapshot-${pad(seq)}.snap`;
}

export function temporaryName(name: string): string {
  return `${name}.tmp`;
}

/** The data directory's journal files, sorted by number. */
export interface DataDirListing {
  segments: number[];
  snapshots: number[];
  temporaries: string[];
}

/** Lists the journal, snapshot and temporary files of `dir` (other files are left alone). */
export async function listDataDir(dir: string): Promise<DataDirListing> {
  const listing: DataDirListing = { segments: [], snapshots: [], temporaries: [] };
  for (const name of await readdir(dir)) {
    const segment = SEGMENT.exec(name);
    const snapshot = SNAPSHOT.exec(name);
    if (segment) listing.segments.push(Number(segment[1]));
    else if (snapshot) listing.snapshots.push(Number(snapshot[1]));
    else if (TEMPORARY.test(name)) listing.temporaries.push(name);
  }
  listing.segments.sort((a, b) => a - b);
  listing.snapshots.sort((a, b) => a - b);
  return listing;
}

/** Makes renames, creations and deletions in `dir` durable (a file's own fsync does not cover its directory entry). */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function pathIn(dir: string, name: string): string {
  return join(dir, name);
}

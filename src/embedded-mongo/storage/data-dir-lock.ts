import { open, readFile, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LOCK_FILE, pathIn } from './data-dir-files.js';

/** Data directories this process holds; the pid check alone cannot tell two servers of one process apart. */
const heldHere = new Set<string>();

/** Thrown when another live server holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(dir: string, holder: string) {
    super(`data directory ${dir} is in use by another server (${holder}); stop it or choose another --dbpath`);
    this.name = 'DataDirLockedError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Holds a data directory exclusively until `release`. */
export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * Takes the data directory's lock file (created exclusively, holding our
 * pid). A lock left by a process that no longer exists (a server killed with
 * SIGKILL) is taken over; a live holder, or this process already holding it,
 * fails with DataDirLockedError.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const absolute = resolve(dir);
  if (heldHere.has(absolute)) throw new DataDirLockedError(dir, `this process, pid ${process.pid}`);
  const path = pathIn(absolute, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
      throw new DataDirLockedError(dir, `pid ${holder}`);
    }
    // Stale (holder gone, or a crash before the pid was written): remove it and try again.
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  heldHere.add(absolute);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(absolute);
      await unlink(path).catch(() => undefined);
    },
  };
}

import { open, readFile, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LOCK_FILE, pathIn } from './data-dir-files.js';
import { identityAlive, ownIdentity } from './process-identity.js';

/** Data directories this process holds; the pid check alone cannot tell two servers of one process apart. */
const heldHere = new Set<string>();

/** Thrown when another live server holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(dir: string, holder: string) {
    super(`data directory ${dir} is in use by another server (${holder}); stop it or choose another --dbpath`);
    this.name = 'DataDirLockedError';
  }
}

/** Holds a data directory exclusively until `release`. */
export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * Takes the data directory's lock file (created exclusively, holding our
 * pid and start time). A lock left by a process that no longer runs (a
 * server killed with SIGKILL) is taken over; a live holder, or this process
 * already holding it, fails with DataDirLockedError.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const absolute = resolve(dir);
  if (heldHere.has(absolute)) throw new DataDirLockedError(dir, `this process, pid ${process.pid}`);
  const path = pathIn(absolute, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(`${ownIdentity()}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 4) throw error;
    }
    const holder = (await readFile(path, 'utf8').catch(() => '')).trim();
    if (holder === '' && attempt === 0) {
      // Perhaps a server that has just created the file and not yet written to it: give it a moment.
      await new Promise((done) => setTimeout(done, 100));
      continue;
    }
    // Our own pid here is a leftover of an earlier process that had it (not this one: heldHere says so).
    if (holder.split(' ')[0] !== String(process.pid) && identityAlive(holder)) {
      throw new DataDirLockedError(dir, `pid ${holder.split(' ')[0]}`);
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

import { readFileSync } from 'node:fs';

/** What /proc says of a process: its state letter and its start time (clock ticks since boot). */
interface ProcStat {
  state: string;
  startTime: string;
}

function procStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is parenthesized and may itself contain spaces or parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', startTime: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

const procAvailable = procStat(process.pid) !== undefined;

/** This process's identity as a lock file records it: pid, and on Linux its start time (so that a reused pid is not taken for us). */
export function ownIdentity(): string {
  const stat = procAvailable ? procStat(process.pid) : undefined;
  return stat ? `${process.pid} ${stat.startTime}` : `${process.pid}`;
}

/**
 * Whether the process a lock file names still runs: false for a pid that is
 * gone, a zombie (killed, not yet reaped), or a pid now used by a process
 * started at another time than the one recorded.
 */
export function identityAlive(identity: string): boolean {
  const [pidText, startTime] = identity.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (procAvailable) {
    const stat = procStat(pid);
    if (stat === undefined || stat.state === 'Z' || stat.state === 'X') return false;
    return startTime === undefined || startTime === stat.startTime;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

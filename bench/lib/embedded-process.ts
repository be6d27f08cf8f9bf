/**
 * Runs the embedded MongoDB-compatible server as its own process (as
 * `npm run db` does), so that a benchmark measures it over the wire and reads
 * its resident memory apart from the client's. Needs `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cliPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/embedded-mongo/cli.js');

export interface EmbeddedProcess {
  uri: string;
  pid: number;
  /** Resident set size of the server process, in bytes. */
  residentBytes(): number;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
}

/** Starts the server on a free port with `args` (e.g. `['--dbpath', dir]`) and resolves once it listens; `nodeArgs` go to node itself (e.g. a larger heap). */
export function startEmbeddedProcess(args: string[], nodeArgs: string[] = []): Promise<EmbeddedProcess> {
  const child = spawn(process.execPath, [...nodeArgs, cliPath, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const port = findPort(buffered);
      if (port === null) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolve(handle(child, port));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('exit', (code) => reject(new Error(`embedded server exited with code ${code} before listening:\n${buffered}`)));
  });
}

/** The port from the server's "listening" log line (JSON with a `port` field, or host:port text). */
function findPort(log: string): number | null {
  for (const line of log.split('\n')) {
    try {
      const entry = JSON.parse(line) as { port?: unknown };
      if (typeof entry.port === 'number' && entry.port > 0) return entry.port;
    } catch {
      const match = /127\.0\.0\.1:(\d+)/.exec(line);
      if (match) return Number(match[1]);
    }
  }
  return null;
}

function handle(child: ChildProcess, port: number): EmbeddedProcess {
  const pid = child.pid!;
  return {
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    pid,
    residentBytes() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kib = /VmRSS:\s+(\d+) kB/.exec(status);
      return kib ? Number(kib[1]) * 1024 : 0;
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

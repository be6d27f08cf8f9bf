/**
 * The processes of a gateway benchmark run: the server under test (the
 * gateway's own entry point, or one of the baselines in `serve.js`) and the
 * load generator, each a child process of the harness. Needs `npm run
 * build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DrivePlan, DriveResult } from './drive.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const gatewayEntry = path.resolve(here, '../../src/main.js');
const serveEntry = path.resolve(here, 'serve.js');
const driveEntry = path.resolve(here, 'drive.js');

/**
 * The servers compared, in the order they run: the baselines first, then
 * the gateway with its response cache switched off (its last scenarios push
 * records, which change the catalog), then the gateway as shipped, with its
 * response cache on.
 */
export const SERVERS = ['n+1', 'handwritten', 'mercurius', 'gateway', 'cached'] as const;
export type ServerName = (typeof SERVERS)[number];

export interface ServerProcess {
  name: ServerName;
  url: string;
  origin: string;
  pid: number;
  residentBytes(): number;
  stop(): Promise<void>;
}

/** Resident set size of a process, in bytes (0 once it is gone). */
export function residentBytesOf(pid: number): number {
  try {
    const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kib ? Number(kib[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds (0 once it is gone). */
export function cpuMsOf(pid: number): number {
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them, in clock ticks (100 per second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/**
 * Starts `name` over the stores at `mongodbUri` and resolves with its URL
 * once it listens; `directPublisher` publishes without review, so its
 * pushes reach the public catalog (and the response cache's invalidation).
 */
export function startServer(name: ServerName, mongodbUri: string, directPublisher: string): Promise<ServerProcess> {
  // The gateway's own entry point serves both: without its caches of answers (the uncached figures) and with them, as shipped.
  const shipped = name === 'gateway' || name === 'cached';
  const args = shipped ? [gatewayEntry] : [serveEntry, name];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      MONGODB_URI: mongodbUri,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      STORE_TIMEOUT_MS: '10000',
      DIRECT_PUBLICATION_ORGS: directPublisher,
      RESPONSE_CACHE: name === 'cached' ? 'on' : 'off',
      ANALYTICS_CACHE: name === 'cached' ? 'on' : 'off',
      // As `npm start` runs it: graphql-js then skips its development-only checks (every server here runs graphql-js).
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /ready at (http:\/\/\S+)/.exec(out);
      if (!match) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      child.removeAllListeners('exit');
      const url = match[1]!;
      resolve(handle(name, child, url));
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with code ${code} before listening:\n${out}${stderr}`)));
  });
}

function handle(name: ServerName, child: ChildProcess, url: string): ServerProcess {
  return {
    name,
    url,
    origin: new URL(url).origin,
    pid: child.pid!,
    residentBytes: () => residentBytesOf(child.pid!),
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

/** Runs the load generator in its own process with `plan`. */
export async function runDriver(plan: DrivePlan): Promise<DriveResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-plan-'));
  const file = path.join(dir, 'plan.json');
  try {
    await writeFile(file, JSON.stringify(plan));
    const child = spawn(process.execPath, [driveEntry, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`load generator failed (${code}): ${err}`);
    return JSON.parse(out.trim().split('\n').pop()!) as DriveResult;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The gateway as its own process (`dist/src/main.js`) over given stores, so its resident memory is measured apart from the benchmark's. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const mainPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/main.js');

export interface GatewayProcess {
  url: string;
  origin: string;
  pid: number;
  /** Current and peak resident set size of the process, in bytes (Linux /proc). */
  memory(): { rss: number; peak: number };
  stop(): Promise<void>;
}

function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'mu').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Starts the gateway on a free port with every store at `mongodbUri` and resolves once it prints its URL; GATEWAY_NODE_ARGS are given to its node (e.g. --trace-gc). */
export function startGatewayProcess(mongodbUri: string): Promise<GatewayProcess> {
  const nodeArgs = (process.env.GATEWAY_NODE_ARGS ?? '').split(' ').filter((arg) => arg.length > 0);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, mainPath], {
    env: { ...process.env, MONGODB_URI: mongodbUri, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', STORE_TIMEOUT_MS: '120000', DATA_DIR: '/nonexistent-unused' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    let ready = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      // After the ready line, its output (e.g. --trace-gc) goes to the benchmark's standard error.
      if (ready) return void process.stderr.write(chunk);
      buffered += chunk.toString('utf8');
      const match = /ready at (http:\/\/\S+\/graphql)/u.exec(buffered);
      if (!match) return;
      ready = true;
      const url = match[1]!;
      const pid = child.pid!;
      resolve({
        url,
        origin: url.slice(0, -'/graphql'.length),
        pid,
        memory: () => ({ rss: statusBytes(pid, 'VmRSS'), peak: statusBytes(pid, 'VmHWM') }),
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`gateway exited with code ${code} before it was ready:\n${buffered}`)));
  });
}

/**
 * Runs the built standalone server (`dist/src/embedded-mongo/cli.js`) as a
 * child process for the embedded-only process tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/src/embedded-mongo/cli.js');

export interface CliProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code (or signal name) once the process ends. */
  exited: Promise<number | string>;
}

/** Starts the CLI with `args`; throws when dist/ has not been built. */
export function runCli(args: string[]): CliProcess {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    stdout.push(...lines);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, stdout, stderr, exited };
}

/** Waits for the CLI's "listening" log line and returns the port it names. */
export async function listeningPort(cli: CliProcess, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void cli.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    for (const line of cli.stdout) {
      if (!line.startsWith('{')) continue;
      const record = JSON.parse(line) as { msg?: string; port?: number };
      if (record.msg === 'listening' && typeof record.port === 'number') return record.port;
    }
    if (ended) throw new Error(`server exited before listening: ${cli.stderr.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('server did not report a port in time');
}

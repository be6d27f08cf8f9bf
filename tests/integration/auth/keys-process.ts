/** Runs the built `npm run keys` command (`dist/src/keys-cli.js`) as a child process on a data directory of its own. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const KEYS_CLI_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/src/keys-cli.js');

export interface KeysRun {
  status: number | string;
  stdout: string;
  stderr: string;
}

/** Runs the command with `args` on the embedded store in `dataDir` (every store URI unset); resolves when it exits. */
export function runKeys(args: string[], dataDir: string): Promise<KeysRun> {
  if (!existsSync(KEYS_CLI_PATH)) throw new Error(`${KEYS_CLI_PATH} is missing: run \`npm run build\` first`);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [KEYS_CLI_PATH, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ status: code ?? signal ?? -1, stdout, stderr }));
  });
}

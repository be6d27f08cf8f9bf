import { deserialize } from 'bson';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../../src/embedded-mongo/storage/index.js';
import { tempDataDir } from './journal-helpers.js';

const fixture = fileURLToPath(new URL('./fixtures/append-child.mjs', import.meta.url));
const built = fileURLToPath(new URL('../../../dist/src/embedded-mongo/storage/index.js', import.meta.url));

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDataDir());
});
afterAll(async () => {
  await cleanup();
});

/** Runs the appending child until it has acknowledged `acknowledgements` keys plus a random few, SIGKILLs it, and returns the keys it acknowledged. */
function runAndKill(dbPath: string, round: number, acknowledgements: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fixture, dbPath, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let pending = '';
    let stderr = '';
    let killed = false;
    const extra = Math.floor(Math.random() * 500);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (!line.startsWith('ready')) acknowledged.push(line);
      if (!killed && acknowledged.length >= acknowledgements + extra) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child ended on its own: ${stderr}`));
      else resolve(acknowledged);
    });
  });
}

describe('SIGKILL during appends and compactions', () => {
  it('loses no acknowledged record and replays no torn one', async () => {
    expect(existsSync(built), 'run `npm run build` first').toBe(true);
    const everAcknowledged: string[] = [];
    for (let round = 0; round < 4; round++) {
      everAcknowledged.push(...(await runAndKill(dir, round, 1500 + round * 700)));

      const found = new Map<string, unknown>();
      const journal = await openJournal(dir, (record) => {
        if (record.op !== 'put') throw new Error(`unexpected ${record.op}`);
        found.set(record.key, deserialize(record.bytes).key);
      });
      await journal.close();
      const missing = everAcknowledged.filter((key) => found.get(key) !== key);
      expect(missing).toEqual([]);
      for (const key of everAcknowledged.filter((k) => k.endsWith('-0'))) expect(found.get(`${key}-pair`)).toBe(key);
    }
    expect(everAcknowledged.length).toBeGreaterThan(6000);
    // The child compacted along the way, so kills could land inside a compaction.
    expect((await readdir(dir)).some((name) => name.startsWith('snapshot-'))).toBe(true);
  });
});


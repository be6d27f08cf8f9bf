/**
 * A smoke run of the store benchmark at a tiny scale, so the harness cannot
 * rot: it must finish, print its table and write a result file in which every
 * figure was measured. It asserts no speed; the benchmark is not a timed test.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const benchEntry = path.resolve('dist/bench/run.js');

describe('npm run bench -- store', () => {
  let resultsDir = '';
  afterAll(async () => {
    if (resultsDir) await rm(resultsDir, { recursive: true, force: true });
  });

  it('measures every figure at a tiny scale and writes them with the machine description', async () => {
    resultsDir = await mkdtemp(path.join(os.tmpdir(), 'bench-smoke-'));
    const { stdout } = await run(process.execPath, [benchEntry, 'store', '--scale', '300', '--quick', '--results', resultsDir], {
      timeout: 120_000,
    });
    expect(stdout).toContain('insertMany/s');
    const [file] = await readdir(resultsDir);
    const result = JSON.parse(await readFile(path.join(resultsDir, file!), 'utf8')) as {
      machine: { cpus: number };
      rows: Record<string, unknown>[];
    };
    expect(result.machine.cpus).toBeGreaterThan(0);
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0]!;
    expect(row.documents).toBe(300);
    for (const figure of ['insertManyDocsPerSecond', 'singleInsertsAckedPerSecond', 'datasyncPerSecondBaseline', 'groupWholeCollectionMs', 'restartMs', 'residentBytes', 'bsonBytes']) {
      expect(row[figure], figure).toBeGreaterThan(0);
    }
    for (const latency of ['inById', 'inByIndexedField']) {
      expect((row[latency] as { p50: number }).p50, latency).toBeGreaterThan(0);
    }
  });
});

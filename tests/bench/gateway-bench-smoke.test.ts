/**
 * A smoke run of the gateway benchmark at a tiny scale, so the harness
 * cannot rot: every server starts, every scenario's answers pass their
 * checks (the run fails otherwise; catalog pages must be the very JSON of
 * the hand-written reading), and every figure of every row was
 * measured and written with the machine's description. No speed is
 * asserted; the benchmark is not a timed test.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const benchEntry = path.resolve('dist/bench/run.js');

interface Row {
  server: string;
  scenario: string;
  pageSize: number | null;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  roundTripsPerRequest: number;
  residentBytes: number;
  errors: number;
  non2xx: number;
  groups?: Record<string, { requests: number; p50: number; p99: number }>;
}

describe('npm run bench -- gateway', () => {
  let resultsDir = '';
  afterAll(async () => {
    if (resultsDir) await rm(resultsDir, { recursive: true, force: true });
  });

  it('answers every scenario correctly on every server at a tiny scale and measures every figure', async () => {
    resultsDir = await mkdtemp(path.join(os.tmpdir(), 'gateway-bench-smoke-'));
    const { stdout } = await run(process.execPath, [benchEntry, 'gateway', '--scale', '1k', '--quick', '--seconds', '2', '--connections', '2', '--mixed-rates', '20', '--results', resultsDir], {
      timeout: 280_000,
    });
    expect(stdout).toContain('vs hand-written');
    const [file] = await readdir(resultsDir);
    const result = JSON.parse(await readFile(path.join(resultsDir, file!), 'utf8')) as {
      machine: { cpus: number; loadAverage: number[] };
      scales: Array<{ scale: number; documents: number }>;
      ratios: Array<Record<string, unknown>>;
      rows: Row[];
    };
    expect(result.machine.cpus).toBeGreaterThan(0);
    expect(result.scales[0]!.documents).toBeGreaterThan(3_500);
    const measured = new Set(result.rows.map((r) => `${r.server} ${r.scenario} ${r.pageSize ?? ''}`.trim()));
    for (const expected of [
      'gateway catalog 10', 'gateway catalog 50', 'gateway catalog 200', 'gateway catalog-304 50', 'gateway item', 'gateway search 20', 'gateway analytics', 'gateway push 1000',
      'gateway mixed', 'gateway mixed-80%', 'gateway mixed-20/s', 'cached mixed-20/s',
      'n+1 catalog 50', 'handwritten catalog 10', 'handwritten catalog 50', 'handwritten catalog 200',
      'mercurius catalog 50', 'mercurius item', 'mercurius search 20', 'cached catalog 50', 'cached catalog-304 50', 'cached item', 'cached analytics', 'cached mixed', 'cached mixed-80%',
    ]) {
      expect(measured, expected).toContain(expected);
    }
    for (const row of result.rows) {
      const name = `${row.server} ${row.scenario} ${row.pageSize ?? ''}`;
      expect(row.requests, name).toBeGreaterThan(0);
      expect(row.p50, name).toBeGreaterThan(0);
      expect(row.p99, name).toBeGreaterThanOrEqual(row.p95);
      expect(row.residentBytes, name).toBeGreaterThan(0);
      expect(row.errors + row.non2xx, name).toBe(0);
      // Every uncached GraphQL answer reads the store; a warm cache or an unchanged page (304) may not.
      if (row.server !== 'cached' && row.scenario !== 'catalog-304') expect(row.roundTripsPerRequest, name).toBeGreaterThan(0);
      // The mixed load's latencies also come per group, and every answered request is in one.
      if (row.scenario.startsWith('mixed')) {
        const groups = row.groups ?? {};
        expect(Object.keys(groups), name).toEqual(expect.arrayContaining(['items', 'catalog', 'searches', 'aggregations']));
        if (row.requests >= 200) expect(Object.keys(groups), name).toContain('pushes');
        expect(Object.values(groups).reduce((sum, group) => sum + group.requests, 0), name).toBe(row.requests);
        for (const [group, latency] of Object.entries(groups)) expect(latency.p99, `${name} ${group}`).toBeGreaterThanOrEqual(latency.p50);
      }
    }
    const ratios = result.ratios[0]!;
    for (const figure of ['overNPlusOne', 'overHandwritten', 'overPeer', 'cachedOverUncached']) {
      expect(ratios[figure], figure).toBeGreaterThan(0);
    }
  }, 300_000);
});

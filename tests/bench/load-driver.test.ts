/**
 * The benchmark's load generator (`dist/bench/gateway/drive.js`) run as the
 * harness runs it, against a server that never answers one of the planned
 * requests: the result must say which group's requests timed out and which
 * requests they were, so that a stalled run can be traced to the request
 * that hangs. It reads this from autocannon's internals, which this test
 * guards.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const driveEntry = path.resolve('dist/bench/gateway/drive.js');

let server: http.Server;
let origin = '';
let dir = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    // `/hang` is never answered; the driver must give up on it.
    if (req.url === '/hang') return;
    res.setHeader('content-type', 'application/json');
    res.end('{"data":{}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(path.join(os.tmpdir(), 'load-driver-'));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('load generator', () => {
  it('counts timeouts per group and names the requests that timed out', async () => {
    const plan = path.join(dir, 'plan.json');
    await writeFile(
      plan,
      JSON.stringify({
        origin,
        connections: 2,
        durationSeconds: 3,
        timeoutSeconds: 1,
        requests: [
          { method: 'GET', path: '/ok', headers: {}, group: 'answered' },
          { method: 'POST', path: '/hang', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stuck }"}', group: 'stuck' },
        ],
      }),
    );
    const { stdout } = await run(process.execPath, [driveEntry, plan], { timeout: 30_000 });
    const result = JSON.parse(stdout.trim()) as {
      requests: number;
      errors: number;
      groups: Record<string, { requests: number; timeouts?: number }>;
      timedOut: string[];
    };
    expect(result.groups.answered!.requests).toBeGreaterThan(0);
    expect(result.groups.answered!.timeouts).toBeUndefined();
    expect(result.groups.stuck!.requests).toBe(0);
    expect(result.groups.stuck!.timeouts).toBeGreaterThanOrEqual(2);
    expect(result.errors).toBeGreaterThanOrEqual(result.groups.stuck!.timeouts!);
    expect(result.timedOut.length).toBe(result.groups.stuck!.timeouts);
    for (const request of result.timedOut) expect(request).toBe('POST /hang {"query":"{ stuck }"}');
  }, 40_000);
});

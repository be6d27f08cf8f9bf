/**
 * The operator's path through the built programs on one data directory: the
 * gateway started with JWT settings, stopped, a key created with
 * `npm run keys`, the gateway started again and the key used over HTTP.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, onTestFinished, test } from 'vitest';
import { bearer, signJwt, TEST_JWT_AUDIENCE, TEST_JWT_ISSUER, TEST_JWT_SECRET } from '../../helpers/credentials.js';
import { runKeys } from './keys-process.js';

const MAIN = path.resolve('dist/src/main.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'gateway-auth-'));
const JWT_ENV = { JWT_ISSUER: TEST_JWT_ISSUER, JWT_AUDIENCE: TEST_JWT_AUDIENCE, JWT_SECRET: TEST_JWT_SECRET };

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the gateway on the data directory; resolves with its URL once it prints the ready line. */
async function startGateway(extra: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', ...extra } });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 45_000;
  for (;;) {
    const url = /ready at (http:\/\/\S+)/.exec(stdout)?.[1];
    if (url) return { url, exited, stop: () => child.kill('SIGTERM'), stderr: () => stderr };
    if (child.exitCode !== null || Date.now() > deadline) return { url: null, exited, stop: () => undefined, stderr: () => stderr };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string; reason?: string } }> } };
}

test('a JWT setting without its key stops the start with status 2, naming the variable', async () => {
  const started = await startGateway({ JWT_ISSUER: TEST_JWT_ISSUER, JWT_AUDIENCE: TEST_JWT_AUDIENCE });
  expect(started.url).toBeNull();
  expect(await started.exited).toBe(2);
  expect(started.stderr()).toMatch(/^Invalid configuration: JWT_SECRET or JWT_PUBLIC_KEY_FILE must be set/);
});

test('JWTs from the configured issuer, then a key made with npm run keys while the gateway is stopped', async () => {
  const first = await startGateway(JWT_ENV);
  expect(first.url, first.stderr()).not.toBeNull();
  const admin = await post(first.url!, '{ apiKeys { id } }', bearer(await signJwt({ sub: 'root', role: 'admin' })));
  expect(admin).toEqual({ status: 200, body: { data: { apiKeys: [] } } });
  const foreign = await post(first.url!, '{ apiKeys { id } }', bearer(await signJwt({ role: 'admin' }, { issuer: 'urn:elsewhere' })));
  expect(foreign.status).toBe(401);
  expect(foreign.body.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'wrong-issuer' });
  first.stop();
  expect(await first.exited).toBe(0);

  // The demo organizations were loaded by the first start.
  const created = await runKeys(['create', '--role', 'department', '--org', 'org-neicuo-czs', '--store', 'finance', '--json'], dataDir);
  expect(created.status, created.stderr).toBe(0);
  const { secret } = JSON.parse(created.stdout) as { secret: string };

  const second = await startGateway({});
  expect(second.url, second.stderr()).not.toBeNull();
  const department = await post(second.url!, '{ apiKeys { id } }', bearer(secret));
  expect(department.status).toBe(200);
  expect(department.body.errors!.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  const published = await post(second.url!, '{ disclosures(first: 1) { totalCount } }', bearer(secret));
  expect(published.status).toBe(200);
  expect(published.body.errors).toBeUndefined();
  const jwt = await post(second.url!, '{ __typename }', bearer(await signJwt({ role: 'admin' })));
  expect(jwt.body.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'jwt-not-accepted' });
  second.stop();
  expect(await second.exited).toBe(0);
});

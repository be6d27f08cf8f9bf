/**
 * The built entry points as a user runs them (`npm start`, `npm run seed`):
 * child processes of `dist/` (which `npm test` builds first) on a temporary
 * data directory, with the embedded server and no URI configured.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';

const MAIN = path.resolve('dist/src/main.js');
const SEED = path.resolve('dist/src/seed.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'gateway-entry-'));
const running: ChildProcessWithoutNullStreams[] = [];

/** The environment of a child: this one without any store URI, plus `extra`. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('MONGODB_URI')) delete env[key];
  return { ...env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', ...extra };
}

function run(script: string, args: string[], extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, [script, ...args], { env: childEnv(extra) });
  running.push(child);
  // A failed assertion must not leave a gateway holding the data directory for the next test.
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMS = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('dist/src/main.js', () => {
  it('refuses a bad variable with exit status 2 and a message naming it', async () => {
    const started = run(MAIN, [], { PORT: 'http' });
    expect(await started.exited).toBe(2);
    expect(started.output().stderr).toMatch(/^Invalid configuration: PORT must be an integer/);
  });

  it('starts on the embedded store, prints one ready line, serves, and stops cleanly on SIGTERM', async () => {
    // As `npm start` runs it.
    const started = run(MAIN, [], { NODE_ENV: 'production' });
    const url = await waitFor(() => /^Disclosure gateway ready at (http:\/\/127\.0\.0\.1:\d+\/graphql)$/m.exec(started.output().stdout)?.[1], `the ready line (stderr: ${started.output().stderr.slice(-500)})`);
    expect(started.output().stdout.trim().split('\n')).toHaveLength(1);
    expect(existsSync(path.join(dataDir, 'db'))).toBe(true);

    const health = await fetch(url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    const ready = await fetch(url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    // GraphiQL and portal developers read the schema: introspection stays on in production.
    const schema = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) });
    expect(await schema.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });

    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });
});

describe('dist/src/main.js on a port in use', () => {
  it('exits with status 1 and says which port to change', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as AddressInfo;
    try {
      const started = run(MAIN, [], { PORT: String(port) });
      expect(await started.exited).toBe(1);
      expect(started.output().stderr).toContain(`Port ${port} on 127.0.0.1 is already in use; set PORT to a free port.`);
    } finally {
      squatter.close();
    }
  });
});

describe('dist/src/main.js with a store that is down', () => {
  it('starts anyway and reports that store as not ready', async () => {
    // Nothing listens on port 1: the finance store is unreachable, the others use the embedded server.
    const started = run(MAIN, [], { MONGODB_URI_FINANCE: 'mongodb://127.0.0.1:1', STORE_TIMEOUT_MS: '300' });
    const url = await waitFor(() => /ready at (\S+)/.exec(started.output().stdout)?.[1], 'the ready line');
    const ready = await fetch(url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { unavailable: string[] }).unavailable).toEqual(['finance']);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });
});

describe('dist/src/seed.js', () => {
  it('reloads the demo data with --reset on the same data directory', async () => {
    const seeded = run(SEED, ['--reset']);
    expect(await seeded.exited).toBe(0);
    expect(seeded.output().stdout).toMatch(/^Demo data reloaded: /);
  });

  it('rejects an unknown argument with exit status 2', async () => {
    const seeded = run(SEED, ['--rest']);
    expect(await seeded.exited).toBe(2);
    expect(seeded.output().stderr).toContain('Unknown argument "--rest"');
  });
});

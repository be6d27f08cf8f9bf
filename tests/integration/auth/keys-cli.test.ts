import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../../src/embedded-mongo/index.js';
import { ApiKeyStore } from '../../../datasources/credentials/api-key-store.js';
import { StoreConnection } from '../../../datasources/store-connection.js';
import { runKeys } from './keys-process.js';

const FINANCE_OFFICE = 'org-neicuo-czs';
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'keys-cli-'));
  // The gateway loads organizations on its first start; here one is enough.
  const server = await startEmbeddedMongo({ dbPath: path.join(dataDir, 'db'), port: 0 });
  const client = new MongoClient(server.uri);
  await client.db('office').collection<{ _id: string; name: string }>('organizations').insertOne({ _id: FINANCE_OFFICE, name: '内厝镇财政所' });
  await client.close();
  await server.stop();
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** Verifies a secret against the data directory, as a gateway started on it would. */
async function verify(secret: string) {
  const server = await startEmbeddedMongo({ dbPath: path.join(dataDir, 'db'), port: 0 });
  const connection = new StoreConnection('office', { uri: server.uri, dbName: 'office', timeoutMS: 5_000 }, []);
  try {
    return await new ApiKeyStore(connection).verify(secret);
  } finally {
    await connection.close();
    await server.stop();
  }
}

describe('npm run keys', () => {
  test('create prints the id and the secret once; the key verifies; list shows it without the secret; revoke revokes it', async () => {
    const created = await runKeys(['create', '--role', 'department', '--org', FINANCE_OFFICE, '--store', 'finance', '--store', 'procurement', '--source-system', '财务核算系统', '--label', 'monthly push'], dataDir);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const secret = /^(dgk_([0-9a-f]{16})_[A-Za-z0-9_-]{43})$/m.exec(created.stdout);
    expect(secret).not.toBeNull();
    const [, token, id] = secret!;
    expect(created.stdout).toContain(`Created API key ${id} (department, org ${FINANCE_OFFICE}, stores finance,procurement, source 财务核算系统, label "monthly push"`);

    expect((await verify(token!)).key).toMatchObject({ id, role: 'department', organizationId: FINANCE_OFFICE, stores: ['finance', 'procurement'], sourceSystem: '财务核算系统' });

    const listed = await runKeys(['list', '--json'], dataDir);
    expect(listed.status).toBe(0);
    expect(listed.stdout).not.toContain(token!.slice(-43));
    const keys = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(keys.find((key) => key.id === id)).toMatchObject({ role: 'department', revokedAt: null });
    expect(Object.keys(keys[0]!)).not.toContain('secretHash');

    const revoked = await runKeys(['revoke', id!, '--reason', 'system retired'], dataDir);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`^Revoked API key ${id} at \\d{4}-`));
    expect(await verify(token!)).toEqual({ key: null, reason: 'revoked' });

    const text = await runKeys(['list'], dataDir);
    expect(text.stdout).toMatch(new RegExp(`^${id} \\(department, .*revoked .*\\(system retired\\)$`, 'm'));
  });

  test('create --json gives the key and its secret as one JSON object', async () => {
    const created = await runKeys(['create', '--role', 'admin', '--json'], dataDir);
    expect(created.status).toBe(0);
    const body = JSON.parse(created.stdout) as { apiKey: { id: string; role: string }; secret: string };
    expect(body.apiKey.role).toBe('admin');
    expect((await verify(body.secret)).key?.id).toBe(body.apiKey.id);
  });

  test.each([
    [['create', '--role', 'department', '--store', 'finance'], /needs the organization/],
    [['create', '--role', 'department', '--org', 'org-nowhere', '--store', 'finance'], /Unknown organization "org-nowhere"/],
    [['create', '--role', 'department', '--org', FINANCE_OFFICE, '--store', 'treasury'], /Unknown store "treasury"/],
    [['create', '--role', 'superuser'], /Unknown role "superuser"/],
    [['create'], /create needs --role/],
    [['revoke', 'ffffffffffffffff'], /No API key has the id "ffffffffffffffff"/],
    [['list', '--role', 'admin'], /--role does not apply to "list"/],
    [['rotate'], /Unknown command "rotate"/],
    [['create', '--role', 'admin', '--colour', 'red'], /Unknown option '--colour'/],
  ])('%j exits with status 2 and says why', async (args, message) => {
    const run = await runKeys(args, dataDir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  test('while a gateway holds the data directory, it says to stop the gateway and changes nothing', async () => {
    const server = await startEmbeddedMongo({ dbPath: path.join(dataDir, 'db'), port: 0 });
    let run;
    try {
      run = await runKeys(['create', '--role', 'admin'], dataDir);
    } finally {
      await server.stop();
    }
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`data directory ${path.join(dataDir, 'db')} is in use (pid ${process.pid}), most likely by a running gateway.`);
    expect(run.stderr).toMatch(/Stop the gateway .* and run this command again, or manage keys through the running gateway's admin API/);
    const after = await runKeys(['list', '--json'], dataDir);
    expect((JSON.parse(after.stdout) as unknown[]).length).toBe(2);
  });
});

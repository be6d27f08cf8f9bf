import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, issueKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { expectRefused } from './refusals.js';
import { WHOAMI, whoamiSchema } from './whoami-schema.js';

let gateway: TestGateway;
const FINANCE_OFFICE = 'org-neicuo-czs';
const OFFICE = 'org-neicuo-dzb';

beforeAll(async () => {
  gateway = await startTestGateway({ schema: whoamiSchema, directPublication: [OFFICE] });
  await gateway.stores.connections.office.run((db) =>
    db.collection<{ _id: string; name: string }>('organizations').insertMany([
      { _id: FINANCE_OFFICE, name: '内厝镇财政所' },
      { _id: OFFICE, name: '内厝镇党政办' },
    ]),
  );
});
afterAll(async () => {
  await gateway?.stop();
});

async function principal(headers: Record<string, string> = {}) {
  const result = await gateway.graphql<{ principal: string }>(WHOAMI, undefined, headers);
  expect(result.status).toBe(200);
  return JSON.parse(result.data!.principal) as Record<string, unknown>;
}

describe('API keys', () => {
  test('no Authorization header is the public', async () => {
    expect(await principal()).toEqual({ id: 'public', role: 'public', organizationId: null, stores: [], sourceSystem: null, publishesDirectly: false, via: 'none' });
  });

  test('a department key is its organization, stores and source system', async () => {
    const key = await issueKey(gateway, { role: 'department', organizationId: FINANCE_OFFICE, stores: ['finance', 'procurement'], sourceSystem: '财务核算系统' });
    expect(key.secret).toMatch(/^dgk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(key.secret).toContain(key.id);
    expect(await principal(key.headers)).toEqual({
      id: `key:${key.id}`,
      role: 'department',
      organizationId: FINANCE_OFFICE,
      stores: ['finance', 'procurement'],
      sourceSystem: '财务核算系统',
      publishesDirectly: false,
      via: 'api-key',
    });
  });

  test('a department configured for direct publication publishes directly', async () => {
    const key = await issueKey(gateway, { role: 'department', organizationId: OFFICE, stores: ['office'] });
    expect(await principal(key.headers)).toMatchObject({ role: 'department', organizationId: OFFICE, publishesDirectly: true });
  });

  test.each(['reviewer', 'analyst', 'admin'] as const)('a %s key has its role and no organization', async (role) => {
    const key = await issueKey(gateway, { role, label: `${role} desk` });
    expect(await principal(key.headers)).toEqual({ id: `key:${key.id}`, role, organizationId: null, stores: [], sourceSystem: null, publishesDirectly: false, via: 'api-key' });
  });

  test('the bearer scheme is case-insensitive', async () => {
    const key = await issueKey(gateway, { role: 'analyst' });
    expect(await principal({ authorization: `bearer ${key.secret}` })).toMatchObject({ role: 'analyst' });
  });

  test('a wrong secret for a real key id is refused as unknown', async () => {
    const key = await issueKey(gateway, { role: 'admin' });
    const last = key.secret.at(-1) === 'A' ? 'B' : 'A';
    const refused = expectRefused(await gateway.graphql(WHOAMI, undefined, bearer(key.secret.slice(0, -1) + last)));
    expect(refused).toEqual({ message: 'Unknown API key', reason: 'unknown' });
  });

  test('a key id nobody issued is refused as unknown', async () => {
    const refused = expectRefused(await gateway.graphql(WHOAMI, undefined, bearer(`dgk_0123456789abcdef_${'A'.repeat(43)}`)));
    expect(refused.reason).toBe('unknown');
  });

  test('a token with the key prefix but the wrong shape is refused as malformed', async () => {
    const refused = expectRefused(await gateway.graphql(WHOAMI, undefined, bearer('dgk_short')));
    expect(refused).toEqual({ message: 'Malformed API key', reason: 'malformed' });
  });

  test('a revoked key is refused as revoked, at once', async () => {
    const key = await issueKey(gateway, { role: 'department', organizationId: FINANCE_OFFICE, stores: ['finance'] });
    expect((await gateway.graphql(WHOAMI, undefined, key.headers)).status).toBe(200);
    await gateway.stores.credentials.revoke(key.id, 'system retired');
    const refused = expectRefused(await gateway.graphql(WHOAMI, undefined, key.headers));
    expect(refused).toEqual({ message: 'This API key has been revoked', reason: 'revoked' });
  });

  test.each([
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['no token', 'Bearer'],
    ['an empty value', ''],
    ['two tokens', 'Bearer abc def'],
  ])('a malformed Authorization header (%s) is refused before GraphQL runs', async (_name, value) => {
    const refused = expectRefused(await gateway.graphql(WHOAMI, undefined, { authorization: value }));
    expect(refused.reason).toBe('malformed-header');
    expect(refused.message).toBe('Malformed Authorization header: expected "Bearer <token>"');
  });

  test('a refused credential also stops GET requests and unknown paths', async () => {
    const get = await gateway.fetch(`/graphql?query=${encodeURIComponent(WHOAMI)}`, { headers: { ...bearer('dgk_nope'), accept: 'application/json' } });
    expect(get.status).toBe(401);
    expect(((await get.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const health = await gateway.fetch('/healthz', { headers: bearer('dgk_nope') });
    expect(health.status).toBe(200);
  });

  test('no secret reaches the log or an error, and the log names the principal', async () => {
    const good = await issueKey(gateway, { role: 'analyst' });
    const revoked = await issueKey(gateway, { role: 'analyst' });
    await gateway.stores.credentials.revoke(revoked.id);
    const wrong = good.secret.slice(0, -4) + 'AAAA';
    const bodies: string[] = [];
    for (const secret of [good.secret, revoked.secret, wrong, 'dgk_bad', 'eyJhbGciOiJIUzI1NiJ9.e30.sig']) {
      const response = await gateway.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(secret) },
        body: JSON.stringify({ query: WHOAMI }),
      });
      bodies.push(await response.text());
    }
    const logs = JSON.stringify(gateway.logs());
    for (const secret of [good.secret, revoked.secret, wrong]) {
      const randomPart = secret.slice(-43);
      expect(logs).not.toContain(randomPart);
      expect(bodies.slice(1).join('\n')).not.toContain(randomPart);
    }
    expect(logs).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    const authenticated = gateway.logs().filter((line) => line.msg === 'caller authenticated');
    expect(authenticated.map((line) => line.principal)).toContain(`key:${good.id}`);
    const refused = gateway.logs().filter((line) => line.msg === 'credential refused').map((line) => line.reason);
    expect(refused).toEqual(expect.arrayContaining(['revoked', 'unknown', 'malformed']));
  });
});

describe('the key store', () => {
  test('stores only a SHA-256 digest, and lists no secret or digest', async () => {
    const key = await issueKey(gateway, { role: 'reviewer', label: '保密审查' });
    const stored = await gateway.stores.connections.office.run((db) => db.collection('apiKeys').findOne({ _id: key.id as never }));
    expect(JSON.stringify(stored)).not.toContain(key.secret.slice(-43));
    expect(stored!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    const listed = (await gateway.stores.credentials.list()).find((k) => k.id === key.id)!;
    expect(Object.keys(listed).sort()).toEqual(['createdAt', 'id', 'label', 'organizationId', 'revocationReason', 'revokedAt', 'role', 'sourceSystem', 'stores']);
  });

  test('refuses a department key for an organization that does not exist', async () => {
    await expect(issueKey(gateway, { role: 'department', organizationId: 'org-nowhere', stores: ['finance'] })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'organizationId',
      message: 'Unknown organization "org-nowhere"',
    });
  });

  test('revoking twice keeps the first revocation; an unknown id is NOT_FOUND', async () => {
    const key = await issueKey(gateway, { role: 'analyst' });
    const first = await gateway.stores.credentials.revoke(key.id, 'first', new Date('2026-01-01T00:00:00Z'));
    const second = await gateway.stores.credentials.revoke(key.id, 'second', new Date('2026-02-01T00:00:00Z'));
    expect(second).toEqual(first);
    expect(second.revocationReason).toBe('first');
    await expect(gateway.stores.credentials.revoke('ffffffffffffffff')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

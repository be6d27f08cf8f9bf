import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, issueKey, issueRoleKeys, jwtHeaders, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { expectRefused } from './refusals.js';

let gateway: TestGateway;
let admin: IssuedKey;
let others: Record<string, Record<string, string>>;

const FINANCE_OFFICE = 'org-neicuo-czs';
const financeOfficeGlobalId = Buffer.from(`Organization:${FINANCE_OFFICE}`).toString('base64url');

const LIST = '{ apiKeys { id role stores sourceSystem label createdAt revokedAt revocationReason organization { id name } } }';
const CREATE = `mutation Create($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id role stores sourceSystem label organization { name } revokedAt } }
}`;
const REVOKE = 'mutation Revoke($id: ID!, $reason: String) { revokeApiKey(id: $id, reason: $reason) { id revokedAt revocationReason } }';

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true });
  const roles = await issueRoleKeys(gateway);
  admin = roles.admin;
  const department = await issueKey(gateway, { role: 'department', organizationId: FINANCE_OFFICE, stores: ['finance'] });
  others = { department: department.headers, reviewer: roles.reviewer.headers, analyst: roles.analyst.headers };
});
afterAll(async () => {
  await gateway?.stop();
});

type Created = { createApiKey: { secret: string; apiKey: { id: string; role: string; stores: string[]; sourceSystem: string | null; label: string | null; organization: { name: string } | null; revokedAt: string | null } } };

describe('API key administration over GraphQL', () => {
  test('an admin creates a department key, which then works; the list never shows a secret', async () => {
    const created = await gateway.graphql<Created>(CREATE, { input: { role: 'DEPARTMENT', organizationId: financeOfficeGlobalId, stores: ['FINANCE', 'PROCUREMENT'], sourceSystem: '财务核算系统', label: '月报' } }, admin.headers);
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data!.createApiKey;
    expect(apiKey).toEqual({ id: apiKey.id, role: 'DEPARTMENT', stores: ['FINANCE', 'PROCUREMENT'], sourceSystem: '财务核算系统', label: '月报', organization: { name: '内厝镇财政所' }, revokedAt: null });
    expect(secret).toMatch(new RegExp(`^dgk_${apiKey.id}_[A-Za-z0-9_-]{43}$`));

    expect((await gateway.graphql('{ __typename }', undefined, bearer(secret))).status).toBe(200);

    const listed = await gateway.graphql<{ apiKeys: Array<{ id: string }> }>(LIST, undefined, admin.headers);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.apiKeys.map((key) => key.id)).toEqual(expect.arrayContaining([admin.id, apiKey.id]));
    expect(JSON.stringify(listed)).not.toContain(secret.slice(-43));
    expect(JSON.stringify(gateway.logs())).not.toContain(secret.slice(-43));
  });

  test('an admin revokes a key; requests with it are refused from then on', async () => {
    const victim = await issueKey(gateway, { role: 'analyst' });
    const revoked = await gateway.graphql<{ revokeApiKey: { id: string; revokedAt: string; revocationReason: string } }>(REVOKE, { id: victim.id, reason: 'leaked' }, admin.headers);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeApiKey).toMatchObject({ id: victim.id, revocationReason: 'leaked' });
    expect(expectRefused(await gateway.graphql('{ __typename }', undefined, victim.headers)).reason).toBe('revoked');
    const listed = await gateway.graphql<{ apiKeys: Array<{ id: string; revokedAt: string | null }> }>(LIST, undefined, admin.headers);
    expect(listed.data!.apiKeys.find((key) => key.id === victim.id)!.revokedAt).toBe(revoked.data!.revokeApiKey.revokedAt);
  });

  test('an admin JWT may administer keys too', async () => {
    const listed = await gateway.graphql(LIST, undefined, await jwtHeaders({ sub: 'root', role: 'admin' }));
    expect(listed.errors).toBeUndefined();
  });

  test('the public is UNAUTHENTICATED for every admin operation', async () => {
    for (const [query, variables] of [[LIST, {}], [CREATE, { input: { role: 'ADMIN' } }], [REVOKE, { id: admin.id }]] as const) {
      const result = await gateway.graphql(query, variables);
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(result.data).toBeNull();
    }
  });

  test.each(['department', 'reviewer', 'analyst'])('a %s is FORBIDDEN every admin operation, and nothing changes', async (role) => {
    const before = await gateway.stores.credentials.list();
    for (const [query, variables] of [[LIST, {}], [CREATE, { input: { role: 'ADMIN' } }], [REVOKE, { id: admin.id }]] as const) {
      const result = await gateway.graphql(query, variables, others[role]);
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(result.errors![0]!.extensions!.role).toBe(role);
    }
    expect(await gateway.stores.credentials.list()).toEqual(before);
  });

  test.each([
    ['a department key without organization', { role: 'DEPARTMENT', stores: ['FINANCE'] }, 'input.organizationId'],
    ['a department key without stores', { role: 'DEPARTMENT', organizationId: financeOfficeGlobalId }, 'input.stores'],
    ['a department key for an unknown organization', { role: 'DEPARTMENT', organizationId: Buffer.from('Organization:org-nowhere').toString('base64url'), stores: ['FINANCE'] }, 'input.organizationId'],
    ['an organization id of another type', { role: 'DEPARTMENT', organizationId: Buffer.from('Person:p1').toString('base64url'), stores: ['FINANCE'] }, 'input.organizationId'],
    ['a reviewer key bound to stores', { role: 'REVIEWER', stores: ['FINANCE'] }, 'input.stores'],
    ['an admin key bound to an organization', { role: 'ADMIN', organizationId: financeOfficeGlobalId }, 'input.organizationId'],
    ['an empty label', { role: 'ANALYST', label: '  ' }, 'input.label'],
  ])('%s is a BAD_USER_INPUT naming the field, and creates nothing', async (_name, input, argumentName) => {
    const before = (await gateway.stores.credentials.list()).length;
    const result = await gateway.graphql(CREATE, { input }, admin.headers);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName });
    expect((await gateway.stores.credentials.list()).length).toBe(before);
  });

  test('an unknown role is refused by the schema', async () => {
    const result = await gateway.graphql('mutation { createApiKey(input: { role: PUBLIC }) { secret } }', undefined, admin.headers);
    expect(result.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0]!.message).toMatch(/PUBLIC/);
  });

  test('a multi-line revocation reason is a BAD_USER_INPUT, and the key stays valid', async () => {
    const key = await issueKey(gateway, { role: 'analyst' });
    const result = await gateway.graphql(REVOKE, { id: key.id, reason: 'ok\nforged line' }, admin.headers);
    expect(result.errors!.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'reason' }]);
    expect((await gateway.graphql('{ __typename }', undefined, key.headers)).status).toBe(200);
  });

  test('revoking an unknown key is NOT_FOUND', async () => {
    const result = await gateway.graphql(REVOKE, { id: 'ffffffffffffffff' }, admin.headers);
    expect(result.errors!.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

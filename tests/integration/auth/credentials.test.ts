import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { bearer, issueKey, jwtHeaders, signJwt } from '../../helpers/credentials.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true });
});
afterAll(async () => {
  await gateway?.stop();
});

const PING = '{ __typename }';

function refusal(result: { status: number; headers: Headers; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) {
  expect(result.status).toBe(401);
  expect(result.headers.get('www-authenticate')).toMatch(/^Bearer /);
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  return result.errors![0]!;
}

describe('the helpers issue credentials the gateway accepts', () => {
  test('an API key per role', async () => {
    for (const request of [
      { role: 'department', organizationId: 'org-neicuo-czs', stores: ['finance'], sourceSystem: '财务核算系统' },
      { role: 'reviewer' },
      { role: 'analyst' },
      { role: 'admin' },
    ]) {
      const key = await issueKey(gateway, request);
      expect(key.secret).toMatch(/^dgk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      const result = await gateway.graphql(PING, undefined, key.headers);
      expect(result.status, request.role).toBe(200);
      expect(result.data).toEqual({ __typename: 'Query' });
    }
  });

  test('a signed JWT', async () => {
    const result = await gateway.graphql(PING, undefined, await jwtHeaders({ role: 'analyst' }));
    expect(result.status).toBe(200);
  });

  test('an unknown key and an expired JWT are refused with 401', async () => {
    const key = await issueKey(gateway, { role: 'analyst' });
    const wrong = key.secret.slice(0, -1) + (key.secret.endsWith('A') ? 'B' : 'A');
    expect(refusal(await gateway.graphql(PING, undefined, bearer(wrong))).message).toMatch(/unknown/i);
    const expired = await signJwt({ role: 'analyst' }, { expiresAt: new Date(Date.now() - 60_000) });
    expect(refusal(await gateway.graphql(PING, undefined, bearer(expired))).message).toMatch(/expired/i);
  });
});

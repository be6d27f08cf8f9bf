import { afterAll, beforeAll, expect, test } from 'vitest';
import { issueKey, jwtHeaders, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { WHOAMI, whoamiSchema } from './whoami-schema.js';

let gateway: TestGateway;
/** Verified before the outage, so remembered for the TTL. */
let key: IssuedKey;
/** Never presented before the outage. */
let unchecked: IssuedKey;

beforeAll(async () => {
  gateway = await startTestGateway({ schema: whoamiSchema, separateStores: true, timeoutMS: 500 });
  key = await issueKey(gateway, { role: 'analyst' });
  unchecked = await issueKey(gateway, { role: 'analyst' });
  expect((await gateway.graphql(WHOAMI, undefined, key.headers)).status).toBe(200);
  await gateway.servers.office!.stop();
});
afterAll(async () => {
  await gateway?.stop();
});

test('with the office store down, an API key cannot be checked: 503 SOURCE_UNAVAILABLE, not the public and not a 401', async () => {
  const result = await gateway.graphql(WHOAMI, undefined, unchecked.headers);
  expect(result.status).toBe(503);
  expect(result.headers.get('retry-after')).toBe('5');
  expect(result.errors).toEqual([
    { message: 'The office store, which holds API keys, did not answer; the credential could not be checked.', extensions: { code: 'SOURCE_UNAVAILABLE', source: 'office' } },
  ]);
  expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|:\d{4,5}/);
});

test('a key verified before the outage is still accepted while the gateway remembers it (API_KEY_CACHE_TTL_MS)', async () => {
  const result = await gateway.graphql<{ principal: string }>(WHOAMI, undefined, key.headers);
  expect(result.status).toBe(200);
  expect(JSON.parse(result.data!.principal)).toMatchObject({ role: 'analyst', via: 'api-key' });
});

test('JWTs and the public do not need the office store', async () => {
  const viaJwt = await gateway.graphql<{ principal: string }>(WHOAMI, undefined, await jwtHeaders({ role: 'analyst' }));
  expect(viaJwt.status).toBe(200);
  expect(JSON.parse(viaJwt.data!.principal)).toMatchObject({ role: 'analyst', via: 'jwt' });
  expect((await gateway.graphql(WHOAMI)).status).toBe(200);
});

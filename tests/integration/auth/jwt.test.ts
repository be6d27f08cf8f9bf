import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, jwtHeaders, signJwt, TEST_JWT_ISSUER, TEST_JWT_SETTINGS } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';
import { expectRefused } from './refusals.js';
import { WHOAMI, whoamiSchema } from './whoami-schema.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsaPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ecPem = ec.publicKey.export({ type: 'spki', format: 'pem' }).toString();

let hs: TestGateway;
let rs: TestGateway;
let es: TestGateway;
let none: TestGateway;

beforeAll(async () => {
  [hs, rs, es, none] = await Promise.all([
    startTestGateway({ schema: whoamiSchema, directPublication: ['org-neicuo-dzb'] }),
    startTestGateway({ schema: whoamiSchema, jwt: { ...TEST_JWT_SETTINGS, secret: null, publicKey: { pem: rsaPem, algorithm: 'RS256' } } }),
    startTestGateway({ schema: whoamiSchema, jwt: { ...TEST_JWT_SETTINGS, secret: null, publicKey: { pem: ecPem, algorithm: 'ES256' } } }),
    startTestGateway({ schema: whoamiSchema, jwt: null }),
  ]);
});
afterAll(async () => {
  await Promise.all([hs, rs, es, none].map((gateway) => gateway?.stop()));
});

async function principal(gateway: TestGateway, headers: Record<string, string>) {
  const result = await gateway.graphql<{ principal: string }>(WHOAMI, undefined, headers);
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
  return JSON.parse(result.data!.principal) as Record<string, unknown>;
}

describe('JWTs signed with the shared secret (HS256)', () => {
  test('a department token carries its organization, stores and source system', async () => {
    const headers = await jwtHeaders({ sub: 'czs-ledger', role: 'department', org: 'org-neicuo-czs', stores: ['finance'], src: '财务核算系统' });
    expect(await principal(hs, headers)).toEqual({
      id: `jwt:${TEST_JWT_ISSUER}#czs-ledger`,
      role: 'department',
      organizationId: 'org-neicuo-czs',
      stores: ['finance'],
      sourceSystem: '财务核算系统',
      publishesDirectly: false,
      via: 'jwt',
    });
  });

  test('a department configured for direct publication publishes directly', async () => {
    const headers = await jwtHeaders({ role: 'department', org: 'org-neicuo-dzb', stores: ['office'] });
    expect(await principal(hs, headers)).toMatchObject({ publishesDirectly: true });
  });

  test.each(['reviewer', 'analyst', 'admin'] as const)('a %s token has its role; org and stores are ignored for it', async (role) => {
    const headers = await jwtHeaders({ sub: 'wang', role, org: 'org-neicuo-czs', stores: ['finance'] });
    expect(await principal(hs, headers)).toEqual({ id: `jwt:${TEST_JWT_ISSUER}#wang`, role, organizationId: null, stores: [], sourceSystem: null, publishesDirectly: false, via: 'jwt' });
  });

  test('a token that expired within the 30 s clock tolerance is still accepted', async () => {
    const headers = await jwtHeaders({ role: 'analyst' }, { expiresAt: new Date(Date.now() - 10_000) });
    expect(await principal(hs, headers)).toMatchObject({ role: 'analyst' });
  });

  test.each([
    ['expired', { expiresAt: new Date(Date.now() - 120_000) }, 'expired', /expired/],
    ['from another issuer', { issuer: 'urn:someone-else' }, 'wrong-issuer', /issuer/],
    ['without an issuer', { issuer: null }, 'wrong-issuer', /issuer/],
    ['for another audience', { audience: 'urn:another-service' }, 'wrong-audience', /audience/],
    ['signed with another secret', { secret: 'a-different-secret-that-is-long-enough!!' }, 'bad-signature', /signature/],
    ['without an expiry', { expiresAt: null }, 'invalid-claims', /"exp"/],
    ['not valid yet', { notBefore: new Date(Date.now() + 3_600_000) }, 'not-yet-valid', /not valid yet/],
    ['signed with an algorithm not configured', { algorithm: 'HS384' as const, secret: 'x'.repeat(48) }, 'algorithm-not-accepted', /algorithm/],
  ])('a token %s is refused', async (_name, options, reason, message) => {
    const token = await signJwt({ role: 'analyst' }, options);
    const refused = expectRefused(await hs.graphql(WHOAMI, undefined, bearer(token)));
    expect(refused.reason).toBe(reason);
    expect(refused.message).toMatch(message);
    expect(refused.message).not.toContain(token.split('.')[1]!);
  });

  test.each([
    ['no role', { sub: 'x' }],
    ['an unknown role', { role: 'superuser' }],
    ['the public role', { role: 'public' }],
    ['a department without org', { role: 'department', stores: ['finance'] }],
    ['a department without stores', { role: 'department', org: 'org-neicuo-czs' }],
    ['a department with an unknown store', { role: 'department', org: 'org-neicuo-czs', stores: ['treasury'] }],
    ['an empty subject', { sub: '', role: 'analyst' }],
  ])('a token with %s is refused for its claims', async (_name, claims) => {
    const refused = expectRefused(await hs.graphql(WHOAMI, undefined, await jwtHeaders(claims)));
    expect(refused.reason).toBe('invalid-claims');
  });

  test('an unsigned token (alg none) is refused', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 600;
    const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', role: 'admin', iss: TEST_JWT_ISSUER, aud: TEST_JWT_SETTINGS.audience, exp })}.`;
    expect(expectRefused(await hs.graphql(WHOAMI, undefined, bearer(token))).reason).toBe('algorithm-not-accepted');
  });

  test('a token whose signature was tampered with is refused', async () => {
    const token = await signJwt({ role: 'analyst' });
    const [header, payload] = token.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    forged.role = 'admin';
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${token.split('.')[2]}`;
    expect(expectRefused(await hs.graphql(WHOAMI, undefined, bearer(tampered))).reason).toBe('bad-signature');
  });

  test('garbage that is neither an API key nor a JWT is refused as malformed', async () => {
    const refused = expectRefused(await hs.graphql(WHOAMI, undefined, bearer('not-a-token')));
    expect(refused).toEqual({ message: 'Malformed JWT', reason: 'malformed' });
  });

  test('a JWT never reaches the log', async () => {
    const token = await signJwt({ sub: 'log-check', role: 'analyst' });
    await hs.graphql(WHOAMI, undefined, bearer(token));
    const logs = JSON.stringify(hs.logs());
    expect(logs).not.toContain(token.split('.')[2]!);
    expect(logs).toContain(`jwt:${TEST_JWT_ISSUER}#log-check`);
  });
});

describe('JWTs signed with a private key', () => {
  test('RS256 with the configured public key', async () => {
    const headers = await jwtHeaders({ sub: 'idp-user', role: 'reviewer' }, { privateKey: rsa.privateKey, algorithm: 'RS256' });
    expect(await principal(rs, headers)).toMatchObject({ role: 'reviewer', via: 'jwt' });
  });

  test('ES256 with the configured public key', async () => {
    const headers = await jwtHeaders({ sub: 'idp-user', role: 'analyst' }, { privateKey: ec.privateKey, algorithm: 'ES256' });
    expect(await principal(es, headers)).toMatchObject({ role: 'analyst', via: 'jwt' });
  });

  test('a token signed by another RSA key is refused', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = await signJwt({ role: 'admin' }, { privateKey: other.privateKey, algorithm: 'RS256' });
    expect(expectRefused(await rs.graphql(WHOAMI, undefined, bearer(token))).reason).toBe('bad-signature');
  });

  test('an HS256 token is refused where only a public key is configured (no algorithm confusion)', async () => {
    const token = await signJwt({ role: 'admin' }, { secret: rsaPem });
    expect(expectRefused(await rs.graphql(WHOAMI, undefined, bearer(token))).reason).toBe('algorithm-not-accepted');
  });
});

describe('a gateway without JWT configuration', () => {
  test('refuses every JWT, and still serves the public', async () => {
    const refused = expectRefused(await none.graphql(WHOAMI, undefined, await jwtHeaders({ role: 'admin' })));
    expect(refused).toEqual({ message: 'JWTs are not accepted by this gateway', reason: 'jwt-not-accepted' });
    expect((await none.graphql(WHOAMI)).status).toBe(200);
  });
});

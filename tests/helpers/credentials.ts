/**
 * Credentials for tests over HTTP: API keys created in the gateway's own
 * store (`issueKey`), and JWTs signed for the test gateway's JWT settings
 * (`signJwt`; `startTestGateway` accepts them unless given `jwt: null`).
 * Every helper returns ready-made `headers` for `gateway.graphql(q, v, headers)`.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Stores } from '../../datasources/index.js';
import type { ApiKeyRecord } from '../../datasources/credentials/api-key-store.js';
import type { JwtSettings } from '../../src/config.js';

export const TEST_JWT_ISSUER = 'urn:disclosure-gateway:test-issuer';
export const TEST_JWT_AUDIENCE = 'urn:disclosure-gateway:test';
/** The HS256 secret of the test gateway (at least 32 bytes). */
export const TEST_JWT_SECRET = 'test-only-hs256-secret-of-the-disclosure-gateway';

/** The JWT settings `startTestGateway` uses by default. */
export const TEST_JWT_SETTINGS: JwtSettings = Object.freeze({
  issuer: TEST_JWT_ISSUER,
  audience: TEST_JWT_AUDIENCE,
  secret: new TextEncoder().encode(TEST_JWT_SECRET),
  publicKey: null,
});

/** Headers that present `token` as a bearer credential. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** What a key is created for: `role` and, for departments, `organizationId` and `stores`. */
export interface TestKeyRequest {
  role: 'department' | 'reviewer' | 'analyst' | 'admin' | (string & {});
  organizationId?: string;
  stores?: string[];
  sourceSystem?: string;
  label?: string;
}

/** An issued key: its id (the principal is `key:<id>`), its secret, and headers carrying it. */
export interface IssuedKey {
  id: string;
  secret: string;
  /** `key:<id>`, as the ledger records the caller. */
  principalId: string;
  headers: Record<string, string>;
  key: ApiKeyRecord;
}

/**
 * Creates an API key in the gateway's office store, as `npm run keys -- create`
 * would. Department keys need an organization that exists (seed the demo
 * data, or insert it) and at least one store; throws CredentialInputError otherwise.
 */
export async function issueKey(gateway: { stores: Stores }, request: TestKeyRequest): Promise<IssuedKey> {
  const { id, secret, key } = await gateway.stores.credentials.create(request);
  return { id, secret, key, principalId: `key:${id}`, headers: bearer(secret) };
}

/** Headers of one fresh key per non-department role. */
export async function issueRoleKeys(gateway: { stores: Stores }): Promise<Record<'admin' | 'reviewer' | 'analyst', IssuedKey>> {
  const [admin, reviewer, analyst] = await Promise.all(
    (['admin', 'reviewer', 'analyst'] as const).map((role) => issueKey(gateway, { role, label: `test ${role}` })),
  );
  return { admin: admin!, reviewer: reviewer!, analyst: analyst! };
}

/** The gateway's claims; `sub` defaults to `test-user`. Any other claim is signed as given. */
export interface TestJwtClaims {
  sub?: string;
  role?: string;
  org?: string;
  stores?: string[];
  src?: string;
  [claim: string]: unknown;
}

export interface SignJwtOptions {
  /** Expiry; default one hour from now; null leaves `exp` out. */
  expiresAt?: Date | null;
  notBefore?: Date;
  issuer?: string | null;
  audience?: string | null;
  /** HS256 secret (default `TEST_JWT_SECRET`), or a private key with `algorithm`. */
  secret?: string;
  privateKey?: KeyObject;
  algorithm?: 'HS256' | 'HS384' | 'RS256' | 'ES256';
}

/** Signs a JWT the test gateway accepts unless an option says otherwise (wrong issuer, expired, other secret, …). */
export async function signJwt(claims: TestJwtClaims, options: SignJwtOptions = {}): Promise<string> {
  const { sub = 'test-user', ...rest } = claims;
  const algorithm = options.algorithm ?? (options.privateKey ? 'RS256' : 'HS256');
  let jwt = new SignJWT(rest).setProtectedHeader({ alg: algorithm, typ: 'JWT' }).setSubject(sub).setIssuedAt();
  const issuer = options.issuer === undefined ? TEST_JWT_ISSUER : options.issuer;
  const audience = options.audience === undefined ? TEST_JWT_AUDIENCE : options.audience;
  if (issuer !== null) jwt = jwt.setIssuer(issuer);
  if (audience !== null) jwt = jwt.setAudience(audience);
  const expiresAt = options.expiresAt === undefined ? new Date(Date.now() + 3_600_000) : options.expiresAt;
  if (expiresAt !== null) jwt = jwt.setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
  if (options.notBefore) jwt = jwt.setNotBefore(Math.floor(options.notBefore.getTime() / 1000));
  const key = options.privateKey ?? createSecretKey(Buffer.from(options.secret ?? TEST_JWT_SECRET, 'utf8'));
  return jwt.sign(key);
}

/** Headers carrying a freshly signed JWT. */
export async function jwtHeaders(claims: TestJwtClaims, options: SignJwtOptions = {}): Promise<Record<string, string>> {
  return bearer(await signJwt(claims, options));
}

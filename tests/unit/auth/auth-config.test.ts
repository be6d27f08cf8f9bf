import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';

const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const p384Pem = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const edPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
const files: Record<string, string> = { '/keys/rsa.pem': rsaPem, '/keys/ec.pem': ecPem, '/keys/p384.pem': p384Pem, '/keys/ed.pem': edPem, '/keys/junk.pem': 'not a key', '/etc/gateway.json': '' };
const readFile = (file: string) => {
  const text = files[file];
  if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  return text;
};
const load = (env: Record<string, string>) => loadConfig(env, readFile);

function configError(env: Record<string, string>): ConfigError {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('JWT configuration', () => {
  test('nothing configured: no JWT is accepted, and no department publishes directly', () => {
    const config = load({});
    expect(config.jwt).toBeNull();
    expect(config.directPublicationOrgs).toEqual([]);
  });

  test('issuer, audience and a shared secret', () => {
    expect(load({ JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'gateway', JWT_SECRET: SECRET }).jwt).toEqual({
      issuer: 'https://idp.example',
      audience: 'gateway',
      secret: new TextEncoder().encode(SECRET),
      publicKey: null,
    });
  });

  test.each([
    ['/keys/rsa.pem', 'RS256'],
    ['/keys/ec.pem', 'ES256'],
  ])('a public key file %s verifies %s', (file, algorithm) => {
    const jwt = load({ JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', JWT_PUBLIC_KEY_FILE: file }).jwt!;
    expect(jwt.secret).toBeNull();
    expect(jwt.publicKey).toEqual({ pem: files[file], algorithm });
  });

  test('a secret and a public key together', () => {
    const jwt = load({ JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', JWT_SECRET: SECRET, JWT_PUBLIC_KEY_FILE: '/keys/rsa.pem' }).jwt!;
    expect(jwt.secret).not.toBeNull();
    expect(jwt.publicKey?.algorithm).toBe('RS256');
  });

  test('a secret shorter than 32 bytes is refused without being echoed', () => {
    const error = configError({ JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', JWT_SECRET: 'short-secret-value' });
    expect(error.variable).toBe('JWT_SECRET');
    expect(error.message).toMatch(/at least 32 bytes.*got 18/);
    expect(error.message).not.toContain('short-secret-value');
  });

  test.each([
    [{ JWT_AUDIENCE: 'a', JWT_SECRET: SECRET }, 'JWT_ISSUER'],
    [{ JWT_ISSUER: 'i', JWT_SECRET: SECRET }, 'JWT_AUDIENCE'],
    [{ JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }, 'JWT_SECRET'],
    [{ JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', JWT_PUBLIC_KEY_FILE: '/keys/missing.pem' }, 'JWT_PUBLIC_KEY_FILE'],
    [{ JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', JWT_PUBLIC_KEY_FILE: '/keys/junk.pem' }, 'JWT_PUBLIC_KEY_FILE'],
    [{ JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', JWT_PUBLIC_KEY_FILE: '/keys/p384.pem' }, 'JWT_PUBLIC_KEY_FILE'],
    [{ JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', JWT_PUBLIC_KEY_FILE: '/keys/ed.pem' }, 'JWT_PUBLIC_KEY_FILE'],
  ])('an incomplete or unusable setting %j names %s', (env, variable) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).not.toContain(SECRET);
  });

  test('the settings can come from the configuration file', () => {
    files['/etc/gateway.json'] = JSON.stringify({ jwtIssuer: 'i', jwtAudience: 'a', jwtSecret: SECRET, directPublicationOrgs: ['org-neicuo-dzb'] });
    const config = load({ GATEWAY_CONFIG: '/etc/gateway.json' });
    expect(config.jwt?.issuer).toBe('i');
    expect(config.directPublicationOrgs).toEqual(['org-neicuo-dzb']);
  });
});

describe('DIRECT_PUBLICATION_ORGS', () => {
  test('a comma list, trimmed and without repeats', () => {
    expect(load({ DIRECT_PUBLICATION_ORGS: ' org-neicuo-dzb, org-neicuo-czs,,org-neicuo-dzb ' }).directPublicationOrgs).toEqual(['org-neicuo-dzb', 'org-neicuo-czs']);
  });

  test('an id with spaces or odd characters is refused', () => {
    expect(configError({ DIRECT_PUBLICATION_ORGS: 'org-a, org b' }).variable).toBe('DIRECT_PUBLICATION_ORGS');
  });
});

/**
 * The caching settings: the response cache (on by default, with bounds),
 * the public max-age and the persisted-operation manifest and its mode,
 * from the environment or the JSON file; a bad value stops the start with
 * a ConfigError naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { configError } from '../../helpers/config.js';
import { operationHash } from '../../../src/http/persisted-queries.js';

const CATALOG = '{ disclosures(first: 5) { edges { node { id } } } }';
const MANIFEST = JSON.stringify({ operations: [{ id: operationHash(CATALOG), body: CATALOG }] });

const files = (entries: Record<string, string>) => (file: string): string => {
  const text = entries[file];
  if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  return text;
};
const noFile = files({});

describe('caching configuration', () => {
  it('has the response cache on, max-age 0 and no manifest by default', () => {
    const config = loadConfig({}, noFile);
    expect(config.responseCache).toEqual({ maxEntries: 10_000, ttlMs: 60_000 });
    expect(config.publicMaxAgeSeconds).toBe(0);
    expect(config.persistedQueries).toBeNull();
  });

  it('reads the response cache switch and bounds and the max-age from the environment', () => {
    expect(loadConfig({ RESPONSE_CACHE: 'off' }, noFile).responseCache).toBeNull();
    expect(loadConfig({ RESPONSE_CACHE: 'on', RESPONSE_CACHE_MAX_ENTRIES: '500', RESPONSE_CACHE_TTL_MS: '1500' }, noFile).responseCache).toEqual({ maxEntries: 500, ttlMs: 1500 });
    expect(loadConfig({ PUBLIC_MAX_AGE_SECONDS: '30' }, noFile).publicMaxAgeSeconds).toBe(30);
  });

  it('reads the same settings from the JSON file, the environment winning', () => {
    const file = JSON.stringify({ responseCache: false, responseCacheTtlMs: 2000, publicMaxAgeSeconds: 5, persistedQueriesFile: '/etc/gw/ops.json', persistedQueriesMode: 'open' });
    const read = files({ '/etc/gw/config.json': file, '/etc/gw/ops.json': MANIFEST });
    const fromFile = loadConfig({ GATEWAY_CONFIG: '/etc/gw/config.json' }, read);
    expect(fromFile.responseCache).toBeNull();
    expect(fromFile.publicMaxAgeSeconds).toBe(5);
    expect(fromFile.persistedQueries?.mode).toBe('open');
    expect(fromFile.persistedQueries?.manifest.get(operationHash(CATALOG))).toBe(CATALOG);
    const overridden = loadConfig({ GATEWAY_CONFIG: '/etc/gw/config.json', RESPONSE_CACHE: 'on', PERSISTED_QUERIES_MODE: 'safelist' }, read);
    expect(overridden.responseCache).toEqual({ maxEntries: 10_000, ttlMs: 2000 });
    expect(overridden.persistedQueries?.mode).toBe('safelist');
  });

  it('loads the manifest named by PERSISTED_QUERIES_FILE, in safelist mode by default', () => {
    const config = loadConfig({ PERSISTED_QUERIES_FILE: '/srv/ops.json' }, files({ '/srv/ops.json': MANIFEST }));
    expect(config.persistedQueries).toMatchObject({ file: '/srv/ops.json', mode: 'safelist' });
    expect([...config.persistedQueries!.manifest.keys()]).toEqual([operationHash(CATALOG)]);
  });

  it.each([
    [{ RESPONSE_CACHE: 'sometimes' }, 'RESPONSE_CACHE', /on or off/],
    [{ RESPONSE_CACHE_MAX_ENTRIES: '0' }, 'RESPONSE_CACHE_MAX_ENTRIES', /integer from 1/],
    [{ RESPONSE_CACHE_MAX_ENTRIES: 'many' }, 'RESPONSE_CACHE_MAX_ENTRIES', /integer/],
    [{ RESPONSE_CACHE_TTL_MS: '-5' }, 'RESPONSE_CACHE_TTL_MS', /integer/],
    [{ PUBLIC_MAX_AGE_SECONDS: '1.5' }, 'PUBLIC_MAX_AGE_SECONDS', /integer from 0/],
    [{ PERSISTED_QUERIES_MODE: 'strict', PERSISTED_QUERIES_FILE: '/srv/ops.json' }, 'PERSISTED_QUERIES_MODE', /safelist, open/],
    [{ PERSISTED_QUERIES_MODE: 'open' }, 'PERSISTED_QUERIES_MODE', /PERSISTED_QUERIES_FILE is not/],
    [{ PERSISTED_QUERIES_FILE: '/srv/missing.json' }, 'PERSISTED_QUERIES_FILE', /cannot be read.*ENOENT/],
    [{ PERSISTED_QUERIES_FILE: '/srv/broken.json' }, 'PERSISTED_QUERIES_FILE', /not a persisted query manifest/],
    [{ PERSISTED_QUERIES_FILE: '/srv/forged.json' }, 'PERSISTED_QUERIES_FILE', /not the SHA-256 of its body/],
  ])('refuses %j naming %s', (env, variable, message) => {
    const read = files({
      '/srv/ops.json': MANIFEST,
      '/srv/broken.json': '{"operations": ',
      '/srv/forged.json': JSON.stringify({ operations: [{ id: operationHash('{ other }'), body: CATALOG }] }),
    });
    const error = configError(() => loadConfig(env, read));
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
  });

  it('names the file key when the bad value comes from the file', () => {
    const error = configError(() => loadConfig({ GATEWAY_CONFIG: '/etc/gw/config.json' }, files({ '/etc/gw/config.json': JSON.stringify({ responseCacheMaxEntries: 'lots' }) })));
    expect(error.variable).toBe('/etc/gw/config.json: responseCacheMaxEntries');
  });
});

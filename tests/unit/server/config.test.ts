import { describe, expect, it } from 'vitest';
import { loadConfig, needsEmbeddedServer, redactUri, resolveStoreUris } from '../../../src/config.js';
import { configError, noFile } from '../../helpers/config.js';


describe('loadConfig', () => {
  it('defaults to 127.0.0.1:4000, ./data, the embedded server and one database per store', () => {
    const config = loadConfig({}, noFile);
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(4000);
    expect(config.storeTimeoutMS).toBe(2000);
    expect(config.dataDir).toMatch(/\/data$/);
    // The public's bodies stay small; a department's batch of 1,000 records needs more.
    expect(config.bodyLimitBytes).toBe(1_048_576);
    expect(config.authenticatedBodyLimitBytes).toBe(16_777_216);
    expect(config.stores).toEqual({
      finance: { dbName: 'finance' },
      procurement: { dbName: 'procurement' },
      personnel: { dbName: 'personnel' },
      office: { dbName: 'office' },
    });
    expect(needsEmbeddedServer(config)).toBe(true);
  });

  it('lets MONGODB_URI set every store and MONGODB_URI_<STORE> override one', () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1:27017', MONGODB_URI_FINANCE: 'mongodb://127.0.0.1:27018', MONGODB_DB_OFFICE: 'town_office' }, noFile);
    expect(config.stores.finance).toEqual({ uri: 'mongodb://127.0.0.1:27018', dbName: 'finance' });
    expect(config.stores.procurement.uri).toBe('mongodb://127.0.0.1:27017');
    expect(config.stores.office).toEqual({ uri: 'mongodb://127.0.0.1:27017', dbName: 'town_office' });
    expect(needsEmbeddedServer(config)).toBe(false);
  });

  it('uses the embedded server only for stores without a URI', () => {
    const config = loadConfig({ MONGODB_URI_PERSONNEL: 'mongodb://127.0.0.1:27019' }, noFile);
    expect(needsEmbeddedServer(config)).toBe(true);
    const uris = resolveStoreUris(config, 'mongodb://127.0.0.1:5555');
    expect(uris.personnel.uri).toBe('mongodb://127.0.0.1:27019');
    expect(uris.finance.uri).toBe('mongodb://127.0.0.1:5555');
  });

  it('reads a JSON file named by GATEWAY_CONFIG, with the environment winning', () => {
    const file = JSON.stringify({ port: 5000, host: '0.0.0.0', storeTimeoutMS: 500, stores: { finance: { uri: 'mongodb://127.0.0.1:1', dbName: 'fin' } } });
    const config = loadConfig({ GATEWAY_CONFIG: '/etc/gateway.json', PORT: '6000' }, () => file);
    expect(config.port).toBe(6000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.storeTimeoutMS).toBe(500);
    expect(config.stores.finance).toEqual({ uri: 'mongodb://127.0.0.1:1', dbName: 'fin' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', /integer from 0 to 65535/],
    [{ PORT: '70000' }, 'PORT', /integer/],
    [{ STORE_TIMEOUT_MS: '0' }, 'STORE_TIMEOUT_MS', /integer from 1/],
    [{ HOST: 'bad host' }, 'HOST', /host name or IP/],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI', /mongodb:\/\//],
    [{ MONGODB_URI_OFFICE: 'http://127.0.0.1' }, 'MONGODB_URI_OFFICE', /mongodb:\/\//],
    [{ MONGODB_DB_FINANCE: 'a.b' }, 'MONGODB_DB_FINANCE', /database name/],
    [{ MONGODB_DB_OFFICE: 'finance' }, 'MONGODB_DB_OFFICE', /already used by store "finance"/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of fatal/],
    [{ MAX_QUERY_DEPTH: '-1' }, 'MAX_QUERY_DEPTH', /integer/],
    [{ AUTHENTICATED_BODY_LIMIT_BYTES: '10' }, 'AUTHENTICATED_BODY_LIMIT_BYTES', /integer from 1024/],
    [{ GATEWAY_CONFIG: '/missing.json' }, 'GATEWAY_CONFIG', /cannot be read/],
  ])('rejects %j naming %s', (env, variable, problem) => {
    const error = configError(() => loadConfig(env, noFile));
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toMatch(problem);
  });

  it('never echoes a rejected connection string, which may hold a password', () => {
    const error = configError(() => loadConfig({ MONGODB_URI: 'mongo://admin:s3cret@db' }, noFile));
    expect(error.message).not.toContain('s3cret');
  });

  it('rejects unknown keys and bad JSON in the config file, naming them', () => {
    expect(configError(() => loadConfig({ GATEWAY_CONFIG: 'g.json' }, () => '{"prot": 1}')).message).toMatch(/g\.json: prot is not a known setting/);
    expect(configError(() => loadConfig({ GATEWAY_CONFIG: 'g.json' }, () => '{"stores": {"hr": {}}}')).message).toMatch(/stores\.hr is not a store/);
    expect(configError(() => loadConfig({ GATEWAY_CONFIG: 'g.json' }, () => '{port: 1}')).message).toMatch(/not valid JSON/);
    expect(configError(() => loadConfig({ GATEWAY_CONFIG: 'g.json' }, () => '{"port": "x"}')).message).toMatch(/g\.json: port must be an integer/);
  });
});

describe('redactUri', () => {
  it('hides the password of a connection string', () => {
    expect(redactUri('mongodb://gw:p%40ss@db.example:27017/x')).toBe('mongodb://gw:***@db.example:27017/x');
    expect(redactUri('mongodb://127.0.0.1:27017')).toBe('mongodb://127.0.0.1:27017');
  });
});

/**
 * The gateway's configuration, read once at start from the environment and,
 * optionally, a JSON file named by `GATEWAY_CONFIG`. Environment variables
 * win over the file, so one file can serve several deployments. Every value
 * is validated here: a bad one stops the start with a message that names the
 * variable, instead of surfacing later as an obscure driver or socket error.
 */
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseManifest, type PersistedQueryManifest } from './http/persisted-queries.js';

/** The department stores, one MongoDB database each. */
export const STORE_NAMES = ['finance', 'procurement', 'personnel', 'office'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

export interface StoreSetting {
  /** Connection string; absent means "use the embedded server". */
  uri?: string;
  dbName: string;
}

export interface GatewayConfig {
  host: string;
  port: number;
  /** How long one store may take to answer before it counts as unavailable. */
  storeTimeoutMS: number;
  /** Where the embedded server keeps its files when no store has a URI. */
  dataDir: string;
  stores: Record<StoreName, StoreSetting>;
  /** Largest accepted request body, in bytes, from the public. */
  bodyLimitBytes: number;
  /** Largest accepted request body, in bytes, from a caller with a credential (a department pushing 1,000 records). */
  authenticatedBodyLimitBytes: number;
  /** Deepest selection set accepted (introspection fields are not counted). */
  maxQueryDepth: number;
  /** Highest estimated cost accepted; list fields multiply by their page size. */
  maxQueryComplexity: number;
  logLevel: LogLevel;
  /** How JWTs are verified; null when the gateway accepts none (API keys still work). */
  jwt: JwtSettings | null;
  /** Organizations whose departments publish without review (直接公开); none by default. */
  directPublicationOrgs: readonly string[];
  /** The response cache of public reads (RESPONSE_CACHE*); null when switched off. */
  responseCache: ResponseCacheSettings | null;
  /** `max-age` of public GET answers, in seconds (PUBLIC_MAX_AGE_SECONDS); 0 makes HTTP caches revalidate every time. */
  publicMaxAgeSeconds: number;
  /** The persisted-operation manifest (PERSISTED_QUERIES_FILE) and its mode; null when there is none. */
  persistedQueries: PersistedQuerySettings | null;
  /** Analysts' aggregations: each store's time limit and the cache of their answers (ANALYTICS_*). */
  analytics: AnalyticsSettings;
  /** How long a verified API key is trusted without reading the store, in ms (API_KEY_CACHE_TTL_MS); 0 reads it on every request. */
  apiKeyCacheTtlMs: number;
}

/** How analysts' aggregations are run. */
export interface AnalyticsSettings {
  /** Time limit of one store's aggregation, in ms (ANALYTICS_TIME_LIMIT_MS). */
  timeLimitMS: number;
  /** The cache of merged groups (ANALYTICS_CACHE*); null when switched off. */
  cache: { ttlMs: number; maxGroups: number } | null;
}

/** Bounds of the response cache. */
export interface ResponseCacheSettings {
  maxEntries: number;
  /** How long an entry lives at most, bounding how late a scheduled publication shows. */
  ttlMs: number;
}

/** The operations the portals publish, and whether the public may run only those. */
export interface PersistedQuerySettings {
  file: string;
  manifest: PersistedQueryManifest;
  /** `safelist`: the public may run only these; `open`: they are only filled in by hash. */
  mode: PersistedQueryMode;
}

export const PERSISTED_QUERY_MODES = ['safelist', 'open'] as const;
export type PersistedQueryMode = (typeof PERSISTED_QUERY_MODES)[number];

/** Issuer, audience and keys that JWTs must match; at least one of `secret` and `publicKey` is set. */
export interface JwtSettings {
  issuer: string;
  audience: string;
  /** Shared HS256 secret (at least 32 bytes), from JWT_SECRET. */
  secret: Uint8Array | null;
  /** Public key (PEM) from JWT_PUBLIC_KEY_FILE and the algorithm its type implies. */
  publicKey: { pem: string; algorithm: 'RS256' | 'ES256' } | null;
}

/** Shortest accepted HS256 secret, in bytes (the length of the hash, as RFC 7518 asks). */
export const MIN_JWT_SECRET_BYTES = 32;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 4000,
  storeTimeoutMS: 2000,
  dataDir: './data',
  bodyLimitBytes: 1_048_576,
  authenticatedBodyLimitBytes: 16_777_216,
  maxQueryDepth: 12,
  maxQueryComplexity: 50_000,
  logLevel: 'info' as LogLevel,
  responseCacheMaxEntries: 10_000,
  responseCacheTtlMs: 60_000,
  publicMaxAgeSeconds: 0,
  persistedQueriesMode: 'safelist' as PersistedQueryMode,
  analyticsTimeLimitMS: 15_000,
  analyticsCacheTtlMs: 60_000,
  analyticsCacheMaxGroups: 100_000,
  apiKeyCacheTtlMs: 10_000,
};

/** The environment variable that sets one store's URI, e.g. `MONGODB_URI_FINANCE`. */
export function storeUriVariable(store: StoreName): string {
  return `MONGODB_URI_${store.toUpperCase()}`;
}

/** The environment variable that sets one store's database name, e.g. `MONGODB_DB_FINANCE`. */
export function storeDbVariable(store: StoreName): string {
  return `MONGODB_DB_${store.toUpperCase()}`;
}

type Env = Record<string, string | undefined>;

/**
 * The shape of the optional JSON file; every key is optional and has the
 * same meaning as the environment variable named beside it.
 */
interface ConfigFile {
  host?: unknown; // HOST
  port?: unknown; // PORT
  storeTimeoutMS?: unknown; // STORE_TIMEOUT_MS
  dataDir?: unknown; // DATA_DIR
  mongodbUri?: unknown; // MONGODB_URI
  stores?: unknown; // MONGODB_URI_<STORE>, MONGODB_DB_<STORE>
  bodyLimitBytes?: unknown; // BODY_LIMIT_BYTES
  authenticatedBodyLimitBytes?: unknown; // AUTHENTICATED_BODY_LIMIT_BYTES
  maxQueryDepth?: unknown; // MAX_QUERY_DEPTH
  maxQueryComplexity?: unknown; // MAX_QUERY_COMPLEXITY
  logLevel?: unknown; // LOG_LEVEL
  jwtIssuer?: unknown; // JWT_ISSUER
  jwtAudience?: unknown; // JWT_AUDIENCE
  jwtSecret?: unknown; // JWT_SECRET
  jwtPublicKeyFile?: unknown; // JWT_PUBLIC_KEY_FILE
  directPublicationOrgs?: unknown; // DIRECT_PUBLICATION_ORGS (comma list, or an array in the file)
  responseCache?: unknown; // RESPONSE_CACHE ("on"/"off", or a boolean in the file)
  responseCacheMaxEntries?: unknown; // RESPONSE_CACHE_MAX_ENTRIES
  responseCacheTtlMs?: unknown; // RESPONSE_CACHE_TTL_MS
  publicMaxAgeSeconds?: unknown; // PUBLIC_MAX_AGE_SECONDS
  persistedQueriesFile?: unknown; // PERSISTED_QUERIES_FILE
  persistedQueriesMode?: unknown; // PERSISTED_QUERIES_MODE
  analyticsTimeLimitMS?: unknown; // ANALYTICS_TIME_LIMIT_MS
  analyticsCache?: unknown; // ANALYTICS_CACHE ("on"/"off", or a boolean in the file)
  analyticsCacheTtlMs?: unknown; // ANALYTICS_CACHE_TTL_MS
  analyticsCacheMaxGroups?: unknown; // ANALYTICS_CACHE_MAX_GROUPS
  apiKeyCacheTtlMs?: unknown; // API_KEY_CACHE_TTL_MS
}

const FILE_KEYS: ReadonlyArray<keyof ConfigFile> = [
  'host', 'port', 'storeTimeoutMS', 'dataDir', 'mongodbUri', 'stores',
  'bodyLimitBytes', 'authenticatedBodyLimitBytes', 'maxQueryDepth', 'maxQueryComplexity', 'logLevel',
  'jwtIssuer', 'jwtAudience', 'jwtSecret', 'jwtPublicKeyFile', 'directPublicationOrgs',
  'responseCache', 'responseCacheMaxEntries', 'responseCacheTtlMs', 'publicMaxAgeSeconds', 'persistedQueriesFile', 'persistedQueriesMode',
  'analyticsTimeLimitMS', 'analyticsCache', 'analyticsCacheTtlMs', 'analyticsCacheMaxGroups', 'apiKeyCacheTtlMs',
];

/**
 * Reads and validates the configuration; throws `ConfigError` naming the
 * first bad variable. `readFile` is injectable so tests need no files.
 */
export function loadConfig(
  env: Env = process.env,
  readFile: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): GatewayConfig {
  const file = readConfigFile(env.GATEWAY_CONFIG, readFile);
  const pick = (variable: string, fileKey: keyof ConfigFile): { name: string; value: unknown } => {
    const fromEnv = env[variable];
    if (fromEnv !== undefined && fromEnv !== '') return { name: variable, value: fromEnv };
    return { name: `${env.GATEWAY_CONFIG ?? ''}: ${fileKey}`, value: file[fileKey] };
  };

  const host = pick('HOST', 'host');
  const port = pick('PORT', 'port');
  const timeout = pick('STORE_TIMEOUT_MS', 'storeTimeoutMS');
  const dataDir = pick('DATA_DIR', 'dataDir');
  const bodyLimit = pick('BODY_LIMIT_BYTES', 'bodyLimitBytes');
  const authenticatedBodyLimit = pick('AUTHENTICATED_BODY_LIMIT_BYTES', 'authenticatedBodyLimitBytes');
  const depth = pick('MAX_QUERY_DEPTH', 'maxQueryDepth');
  const complexity = pick('MAX_QUERY_COMPLEXITY', 'maxQueryComplexity');
  const logLevel = pick('LOG_LEVEL', 'logLevel');
  const sharedUri = pick('MONGODB_URI', 'mongodbUri');

  return {
    host: hostValue(host.name, host.value) ?? DEFAULTS.host,
    port: integerValue(port.name, port.value, 0, 65_535) ?? DEFAULTS.port,
    storeTimeoutMS: integerValue(timeout.name, timeout.value, 1, 600_000) ?? DEFAULTS.storeTimeoutMS,
    dataDir: path.resolve(stringValue(dataDir.name, dataDir.value) ?? DEFAULTS.dataDir),
    stores: storeSettings(env, file, uriValue(sharedUri.name, sharedUri.value)),
    bodyLimitBytes: integerValue(bodyLimit.name, bodyLimit.value, 1024, 100 * 1_048_576) ?? DEFAULTS.bodyLimitBytes,
    authenticatedBodyLimitBytes: integerValue(authenticatedBodyLimit.name, authenticatedBodyLimit.value, 1024, 100 * 1_048_576) ?? DEFAULTS.authenticatedBodyLimitBytes,
    maxQueryDepth: integerValue(depth.name, depth.value, 1, 100) ?? DEFAULTS.maxQueryDepth,
    maxQueryComplexity: integerValue(complexity.name, complexity.value, 1, 100_000_000) ?? DEFAULTS.maxQueryComplexity,
    logLevel: logLevelValue(logLevel.name, logLevel.value) ?? DEFAULTS.logLevel,
    jwt: jwtSettings(pick('JWT_ISSUER', 'jwtIssuer'), pick('JWT_AUDIENCE', 'jwtAudience'), pick('JWT_SECRET', 'jwtSecret'), pick('JWT_PUBLIC_KEY_FILE', 'jwtPublicKeyFile'), readFile),
    directPublicationOrgs: organizationList(pick('DIRECT_PUBLICATION_ORGS', 'directPublicationOrgs')),
    responseCache: responseCacheSettings(pick('RESPONSE_CACHE', 'responseCache'), pick('RESPONSE_CACHE_MAX_ENTRIES', 'responseCacheMaxEntries'), pick('RESPONSE_CACHE_TTL_MS', 'responseCacheTtlMs')),
    publicMaxAgeSeconds: integerValue(...named(pick('PUBLIC_MAX_AGE_SECONDS', 'publicMaxAgeSeconds')), 0, 31_536_000) ?? DEFAULTS.publicMaxAgeSeconds,
    persistedQueries: persistedQuerySettings(pick('PERSISTED_QUERIES_FILE', 'persistedQueriesFile'), pick('PERSISTED_QUERIES_MODE', 'persistedQueriesMode'), readFile),
    analytics: {
      timeLimitMS: integerValue(...named(pick('ANALYTICS_TIME_LIMIT_MS', 'analyticsTimeLimitMS')), 1, 3_600_000) ?? DEFAULTS.analyticsTimeLimitMS,
      cache: analyticsCacheSettings(pick('ANALYTICS_CACHE', 'analyticsCache'), pick('ANALYTICS_CACHE_TTL_MS', 'analyticsCacheTtlMs'), pick('ANALYTICS_CACHE_MAX_GROUPS', 'analyticsCacheMaxGroups')),
    },
    apiKeyCacheTtlMs: integerValue(...named(pick('API_KEY_CACHE_TTL_MS', 'apiKeyCacheTtlMs')), 0, 3_600_000) ?? DEFAULTS.apiKeyCacheTtlMs,
  };
}

/** True when at least one store has no URI, so the embedded server must run. */
export function needsEmbeddedServer(config: GatewayConfig): boolean {
  return STORE_NAMES.some((store) => config.stores[store].uri === undefined);
}

/**
 * Every store's URI: its own when configured, else `fallbackUri` (the
 * embedded server's). Throws when a store has neither, which is a caller bug.
 */
export function resolveStoreUris(config: GatewayConfig, fallbackUri?: string): Record<StoreName, StoreSetting & { uri: string }> {
  const entries = STORE_NAMES.map((store) => {
    const setting = config.stores[store];
    const uri = setting.uri ?? fallbackUri;
    if (uri === undefined) throw new TypeError(`Store "${store}" has no URI and no embedded server was started.`);
    return [store, { ...setting, uri }] as const;
  });
  return Object.fromEntries(entries) as Record<StoreName, StoreSetting & { uri: string }>;
}

/** A connection string with its password replaced, safe to log. */
export function redactUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

function readConfigFile(file: string | undefined, readFile: (file: string) => string): ConfigFile {
  if (file === undefined || file === '') return {};
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    throw new ConfigError('GATEWAY_CONFIG', `names a file that cannot be read (${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError('GATEWAY_CONFIG', `names a file that is not valid JSON (${file}: ${(error as Error).message})`);
  }
  if (!isRecord(parsed)) throw new ConfigError('GATEWAY_CONFIG', `must name a file holding a JSON object (${file})`);
  for (const key of Object.keys(parsed)) {
    if (!(FILE_KEYS as readonly string[]).includes(key)) {
      throw new ConfigError(`${file}: ${key}`, `is not a known setting; known settings are ${FILE_KEYS.join(', ')}`);
    }
  }
  return parsed as ConfigFile;
}

function storeSettings(env: Env, file: ConfigFile, sharedUri: string | undefined): Record<StoreName, StoreSetting> {
  const fileStores = file.stores ?? {};
  if (!isRecord(fileStores)) throw new ConfigError(`${env.GATEWAY_CONFIG ?? ''}: stores`, 'must be an object keyed by store name');
  for (const key of Object.keys(fileStores)) {
    if (!(STORE_NAMES as readonly string[]).includes(key)) {
      throw new ConfigError(`${env.GATEWAY_CONFIG ?? ''}: stores.${key}`, `is not a store; stores are ${STORE_NAMES.join(', ')}`);
    }
  }
  const settings: Partial<Record<StoreName, StoreSetting>> = {};
  for (const store of STORE_NAMES) {
    const fromFile = fileStores[store] ?? {};
    if (!isRecord(fromFile)) throw new ConfigError(`${env.GATEWAY_CONFIG ?? ''}: stores.${store}`, 'must be an object with "uri" and/or "dbName"');
    const uriVar = storeUriVariable(store);
    const dbVar = storeDbVariable(store);
    const uri = env[uriVar]
      ? uriValue(uriVar, env[uriVar])
      : uriValue(`${env.GATEWAY_CONFIG ?? ''}: stores.${store}.uri`, fromFile.uri);
    const dbName = env[dbVar]
      ? dbNameValue(dbVar, env[dbVar])
      : dbNameValue(`${env.GATEWAY_CONFIG ?? ''}: stores.${store}.dbName`, fromFile.dbName);
    const setting: StoreSetting = { dbName: dbName ?? store };
    const effectiveUri = uri ?? sharedUri;
    if (effectiveUri !== undefined) setting.uri = effectiveUri;
    // Two stores in one database would mix their collections and defeat the split.
    const clash = STORE_NAMES.find((other) => settings[other]?.dbName === setting.dbName && settings[other]?.uri === setting.uri);
    if (clash) throw new ConfigError(dbVar, `gives store "${store}" the database "${setting.dbName}" already used by store "${clash}" on the same server`);
    settings[store] = setting;
  }
  return settings as Record<StoreName, StoreSetting>;
}

function stringValue(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(name, 'must be a non-empty string');
  return value.trim();
}

function integerValue(name: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return number;
}

function hostValue(name: string, value: unknown): string | undefined {
  const host = stringValue(name, value);
  if (host !== undefined && !/^[A-Za-z0-9.:[\]-]+$/.test(host)) {
    throw new ConfigError(name, `must be a host name or IP address (got ${JSON.stringify(host)})`);
  }
  return host;
}

function uriValue(name: string, value: unknown): string | undefined {
  const uri = stringValue(name, value);
  if (uri !== undefined && !/^mongodb(\+srv)?:\/\/[^/\s]+/.test(uri)) {
    // The value may hold a password: never echo it.
    throw new ConfigError(name, 'must be a MongoDB connection string starting with mongodb:// or mongodb+srv://');
  }
  return uri;
}

function dbNameValue(name: string, value: unknown): string | undefined {
  const dbName = stringValue(name, value);
  // mongod's own rules for database names.
  if (dbName !== undefined && (dbName.length > 63 || /[/\\. "$*<>:|?\0]/.test(dbName))) {
    throw new ConfigError(name, `must be a MongoDB database name: at most 63 characters, none of /\\. "$*<>:|? (got ${JSON.stringify(dbName)})`);
  }
  return dbName;
}

function logLevelValue(name: string, value: unknown): LogLevel | undefined {
  const level = stringValue(name, value);
  if (level !== undefined && !(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(name, `must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(level)})`);
  }
  return level as LogLevel | undefined;
}

type Picked = { name: string; value: unknown };

/**
 * JWT verification settings: none at all means JWTs are refused; any of them
 * needs issuer, audience and a key (a secret, a public key file, or both).
 * Secrets and key contents never appear in the messages.
 */
function jwtSettings(issuer: Picked, audience: Picked, secret: Picked, keyFile: Picked, readFile: (file: string) => string): JwtSettings | null {
  const given = [issuer, audience, secret, keyFile].filter((setting) => setting.value !== undefined && setting.value !== null);
  if (given.length === 0) return null;
  const issuerValue = stringValue(issuer.name, issuer.value);
  const audienceValue = stringValue(audience.name, audience.value);
  // A missing setting is named by its environment variable: the file key would name where it was not found.
  const givenNames = given.map((setting) => setting.name).join(', ');
  if (issuerValue === undefined) throw new ConfigError('JWT_ISSUER', `must be set when ${givenNames} is set: JWTs are checked against their issuer`);
  if (audienceValue === undefined) throw new ConfigError('JWT_AUDIENCE', `must be set when ${givenNames} is set: JWTs are checked against their audience`);
  let secretBytes: Uint8Array | null = null;
  if (secret.value !== undefined && secret.value !== null) {
    if (typeof secret.value !== 'string') throw new ConfigError(secret.name, 'must be a string');
    secretBytes = new TextEncoder().encode(secret.value);
    if (secretBytes.length < MIN_JWT_SECRET_BYTES) throw new ConfigError(secret.name, `must be at least ${MIN_JWT_SECRET_BYTES} bytes long for HS256 (got ${secretBytes.length})`);
  }
  const file = stringValue(keyFile.name, keyFile.value);
  const publicKey = file === undefined ? null : publicKeyFrom(keyFile.name, file, readFile);
  if (secretBytes === null && publicKey === null) {
    throw new ConfigError('JWT_SECRET', 'or JWT_PUBLIC_KEY_FILE must be set: JWTs need a key to be verified with');
  }
  return { issuer: issuerValue, audience: audienceValue, secret: secretBytes, publicKey };
}

/** Reads a PEM public key; RSA keys verify RS256 and P-256 keys ES256. */
function publicKeyFrom(name: string, file: string, readFile: (file: string) => string): { pem: string; algorithm: 'RS256' | 'ES256' } {
  let pem: string;
  try {
    pem = readFile(file);
  } catch (error) {
    throw new ConfigError(name, `names a file that cannot be read (${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new ConfigError(name, `names a file that holds no PEM public key (${file})`);
  }
  if (key.asymmetricKeyType === 'rsa') return { pem, algorithm: 'RS256' };
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { pem, algorithm: 'ES256' };
  throw new ConfigError(name, `names a ${key.asymmetricKeyType ?? 'unknown'} key; an RSA key (RS256) or a P-256 key (ES256) is needed (${file})`);
}

/** Organization ids from a comma list (environment) or an array of strings (file). */
function organizationList(setting: Picked): string[] {
  const { name, value } = setting;
  if (value === undefined || value === null) return [];
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  if (items === null || items.some((item) => typeof item !== 'string')) throw new ConfigError(name, 'must be a comma-separated list of organization ids');
  const ids = (items as string[]).map((item) => item.trim()).filter((item) => item !== '');
  const bad = ids.find((id) => !/^[A-Za-z0-9._:-]{1,128}$/.test(id));
  if (bad !== undefined) throw new ConfigError(name, `holds ${JSON.stringify(bad)}, which is not an organization id`);
  return [...new Set(ids)];
}

function named(setting: Picked): [string, unknown] {
  return [setting.name, setting.value];
}

/** On unless switched off; its bounds are checked even when off, so a typo does not wait for the day it is switched on. */
function responseCacheSettings(switchSetting: Picked, maxEntries: Picked, ttl: Picked): ResponseCacheSettings | null {
  const settings = {
    maxEntries: integerValue(...named(maxEntries), 1, 10_000_000) ?? DEFAULTS.responseCacheMaxEntries,
    ttlMs: integerValue(...named(ttl), 1, 86_400_000) ?? DEFAULTS.responseCacheTtlMs,
  };
  return switchValue(switchSetting.name, switchSetting.value) === false ? null : settings;
}

function analyticsCacheSettings(switchSetting: Picked, ttl: Picked, maxGroups: Picked): AnalyticsSettings['cache'] {
  const settings = {
    ttlMs: integerValue(...named(ttl), 1, 86_400_000) ?? DEFAULTS.analyticsCacheTtlMs,
    maxGroups: integerValue(...named(maxGroups), 4, 100_000_000) ?? DEFAULTS.analyticsCacheMaxGroups,
  };
  return switchValue(switchSetting.name, switchSetting.value) === false ? null : settings;
}

/** `on`/`off` (also true/false, 1/0, yes/no; a boolean in the file); undefined when not set. */
function switchValue(name: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (['on', 'true', '1', 'yes'].includes(word)) return true;
  if (['off', 'false', '0', 'no'].includes(word)) return false;
  throw new ConfigError(name, `must be on or off (got ${JSON.stringify(value)})`);
}

/** The manifest read and checked now, so a bad file stops the start instead of refusing every public request. */
function persistedQuerySettings(fileSetting: Picked, modeSetting: Picked, readFile: (file: string) => string): PersistedQuerySettings | null {
  const file = stringValue(fileSetting.name, fileSetting.value);
  const modeText = stringValue(modeSetting.name, modeSetting.value);
  if (modeText !== undefined && !(PERSISTED_QUERY_MODES as readonly string[]).includes(modeText)) {
    throw new ConfigError(modeSetting.name, `must be one of ${PERSISTED_QUERY_MODES.join(', ')} (got ${JSON.stringify(modeText)})`);
  }
  if (file === undefined) {
    if (modeText !== undefined) throw new ConfigError(modeSetting.name, 'is set but PERSISTED_QUERIES_FILE is not: there is no manifest to apply');
    return null;
  }
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    throw new ConfigError(fileSetting.name, `names a file that cannot be read (${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let manifest: PersistedQueryManifest;
  try {
    manifest = parseManifest(JSON.parse(text));
  } catch (error) {
    throw new ConfigError(fileSetting.name, `names a file that is not a persisted query manifest (${file}: ${(error as Error).message})`);
  }
  return { file, manifest, mode: (modeText as PersistedQueryMode | undefined) ?? DEFAULTS.persistedQueriesMode };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The real gateway for one test file: stores on the embedded server (or on
 * `MONGODB_URI`), optionally the demo data, the HTTP server on an ephemeral
 * port, and clients that talk to it over HTTP only. Structured logs are
 * captured, so a test can follow a request id from a response to the log.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { DEFAULTS, type AnalyticsSettings, type GatewayConfig, type JwtSettings } from '../../src/config.js';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.js';
import { createLogger } from '../../src/logger.js';
import { createGateway, type Gateway } from '../../src/server.js';
import { openStores, type StoreName, type Stores, type StoresConfig } from '../../datasources/index.js';
import type { StoreCommandEvent } from '../../datasources/store-connection.js';
import { TEST_JWT_SETTINGS } from './credentials.js';
import { startTestMongo, type TestMongo } from './mongo.js';

const STORES: readonly StoreName[] = ['finance', 'procurement', 'personnel', 'office'];

export interface TestGatewayOptions {
  /** Load the Neicuo 2015 demo data before serving (default false). */
  seed?: boolean;
  /** Replace some stores' URIs, e.g. with one nobody listens on. */
  storeUris?: Partial<Record<StoreName, string>>;
  /** Each store's timeout (default 2000 ms). */
  timeoutMS?: number;
  /** Sees every command the driver starts on any store. */
  onCommand?: (event: StoreCommandEvent) => void;
  /** One embedded server per store, so a test can stop one (`servers.finance.stop()`). */
  separateStores?: boolean;
  /** Serve this schema instead of the gateway's (for tests of the HTTP layer itself). */
  schema?: GraphQLSchema;
  /** Override HTTP limits (depth, complexity, body size). */
  limits?: Partial<Pick<GatewayConfig, 'bodyLimitBytes' | 'authenticatedBodyLimitBytes' | 'maxQueryDepth' | 'maxQueryComplexity'>>;
  /** How JWTs are verified (default: `TEST_JWT_SETTINGS`, which `signJwt` signs for); null refuses every JWT. */
  jwt?: JwtSettings | null;
  /** Organizations whose departments publish without review (default none). */
  directPublication?: readonly string[];
  /** Caching: the response cache (off unless given), Cache-Control max-age, a persisted-operation manifest, the memory of verified API keys (on, as shipped, unless given). */
  caching?: Partial<Pick<GatewayConfig, 'responseCache' | 'publicMaxAgeSeconds' | 'persistedQueries' | 'apiKeyCacheTtlMs'>>;
  /** Analysts' aggregations: the per-store time limit (default 15 s) and the cache of their answers (off unless given). */
  analytics?: Partial<AnalyticsSettings>;
}

/** A GraphQL response as the client received it. */
export interface GraphQLHttpResult<TData> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: GraphQLFormattedError[];
}

/** One embedded server started for a single store. */
export interface StoreServer {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

export interface TestGateway {
  /** The GraphQL endpoint. */
  url: string;
  /** `http://127.0.0.1:<port>`, for other paths. */
  origin: string;
  /** POSTs an operation as JSON and returns the parsed response with its status and headers. */
  graphql<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables> | DocumentNode | string,
    variables?: TVariables,
    headers?: Record<string, string>,
  ): Promise<GraphQLHttpResult<TData>>;
  /** `fetch` relative to the gateway's origin. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  stores: Stores;
  /** The shared test server, or null with `separateStores`. */
  mongo: TestMongo | null;
  /** Each store's own server with `separateStores`, else empty. */
  servers: Partial<Record<StoreName, StoreServer>>;
  /** Every log record written so far, parsed. */
  logs(): Array<Record<string, unknown>>;
  gateway: Gateway;
  /** Stops the HTTP server, closes the stores and stops the store servers. */
  stop(): Promise<void>;
}

/** Starts stores, optional demo data and the HTTP server on port 0; call `stop()` in `afterAll`. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const timeoutMS = options.timeoutMS ?? DEFAULTS.storeTimeoutMS;
  let mongo: TestMongo | null = null;
  const servers: Partial<Record<StoreName, StoreServer>> = {};
  const storesConfig = {} as StoresConfig;
  if (options.separateStores) {
    for (const store of STORES) {
      const server = await startEmbeddedMongo({ memory: true, port: 0 });
      servers[store] = server;
    }
  } else {
    mongo = await startTestMongo();
  }
  for (const store of STORES) {
    const uri = options.storeUris?.[store] ?? servers[store]?.uri ?? mongo!.uri;
    const dbName = mongo ? mongo.dbName(store) : store;
    storesConfig[store] = { uri, dbName, timeoutMS, ...(options.onCommand ? { onCommand: options.onCommand } : {}) };
  }

  const stores = await openStores(storesConfig);
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
  let gateway: Gateway;
  try {
    // Loaded on demand: tests of the HTTP layer alone need neither the demo data nor the full schema.
    if (options.seed) {
      const { loadDemoData } = await import('../../datasources/demo/index.js');
      await loadDemoData(stores, { reset: true });
    }
    const schema = options.schema ?? (await (await import('../../schema/build-schema.js')).buildGatewaySchema());
    gateway = await createGateway({
      config: {
        host: '127.0.0.1',
        port: 0,
        storeTimeoutMS: timeoutMS,
        bodyLimitBytes: options.limits?.bodyLimitBytes ?? DEFAULTS.bodyLimitBytes,
        authenticatedBodyLimitBytes: options.limits?.authenticatedBodyLimitBytes ?? DEFAULTS.authenticatedBodyLimitBytes,
        maxQueryDepth: options.limits?.maxQueryDepth ?? DEFAULTS.maxQueryDepth,
        maxQueryComplexity: options.limits?.maxQueryComplexity ?? DEFAULTS.maxQueryComplexity,
        jwt: options.jwt === undefined ? TEST_JWT_SETTINGS : options.jwt,
        directPublicationOrgs: options.directPublication ?? [],
        apiKeyCacheTtlMs: DEFAULTS.apiKeyCacheTtlMs,
        ...options.caching,
        analytics: { timeLimitMS: options.analytics?.timeLimitMS ?? DEFAULTS.analyticsTimeLimitMS, cache: options.analytics?.cache ?? null },
      },
      stores,
      schema,
      logger,
    });
  } catch (error) {
    await stores.close();
    await mongo?.stop();
    for (const server of Object.values(servers)) await server.stop();
    throw error;
  }

  const origin = gateway.url.slice(0, -'/graphql'.length);
  return {
    url: gateway.url,
    origin,
    gateway,
    stores,
    mongo,
    servers,
    async graphql(document, variables, headers = {}) {
      const query = typeof document === 'string' ? document : print(document);
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: { data?: unknown; errors?: GraphQLFormattedError[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new Error(`The gateway answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
      }
      return { status: response.status, headers: response.headers, ...body } as GraphQLHttpResult<never>;
    },
    fetch(path, init) {
      return fetch(origin + path, init);
    },
    logs() {
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    async stop() {
      await gateway.stop();
      await stores.close();
      await mongo?.stop();
      // A test may already have stopped a store's server; stopping again must not fail the teardown.
      for (const server of Object.values(servers)) await server.stop().catch(() => undefined);
    },
  };
}

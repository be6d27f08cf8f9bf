/**
 * The gateway's HTTP server: Apollo Server 5 on express 5, serving GraphQL
 * over HTTP at `/graphql` (POST, and GET for queries), GraphiQL for
 * browsers (from installed packages, under `/graphiql/`), `/healthz` and
 * `/readyz`. It is handed opened stores and a built schema, so tests can
 * start it on port 0 over stores of their own. Over the gateway's stores,
 * public reads are cached (a response cache invalidated by the stores'
 * change feed, Cache-Control and ETags for HTTP caches), and a manifest of
 * persisted operations may restrict what the public runs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { GatewayConfig } from './config.js';
import { createContext as createGatewayContext, type GatewayContext } from './context.js';
import type { Stores } from '../datasources/index.js';
import { analyticsOf } from '../datasources/analytics/analytics-service.js';
import { createErrorFormatter, PartialResults, requestScope, type ErrorFormatter } from './errors.js';
import type { Logger } from './logger.js';
import { graphiqlAssets, serveGraphiql } from './http/graphiql.js';
import { healthRouter, type StorePinger } from './http/health.js';
import { httpErrorHandler, notFound } from './http/http-errors.js';
import { queryLimitsPlugin } from './http/query-limits.js';
import { exportRoutes } from './http/exports.js';
import { accessLog } from './http/access-log.js';
import { assignRequestId, requestIdOf } from './http/request-id.js';
import { attachmentRoutes } from './http/attachments.js';
import { annualReportRoutes } from './http/annual-report-routes.js';
import { authenticate, Authenticator, principalOf } from './auth/authenticate.js';
import { VerifiedKeyCache } from './auth/verified-keys.js';
import { publicCacheControlPlugin } from './http/cache-control.js';
import { persistedQueries } from './http/persisted-queries.js';
import { privateAnswerCheck } from './http/private-answers.js';
import { aggregationKindsCheck } from './http/aggregation-answers.js';
import { ownPartsCheck } from './http/own-parts.js';
import { createResponseCache, type ResponseCache } from './http/response-cache.js';
import type { Principal } from '../datasources/principal.js';

export const GRAPHQL_PATH = '/graphql';

/** Builds the per-request GraphQL context from the stores; called once per operation request. */
export type ContextFactory<TStores, TContext extends BaseContext> = (stores: TStores, options: { requestId: string; now: Date; principal: Principal }) => TContext;

export interface GatewayOptions<TStores extends StorePinger, TContext extends BaseContext> {
  config: Pick<GatewayConfig, 'host' | 'port' | 'bodyLimitBytes' | 'maxQueryDepth' | 'maxQueryComplexity' | 'storeTimeoutMS'> &
    Partial<Pick<GatewayConfig, 'jwt' | 'directPublicationOrgs' | 'responseCache' | 'publicMaxAgeSeconds' | 'persistedQueries' | 'authenticatedBodyLimitBytes' | 'analytics' | 'apiKeyCacheTtlMs'>>;
  stores: TStores;
  schema: GraphQLSchema;
  logger: Logger;
  /** Builds each request's context; the gateway's own (`src/context.ts`) when the stores are `Stores`. */
  createContext?: ContextFactory<TStores, TContext>;
  /** Who is calling; by default API keys from `stores.credentials` (when the stores have them) and JWTs per `config.jwt`. */
  authenticator?: Authenticator;
}

export interface Gateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  host: string;
  port: number;
  /** Stops accepting connections and waits for in-flight requests; does not close the stores. */
  stop(): Promise<void>;
}

/**
 * Starts the HTTP server on `config.host:config.port` (port 0 picks a free
 * one) and resolves once it listens; the caller owns the stores and closes
 * them after `stop()`. Stores of another shape (tests of the HTTP layer)
 * need their own `createContext`.
 */
export function createGateway(options: GatewayOptions<Stores, GatewayContext>): Promise<Gateway>;
export function createGateway<TStores extends StorePinger, TContext extends BaseContext>(
  options: GatewayOptions<TStores, TContext> & { createContext: ContextFactory<TStores, TContext> },
): Promise<Gateway>;
export async function createGateway<TStores extends StorePinger, TContext extends BaseContext>(
  options: GatewayOptions<TStores, TContext>,
): Promise<Gateway> {
  const { config, stores, schema, logger } = options;
  // Only the first overload may omit createContext, and there TStores is Stores.
  const createContext = options.createContext ?? (createGatewayContext as unknown as ContextFactory<TStores, TContext>);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const formatError = createErrorFormatter(logger);
  const verifiedKeys = options.authenticator ? null : verifiedKeyCache(stores, config.apiKeyCacheTtlMs ?? 0);
  const authenticator = options.authenticator ?? defaultAuthenticator(stores, config, verifiedKeys);
  // Public caching needs the change feed and the gateway's context (its principal); HTTP-layer test stores have neither.
  const changes = (stores as Partial<Stores>).changes;
  const isPrivate = privateAnswerCheck(schema);
  const isPublicCaller = (_req: unknown, res: express.Response) => principalOf(res).role === 'public';
  const responseCache: ResponseCache | null =
    changes && config.responseCache
      ? createResponseCache({ changes, partitionOf: (_req, res) => answerPartitionOf(principalOf(res as express.Response)), isPrivate, aggregationKinds: aggregationKindsCheck(schema), ownParts: ownPartsCheck(schema), ...config.responseCache })
      : null;
  // The analytics service of these stores, with the configured time limit and cache, made before a request would make it with defaults.
  const analyticsCache = changes ? analyticsOf(stores as unknown as Stores, config.analytics ?? {}).cache : null;
  const closeCaches = () => {
    verifiedKeys?.close();
    responseCache?.close();
    analyticsCache?.close();
  };

  const apollo = new ApolloServer<TContext>({
    schema,
    csrfPrevention: true,
    // The disclosure schema is public (GraphiQL and portal developers read it); Apollo would turn introspection off under NODE_ENV=production.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The entry point owns the signals: it stops HTTP, then the stores, then the embedded server.
    stopOnTerminationSignals: false,
    formatError,
    logger: apolloLogger(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin({ maxDepth: config.maxQueryDepth, maxComplexity: config.maxQueryComplexity }),
      partialResultsPlugin(formatError),
      // After partialResultsPlugin: an answer it adds errors to is never marked public.
      // Apollo's own cache-control plugin is replaced: the gateway sets no per-field cache hints, and that plugin wraps every field's resolution to gather them.
      ...(changes
        ? [
            ApolloServerPluginCacheControlDisabled(),
            publicCacheControlPlugin<TContext>({ isPublic: (context) => (context as unknown as GatewayContext).principal.role === 'public', maxAgeSeconds: config.publicMaxAgeSeconds ?? 0, isPrivate }),
          ]
        : []),
    ],
  });
  await apollo.start();

  const graphql = expressMiddleware(apollo, {
    context: async ({ res }) => createContext(stores, { requestId: requestIdOf(res), now: new Date(), principal: principalOf(res) }),
  });

  app.use(assignRequestId);
  app.use(accessLog(logger));
  app.use((_req, res, next) => {
    // Responses are JSON, GraphiQL's page or its files: never let a browser sniff them into something else.
    res.setHeader('x-content-type-options', 'nosniff');
    next();
  });
  app.use(healthRouter(stores, logger, config.storeTimeoutMS * 2));
  app.use(graphiqlAssets());
  app.get(GRAPHQL_PATH, serveGraphiql);
  // Everything below knows its caller (`res.locals.principal`); a refused credential ends here with 401.
  app.use(authenticate(authenticator, logger));
  app.use(
    GRAPHQL_PATH,
    bodyParser(config),
    ...(config.persistedQueries ? [persistedQueries({ manifest: config.persistedQueries.manifest, mode: config.persistedQueries.mode, isPublic: (req, res) => isPublicCaller(req, res as express.Response) })] : []),
    ...(responseCache ? [responseCache.middleware] : []),
    // Entered around Apollo's handler so `formatError` can name the request.
    (req, res, next) => requestScope.run({ requestId: requestIdOf(res) }, () => graphql(req, res, next)),
  );
  // Other routes that need the caller (`principalOf(res)`) are mounted here, after `authenticate`.
  app.use(attachmentRoutes(stores as unknown as Stores, logger));
  app.use(annualReportRoutes(stores as unknown as Stores, logger));
  app.use(exportRoutes({ stores: stores as unknown as Stores, schema, logger, limits: { maxDepth: config.maxQueryDepth, maxComplexity: config.maxQueryComplexity }, bodyLimitBytes: config.bodyLimitBytes }));
  app.use(notFound);
  app.use(httpErrorHandler(logger));

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // A port in use: release Apollo's resources too, the caller reports the error.
    closeCaches();
    await apollo.stop().catch(() => undefined);
    throw error;
  }
  const address = httpServer.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}${GRAPHQL_PATH}`,
    host: address.address,
    port: address.port,
    stop() {
      // The drain plugin closes the listener and waits for in-flight requests.
      stopping ??= apollo.stop().finally(closeCaches);
      return stopping;
    },
  };
}

/**
 * The JSON body parser for the caller (it runs after authentication): the
 * public gets `bodyLimitBytes`, a caller with a credential the larger
 * `authenticatedBodyLimitBytes` (a department's batch of 1,000 records),
 * so the public limit can stay small.
 */
function bodyParser(config: Pick<GatewayConfig, 'bodyLimitBytes'> & Partial<Pick<GatewayConfig, 'authenticatedBodyLimitBytes'>>): express.RequestHandler {
  const publicParser = express.json({ limit: config.bodyLimitBytes });
  const authenticatedParser = express.json({ limit: Math.max(config.bodyLimitBytes, config.authenticatedBodyLimitBytes ?? config.bodyLimitBytes) });
  return (req, res, next) => (principalOf(res).role === 'public' ? publicParser : authenticatedParser)(req, res, next);
}

/**
 * The response cache's partition for a caller: callers of one partition get
 * the same answer to the same request. The public is one. Analysts are
 * another: they read exactly what the public reads (published records,
 * nothing of their own), only with a larger query budget, so an answer to
 * one analyst is the answer to every analyst, but not to the public, whose
 * budget may refuse the same query. Departments, reviewers and admins see
 * unpublished state of their own and are never answered from the cache.
 */
function answerPartitionOf(principal: Principal): string | null {
  return principal.role === 'public' || principal.role === 'analyst' ? principal.role : null;
}

/** The memory of verified API keys in front of the stores' credentials; null when switched off (TTL 0) or without credentials (HTTP-layer test stores). */
function verifiedKeyCache(stores: StorePinger, ttlMs: number): VerifiedKeyCache | null {
  const credentials = (stores as Partial<Stores>).credentials;
  return credentials && ttlMs > 0 ? new VerifiedKeyCache(credentials, { ttlMs, maxEntries: 10_000 }) : null;
}

/** API keys from the stores' credentials (absent from HTTP-layer test stores), through `verifiedKeys` when given, and JWTs as configured. */
function defaultAuthenticator(stores: StorePinger, config: GatewayOptions<StorePinger, BaseContext>['config'], verifiedKeys: VerifiedKeyCache | null): Authenticator {
  const credentials = (stores as Partial<Stores>).credentials;
  return new Authenticator({ apiKeys: verifiedKeys ?? credentials ?? null, jwt: config.jwt ?? null, directPublicationOrgs: config.directPublicationOrgs ?? [] });
}

/**
 * Appends the errors resolvers reported through `context.partial` (stores
 * that did not answer) to the response, beside the data. Apollo formats
 * execution errors before `willSendResponse`, so these go through the same
 * `formatError` here. Only single-result bodies: the gateway serves no
 * incremental delivery. Contexts without a collector (tests of the HTTP
 * layer with their own context) are left alone.
 */
function partialResultsPlugin(formatError: ErrorFormatter): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const partial = (contextValue as { partial?: unknown } | undefined)?.partial;
          if (!(partial instanceof PartialResults) || partial.size === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          response.body.singleResult = { ...result, errors: [...(result.errors ?? []), ...partial.format(formatError)] };
        },
      };
    },
  };
}

/** Apollo's own log lines, routed into the structured log. */
function apolloLogger(logger: Logger) {
  const child = logger.child({ component: 'apollo' });
  return {
    debug: (message: string) => child.debug(message),
    info: (message: string) => child.info(message),
    warn: (message: string) => child.warn(message),
    error: (message: string) => child.error(message),
  };
}

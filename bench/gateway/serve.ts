/**
 * The benchmark's other servers, each run as its own process over the same
 * stores (`MONGODB_URI`, one database per store as the gateway names them):
 *
 *   node dist/bench/gateway/serve.js n+1|handwritten|mercurius
 *
 * `n+1` is the gateway with loaders that neither batch nor cache (nor read
 * records ahead with a catalog page); `handwritten` answers the catalog page straight from the driver;
 * `mercurius` serves the gateway's executable schema with graphql-jit.
 * Each prints `ready at <url>` on standard output once it listens.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { isInterfaceType, isUnionType, type GraphQLSchema } from 'graphql';
import { MongoClient } from 'mongodb';
import { openStores, STORE_NAMES, type Stores, type StoresConfig } from '../../datasources/index.js';
import { createLoaders } from '../../datasources/loaders.js';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { createContext } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import { createGateway } from '../../src/server.js';
import { startHandwrittenServer } from './handwritten-catalog.js';

const VARIANTS = ['n+1', 'handwritten', 'mercurius'] as const;
type Variant = (typeof VARIANTS)[number];

const uri = process.env.MONGODB_URI;
const timeoutMS = Number(process.env.STORE_TIMEOUT_MS ?? 10_000);

function storesConfig(): StoresConfig {
  return Object.fromEntries(STORE_NAMES.map((store) => [store, { uri: uri!, dbName: store, timeoutMS }])) as StoresConfig;
}

const gatewayConfig = {
  host: '127.0.0.1',
  port: 0,
  storeTimeoutMS: timeoutMS,
  bodyLimitBytes: 1_048_576,
  maxQueryDepth: 12,
  maxQueryComplexity: 50_000,
  directPublicationOrgs: (process.env.DIRECT_PUBLICATION_ORGS ?? '').split(',').filter((id) => id !== ''),
};

async function startGateway(stores: Stores, batching: boolean): Promise<string> {
  const gateway = await createGateway({
    config: gatewayConfig,
    stores,
    schema: await buildGatewaySchema(),
    logger: createLogger({ level: 'warn' }),
    ...(batching ? {} : { createContext: (s: Stores, options: Parameters<typeof createContext>[1]) => ({ ...createContext(s, options), loaders: createLoaders(s, options.now ?? new Date(), { batching: false }) }) }),
  });
  return gateway.url;
}

/**
 * type-graphql wraps every `resolveType` in an async function; graphql-jit
 * needs the type name synchronously (it answers "must resolve to an Object
 * type" from the second request on). Every value the resolvers return in an
 * abstract position carries `__typename`, which is all the wrapper reads.
 */
function withSyncResolveType(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInterfaceType(type) || isUnionType(type)) type.resolveType = (value) => (value as { __typename?: string }).__typename;
  }
  return schema;
}

async function startMercurius(stores: Stores): Promise<string> {
  const [{ default: Fastify }, { default: mercurius }] = await Promise.all([import('fastify'), import('mercurius')]);
  const app = Fastify({ logger: false });
  await app.register(mercurius, {
    schema: withSyncResolveType(await buildGatewaySchema()),
    jit: 1,
    path: '/graphql',
    context: () => createContext(stores, { requestId: randomUUID(), now: new Date() }),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return `${address}/graphql`;
}

async function start(variant: Variant): Promise<string> {
  if (variant === 'handwritten') {
    const client = await new MongoClient(uri!).connect();
    return (await startHandwrittenServer(client)).url;
  }
  const stores = await openStores(storesConfig());
  if (variant === 'n+1') return startGateway(stores, false);
  return startMercurius(stores);
}

const variant = process.argv[2] as Variant;
if (!uri || !VARIANTS.includes(variant)) {
  process.stderr.write(`usage: MONGODB_URI=mongodb://… node serve.js ${VARIANTS.join('|')}\n`);
  process.exit(2);
}
start(variant).then(
  (url) => process.stdout.write(`ready at ${url}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

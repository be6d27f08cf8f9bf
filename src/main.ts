/**
 * Entry point (`npm start`): reads the configuration, starts the embedded
 * MongoDB-compatible server when a store has no URI, opens the stores, loads
 * the demo data into empty stores, and serves GraphQL until SIGINT/SIGTERM.
 * Also exports the store start-up shared with `npm run seed`.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, needsEmbeddedServer, redactUri, resolveStoreUris, STORE_NAMES, type GatewayConfig } from './config.js';
import { startEmbeddedMongo } from './embedded-mongo/index.js';
import { createLogger, type Logger } from './logger.js';
import { createGateway } from './server.js';
import { loadDemoData } from '../datasources/demo/index.js';
import { openStores, type Stores, type StoresConfig } from '../datasources/index.js';
import { buildGatewaySchema } from '../schema/build-schema.js';

export interface ConfiguredStores {
  stores: Stores;
  /** Closes the stores, then stops the embedded server if one was started. */
  close(): Promise<void>;
}

/**
 * Opens the configured stores; stores without a URI share one embedded
 * server on `<dataDir>/db` (each in its own database), started here.
 */
export async function openConfiguredStores(config: GatewayConfig, logger: Logger): Promise<ConfiguredStores> {
  let embedded: { uri: string; stop(): Promise<void> } | undefined;
  if (needsEmbeddedServer(config)) {
    const dbPath = path.join(config.dataDir, 'db');
    mkdirSync(dbPath, { recursive: true });
    embedded = await startEmbeddedMongo({ dbPath, port: 0 });
    logger.info({ dbPath, uri: embedded.uri }, 'embedded store server started');
  }
  const uris = resolveStoreUris(config, embedded?.uri);
  const storesConfig = Object.fromEntries(
    STORE_NAMES.map((store) => [store, { uri: uris[store].uri, dbName: uris[store].dbName, timeoutMS: config.storeTimeoutMS }]),
  ) as StoresConfig;
  logger.info({ stores: Object.fromEntries(STORE_NAMES.map((store) => [store, `${redactUri(uris[store].uri)} ${uris[store].dbName}`])) }, 'opening stores');
  const stores = await openStores(storesConfig);
  return {
    stores,
    async close() {
      await stores.close();
      await embedded?.stop();
    },
  };
}

/** Reads the configuration or exits with status 2 and a message naming the bad variable. */
export function configOrExit(): GatewayConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** How long in-flight requests and store connections get to finish after SIGINT/SIGTERM. */
const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger({ level: config.logLevel });
  const opened = await openConfiguredStores(config, logger);
  const { stores } = opened;

  try {
    // A store that is down must not keep the gateway from starting; it is seeded on a later start.
    if (await stores.isEmpty()) {
      const { counts } = await loadDemoData(stores, { reset: false });
      logger.info({ counts }, 'demo data loaded into empty stores');
    }
  } catch (error) {
    logger.warn({ err: error }, 'could not check or load the demo data; serving what the stores hold');
  }

  let gateway;
  try {
    gateway = await createGateway({ config, stores, schema: await buildGatewaySchema(), logger });
  } catch (error) {
    await opened.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`Port ${config.port} on ${config.host} is already in use; set PORT to a free port.\n`);
      process.exit(1);
    }
    throw error;
  }
  // The caching settings reach createGateway inside `config`; said once here so an operator sees what the public gets.
  logger.info(
    {
      responseCache: config.responseCache ?? 'off',
      publicMaxAgeSeconds: config.publicMaxAgeSeconds,
      persistedQueries: config.persistedQueries ? { file: config.persistedQueries.file, mode: config.persistedQueries.mode, operations: config.persistedQueries.manifest.size } : 'none',
    },
    'public caching',
  );
  process.stdout.write(`Disclosure gateway ready at ${gateway.url}\n`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    // `npm start` under a terminal delivers Ctrl+C twice (to npm, which forwards it, and to
    // this process), so later signals are not taken as "force"; a deadline bounds the wait.
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ signal, afterMS: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void (async () => {
      await gateway.stop();
      logger.debug('HTTP server stopped');
      await opened.close();
      logger.debug('stores closed');
      process.exit(0);
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`The gateway could not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}

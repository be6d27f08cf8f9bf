/**
 * One department store: its own MongoClient and database. The client
 * connects lazily, so the gateway starts while a store is down and uses it as
 * soon as it answers; the store's indexes are created the first time it does.
 * Every call races the store's timeout, and a store that is unreachable or
 * slow surfaces as a `SourceUnavailableError` naming it.
 */
import {
  MongoClient,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type Db,
  type IndexDescription,
} from 'mongodb';
import { SourceUnavailableError } from './errors.js';
import type { StoreName } from './store-name.js';

/** What a test (or a metrics hook) sees of each command the driver sends to a store. */
export interface StoreCommandEvent {
  store: StoreName;
  commandName: string;
  databaseName: string;
}

/** Where one store lives and how long the gateway waits for it. */
export interface StoreConnectionConfig {
  uri: string;
  dbName: string;
  timeoutMS: number;
  /** Called for every command the driver starts on this store (driver `commandStarted`). */
  onCommand?: (event: StoreCommandEvent) => void;
}

/** The indexes one collection of a store needs. */
export interface CollectionIndexes {
  collection: string;
  indexes: IndexDescription[];
}

/** A lazily connected store with a per-call timeout; `run` is the only way data sources reach the driver. */
export class StoreConnection {
  readonly name: StoreName;
  readonly timeoutMS: number;
  private readonly client: MongoClient;
  private readonly db: Db;
  private readonly indexes: CollectionIndexes[];
  private indexesReady: Promise<void> | undefined;

  constructor(name: StoreName, config: StoreConnectionConfig, indexes: CollectionIndexes[]) {
    this.name = name;
    this.timeoutMS = config.timeoutMS;
    this.indexes = indexes;
    this.client = new MongoClient(config.uri, {
      serverSelectionTimeoutMS: config.timeoutMS,
      connectTimeoutMS: config.timeoutMS,
      monitorCommands: config.onCommand !== undefined,
      appName: `disclosure-gateway-${name}`,
    });
    const onCommand = config.onCommand;
    if (onCommand) {
      this.client.on('commandStarted', (event) =>
        onCommand({ store: name, commandName: event.commandName, databaseName: event.databaseName }),
      );
    }
    this.db = this.client.db(config.dbName);
  }

  /** Runs `work` against the store's database once its indexes exist; rejects with SourceUnavailableError after the timeout (the store's, unless `options` gives a longer one for bulk work) or on a connection failure. */
  async run<T>(work: (db: Db) => Promise<T>, options: { timeoutMS?: number } = {}): Promise<T> {
    const timeoutMS = options.timeoutMS ?? this.timeoutMS;
    const attempt = (async () => {
      await this.ensureIndexes();
      return work(this.db);
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new SourceUnavailableError(this.name, `no answer within ${timeoutMS} ms`)),
        timeoutMS,
      );
    });
    // The losing side of the race must not become an unhandled rejection.
    attempt.catch(() => undefined);
    try {
      return await Promise.race([attempt, timeout]);
    } catch (error) {
      throw this.translate(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Answers whether the store responds to `ping` within its timeout. */
  async ping(): Promise<{ ok: boolean; error?: string }> {
    try {
      await this.run((db) => db.command({ ping: 1 }));
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Closes the client; the connection cannot be used afterwards. */
  async close(): Promise<void> {
    await this.client.close();
  }

  private ensureIndexes(): Promise<void> {
    if (!this.indexesReady) {
      const creating = (async () => {
        for (const { collection, indexes } of this.indexes) {
          if (indexes.length > 0) await this.db.collection(collection).createIndexes(indexes);
        }
      })();
      // A store that did not answer gets another chance at the next call.
      creating.catch(() => {
        if (this.indexesReady === creating) this.indexesReady = undefined;
      });
      this.indexesReady = creating;
    }
    return this.indexesReady;
  }

  private translate(error: unknown): unknown {
    if (error instanceof SourceUnavailableError) {
      this.indexesReady = undefined;
      return error;
    }
    if (isConnectionFailure(error)) {
      // The store that comes back may be a fresh one: make sure of its indexes again (createIndexes is idempotent).
      this.indexesReady = undefined;
      return new SourceUnavailableError(this.name, error.message);
    }
    return error;
  }
}

/** Socket errors that mean the store went away under an open connection. */
const CONNECTION_ERROR_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTCONN']);

/**
 * Whether `error` says the store cannot be reached, as opposed to a store that
 * answered with an error (a bug of ours, masked as internal). A write to a
 * socket the server has just closed can surface as the bare system error
 * rather than as a MongoNetworkError, so both count.
 */
function isConnectionFailure(error: unknown): error is Error {
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError
  ) {
    return true;
  }
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && CONNECTION_ERROR_CODES.has(code);
}

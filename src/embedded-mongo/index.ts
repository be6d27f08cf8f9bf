/**
 * The embedded MongoDB-compatible server as a library: start it in memory or
 * on a data directory, connect the official driver to `uri`, `stop()` it.
 */
import { createEngine } from './engine/index.js';
import type { Logger } from './commands/logger.js';
import { startServer } from './server.js';

export type { Logger, LogRecord } from './commands/logger.js';

export interface EmbeddedMongoOptions {
  /** Directory holding the journal and snapshots; absent: nothing is written to disk. */
  dbPath?: string;
  /** Keep everything in memory (the default when there is no dbPath). */
  memory?: boolean;
  /** Default 27017; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Receives structured log records; default: silent. */
  log?: Logger;
}

export interface EmbeddedMongo {
  /** `mongodb://host:port/` for the driver. */
  uri: string;
  host: string;
  port: number;
  /** Stops accepting connections, finishes running commands, closes the journal. */
  stop(): Promise<void>;
}

/** Starts the server; rejects when the options conflict, the data directory cannot be opened or the port is taken. */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  if (options.memory && options.dbPath !== undefined) throw new Error('startEmbeddedMongo: give either memory or dbPath, not both');
  const dbPath = options.memory ? undefined : options.dbPath;
  const engine = await createEngine(dbPath === undefined ? {} : { dbPath });
  let server;
  try {
    server = await startServer({ engine, host: options.host, port: options.port, log: options.log, dbPath });
  } catch (error) {
    await engine.close();
    throw error;
  }
  const hostForUri = server.host.includes(':') ? `[${server.host}]` : server.host;
  return { uri: `mongodb://${hostForUri}:${server.port}/`, host: server.host, port: server.port, stop: () => server.stop() };
}

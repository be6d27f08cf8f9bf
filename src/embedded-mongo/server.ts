/**
 * The TCP server: accepts connections on one address, serves the wire
 * protocol on each, and shuts down in order (stop accepting, let running
 * commands finish, close cursors, close the engine).
 */
import net from 'node:net';
import type { Engine } from './engine/types.js';
import type { ServerContext } from './commands/context.js';
import { CursorRegistry } from './commands/cursor-registry.js';
import { createCommandRunner } from './commands/dispatcher.js';
import type { Logger } from './commands/logger.js';
import { commandTable } from './commands/table.js';
import { WireConnection } from './wire/connection.js';

export interface ServerOptions {
  engine: Engine;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 27017; 0 picks a free port. */
  port?: number;
  log?: Logger;
  /** Reported by getCmdLineOpts/serverStatus only. */
  dbPath?: string;
  argv?: string[];
}

export interface RunningServer {
  host: string;
  port: number;
  /** Closes the listener and every connection once its running command is done, then the engine. Idempotent. */
  stop(): Promise<void>;
}

/** Listens on `host:port` and serves `engine`; rejects (with the listener closed) when the address cannot be bound. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const log: Logger = options.log ?? (() => undefined);
  const connections = new Set<WireConnection>();
  let totalCreated = 0;
  const cursors = new CursorRegistry();
  const ctx: ServerContext = {
    engine: options.engine,
    cursors,
    opcounters: { insert: 0, query: 0, update: 0, delete: 0, getmore: 0, command: 0 },
    process: { host, port: options.port ?? 27017, startedAt: new Date(), dbPath: options.dbPath, argv: options.argv ?? process.argv.slice(1) },
    connections: { current: () => connections.size, totalCreated: () => totalCreated },
    log,
  };
  const runCommand = createCommandRunner(ctx, commandTable);

  const server = net.createServer((socket) => {
    totalCreated++;
    const connection = new WireConnection(socket, totalCreated, runCommand, log);
    connections.add(connection);
    socket.once('close', () => connections.delete(connection));
  });
  server.on('error', (error) => log({ level: 'error', msg: 'listener error', error: error.message }));

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(options.port ?? 27017, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 27017);
  ctx.process.port = port;

  let stopping: Promise<void> | null = null;
  return {
    host,
    port,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([...connections].map((connection) => connection.close()));
        await closed;
        cursors.closeAll();
        await options.engine.close();
      })();
      return stopping;
    },
  };
}

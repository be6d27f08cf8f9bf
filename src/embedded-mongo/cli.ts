/**
 * `npm run db -- --port 27017 --dbpath ./data/db` (or `--memory`): runs the
 * embedded server as a standalone process, logging JSON lines to stdout.
 */
import { jsonLineLogger } from './commands/logger.js';
import { startEmbeddedMongo } from './index.js';

interface CliOptions {
  port: number;
  host: string;
  dbPath?: string;
  memory: boolean;
}

const USAGE = 'usage: cli.js [--port <n>] [--host <address>] (--dbpath <dir> | --memory)';

class UsageError extends Error {}

/** Parses the command line; throws UsageError naming the offending flag. */
function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 27017, host: '127.0.0.1', memory: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got '${raw}'`);
        options.port = port;
        break;
      }
      case '--host':
      case '--bind_ip':
        options.host = value();
        break;
      case '--dbpath':
        options.dbPath = value();
        break;
      case '--memory':
        options.memory = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new UsageError(`unknown flag '${arg}'`);
    }
  }
  if (options.memory && options.dbPath !== undefined) throw new UsageError('give either --dbpath or --memory, not both');
  if (!options.memory && options.dbPath === undefined) throw new UsageError('give --dbpath <dir> or --memory');
  return options;
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`embedded-mongo: ${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const log = jsonLineLogger(process.stdout);
  let server;
  try {
    server = await startEmbeddedMongo({ port: options.port, host: options.host, dbPath: options.dbPath, memory: options.memory, log });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${options.port} on ${options.host} is already in use` : (error as Error).message;
    process.stderr.write(`embedded-mongo: cannot start: ${reason}\n`);
    process.exit(1);
  }
  log({ level: 'info', msg: 'listening', host: server.host, port: server.port, uri: server.uri, dbPath: options.dbPath ?? null, pid: process.pid });

  let shuttingDown = false;
  const shutdown = (signal: string): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    log({ level: 'info', msg: 'shutting down', signal });
    server.stop().then(
      () => {
        log({ level: 'info', msg: 'stopped' });
        process.exit(0);
      },
      (error: unknown) => {
        log({ level: 'error', msg: 'shutdown failed', error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

await main();

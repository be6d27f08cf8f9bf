/**
 * Structured JSON logging (pino). One logger per process; request handlers
 * log through it with the request id so a client-visible id leads to the
 * full record, stack included. Secrets never reach it: connection strings are
 * redacted by their callers and request bodies are not logged.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

/** A logger writing one JSON object per line to `destination` (by default standard error, synchronously, so nothing is lost at exit). */
export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'disclosure-gateway' },
      // Headers can carry credentials; never let a careless `req` in.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password'], censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

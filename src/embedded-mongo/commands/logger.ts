/**
 * The server's structured log: one record per event, written by whoever
 * runs the server (JSON lines on stdout for the CLI, silence in tests).
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

export type Logger = (record: LogRecord) => void;

/** A logger writing each record as one JSON line to `stream`, dropping records below `minLevel`. */
export function jsonLineLogger(stream: NodeJS.WritableStream, minLevel: LogLevel = 'info'): Logger {
  const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
  return (record) => {
    if (order[record.level] < order[minLevel]) return;
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), ...record }, jsonReplacer)}\n`);
  };
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

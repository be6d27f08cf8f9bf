/**
 * What every command handler can reach: the engine, the server's cursors and
 * counters, and facts about the running process.
 */
import type { Document } from 'bson';
import type { Engine } from '../engine/types.js';
import type { CursorRegistry } from './cursor-registry.js';
import type { Logger } from './logger.js';
import type { CommandRequest } from './request.js';

/** mongod's `opcounters`, counted the same way. */
export interface OpCounters {
  insert: number;
  query: number;
  update: number;
  delete: number;
  getmore: number;
  command: number;
}

export interface ProcessInfo {
  host: string;
  port: number;
  startedAt: Date;
  dbPath?: string;
  argv: string[];
}

export interface ServerContext {
  engine: Engine;
  cursors: CursorRegistry;
  opcounters: OpCounters;
  process: ProcessInfo;
  connections: { current: () => number; totalCreated: () => number };
  log: Logger;
}

/** Handles one command; throws CommandError for a failure mongod would report. */
export type CommandHandler = (ctx: ServerContext, request: CommandRequest) => Document | Promise<Document>;

export interface CommandDefinition {
  handler: CommandHandler;
  /** Commands mongod accepts only on the `admin` database. */
  adminOnly?: boolean;
  /** False for commands mongod counts under their own opcounter (find, getMore, insert, update, delete) rather than `command`. */
  countsAsCommand?: boolean;
}

export type CommandTable = Record<string, CommandDefinition>;

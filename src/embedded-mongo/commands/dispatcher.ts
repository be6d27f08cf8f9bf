/**
 * Turns a command document into its reply: finds the handler by the first
 * field's name (case-sensitive, as mongod), refuses what a standalone mongod
 * refuses, and converts every failure into an `ok: 0` reply.
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import type { CommandTable, ServerContext } from './context.js';
import type { CommandRequest, CommandRunner } from './request.js';

/** A runner over `table` that never rejects: unexpected exceptions become InternalError (1) replies and are logged. */
export function createCommandRunner(ctx: ServerContext, table: CommandTable): CommandRunner {
  return async (request: CommandRequest): Promise<Document> => {
    const name = Object.keys(request.body)[0] ?? '';
    const definition = Object.hasOwn(table, name) ? table[name] : undefined;
    try {
      if (!definition) {
        ctx.opcounters.command++;
        throw new CommandError('CommandNotFound', `no such command: '${name}'`);
      }
      if (definition.countsAsCommand !== false) ctx.opcounters.command++;
      if (definition.adminOnly && request.db !== 'admin') {
        throw new CommandError('Unauthorized', `${name} may only be run against the admin database.`);
      }
      refuseTransactions(request.body);
      return await definition.handler(ctx, request);
    } catch (error) {
      if (error instanceof CommandError) return error.toReply();
      ctx.log({ level: 'error', msg: 'command failed unexpectedly', command: name, db: request.db, error: String(error), stack: (error as Error).stack });
      return new CommandError('InternalError', `internal error running ${name}: ${(error as Error).message ?? String(error)}`).toReply();
    }
  };
}

/** A standalone mongod has no transactions and no retryable writes. */
function refuseTransactions(body: Document): void {
  if (body.txnNumber !== undefined || body.startTransaction !== undefined || body.autocommit !== undefined) {
    throw new CommandError('IllegalOperation', 'Transaction numbers are only allowed on a replica set member or mongos');
  }
}

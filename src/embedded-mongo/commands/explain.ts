/**
 * The `explain` command for find, count, distinct and aggregate: the plan the
 * engine chooses and, with `executionStats` verbosity, what running it cost.
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { collectionNamespace, nsString, optionalDocument, optionalString } from './arguments.js';
import type { CommandTable, ServerContext } from './context.js';
import { aggregateExplain, drainCount, findPlan, measureExecution } from './query-plans.js';
import { parseAggregate, parseFind } from './reads.js';
import { SERVER_VERSION } from './handshake.js';

const VERBOSITIES = new Set(['queryPlanner', 'executionStats', 'allPlansExecution']);

function explain(ctx: ServerContext, db: string, body: Document): Document {
  const command = optionalDocument(body, 'explain', 'explain');
  if (!command) throw new CommandError('NoSuchKey', "BSON field 'explain.explain' is missing but a required field");
  const verbosity = optionalString(body, 'explain', 'verbosity') ?? 'allPlansExecution';
  if (!VERBOSITIES.has(verbosity)) throw new CommandError('BadValue', `verbosity string must be one of {'queryPlanner', 'executionStats', 'allPlansExecution'}`);
  const withStats = verbosity !== 'queryPlanner';
  const name = Object.keys(command)[0] ?? '';
  const reply: Document = { explainVersion: '1' };
  switch (name) {
    case 'find': {
      const { ns, spec } = parseFind(command, db);
      reply.queryPlanner = findPlan(ctx, ns, spec);
      if (withStats) reply.executionStats = measureExecution(ctx, () => drainCount(ctx.engine.find(ns, spec)));
      break;
    }
    case 'count':
    case 'distinct': {
      const ns = collectionNamespace(command, name, db);
      const filter = optionalDocument(command, name, 'query') ?? {};
      reply.queryPlanner = findPlan(ctx, ns, { filter });
      if (withStats) {
        reply.executionStats = measureExecution(ctx, () =>
          name === 'count' ? ctx.engine.count(ns, filter) : ctx.engine.distinct(ns, String(command.key), filter).length,
        );
      }
      break;
    }
    case 'aggregate': {
      const { ns, spec } = parseAggregate(command, db);
      Object.assign(reply, aggregateExplain(ctx, ns, spec, withStats));
      break;
    }
    default:
      throw new CommandError('CommandNotFound', `Explain failed due to unknown command: ${name}`);
  }
  const planner = reply.queryPlanner as Document | undefined;
  if (planner) planner.namespace ??= typeof command[name] === 'string' ? nsString({ db, coll: command[name] as string }) : `${db}.$cmd`;
  reply.command = command;
  reply.serverInfo = { host: ctx.process.host, port: ctx.process.port, version: SERVER_VERSION };
  reply.ok = 1;
  return reply;
}

export const explainCommands: CommandTable = {
  explain: { handler: (ctx, { db, body }) => explain(ctx, db, body) },
};

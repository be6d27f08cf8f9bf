/**
 * The `explain` command for find, count, distinct and aggregate: the plan the
 * engine chooses and, with `executionStats` verbosity, what running it cost.
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { bsonTypeName, collectionNamespace, nsString, optionalDocument, optionalString } from './arguments.js';
import type { CommandTable, ServerContext } from './context.js';
import { explainFindPlan, parseAggregate, parseFind } from './reads.js';
import { SERVER_VERSION } from './handshake.js';

const VERBOSITIES = new Set(['queryPlanner', 'executionStats', 'allPlansExecution']);

/** A numeric engine counter by name, when the engine keeps one. */
function engineCounter(ctx: ServerContext, name: string): number | undefined {
  const value = (ctx.engine.stats() as unknown as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : undefined;
}

function executionStats(ctx: ServerContext, run: () => number): Document {
  const docsBefore = engineCounter(ctx, 'documentsExamined');
  const keysBefore = engineCounter(ctx, 'keysExamined');
  const started = process.hrtime.bigint();
  const nReturned = run();
  const executionTimeMillis = Number((process.hrtime.bigint() - started) / 1_000_000n);
  const docsAfter = engineCounter(ctx, 'documentsExamined');
  const keysAfter = engineCounter(ctx, 'keysExamined');
  const stats: Document = { executionSuccess: true, nReturned, executionTimeMillis };
  if (keysBefore !== undefined && keysAfter !== undefined) stats.totalKeysExamined = keysAfter - keysBefore;
  if (docsBefore !== undefined && docsAfter !== undefined) stats.totalDocsExamined = docsAfter - docsBefore;
  return stats;
}

function countAll(iterator: Iterator<Document>): number {
  let n = 0;
  while (!iterator.next().done) n++;
  return n;
}

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
      const engineExplain = ctx.engine.explainFind?.(ns, spec);
      reply.queryPlanner = (engineExplain?.queryPlanner as Document | undefined) ?? explainFindPlan(ctx, ns, spec);
      if (withStats) reply.executionStats = (engineExplain?.executionStats as Document | undefined) ?? executionStats(ctx, () => countAll(ctx.engine.find(ns, spec)));
      break;
    }
    case 'count':
    case 'distinct': {
      const ns = collectionNamespace(command, name, db);
      const filter = optionalDocument(command, name, 'query') ?? {};
      reply.queryPlanner = explainFindPlan(ctx, ns, { filter });
      if (withStats) {
        reply.executionStats = executionStats(ctx, () =>
          name === 'count' ? ctx.engine.count(ns, filter) : ctx.engine.distinct(ns, String(command.key), filter).length,
        );
      }
      break;
    }
    case 'aggregate': {
      const { ns, spec } = parseAggregate(command, db);
      const first = spec.pipeline[0];
      const match = first && bsonTypeName(first.$match) === 'object' ? (first.$match as Document) : {};
      reply.queryPlanner = ns.coll === null ? { namespace: `${db}.$cmd.aggregate`, winningPlan: { stage: 'COLLSCAN' } } : explainFindPlan(ctx, { db, coll: ns.coll }, { filter: match });
      if (withStats) reply.executionStats = executionStats(ctx, () => countAll(ctx.engine.aggregate(ns, spec)));
      break;
    }
    default:
      throw new CommandError('CommandNotFound', `Explain failed due to unknown command: ${name}`);
  }
  const ns = typeof command[name] === 'string' ? nsString({ db, coll: command[name] as string }) : `${db}.$cmd`;
  (reply.queryPlanner as Document).namespace ??= ns;
  reply.command = command;
  reply.serverInfo = { host: ctx.process.host, port: ctx.process.port, version: SERVER_VERSION };
  reply.ok = 1;
  return reply;
}

export const explainCommands: CommandTable = {
  explain: { handler: (ctx, { db, body }) => explain(ctx, db, body) },
};

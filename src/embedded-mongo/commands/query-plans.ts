/**
 * What explain reports: the engine's plan for a find (or an aggregate's
 * leading `$match`) and, on request, what running it cost.
 */
import type { Document } from 'bson';
import type { AggregateSpec, FindSpec } from '../engine/types.js';
import { bsonTypeName, nsString } from './arguments.js';
import type { ServerContext } from './context.js';

/** The queryPlanner section for a find: the engine's own plan when it explains, else a plain collection scan. */
export function findPlan(ctx: ServerContext, ns: { db: string; coll: string }, spec: FindSpec): Document {
  const plan = ctx.engine.explainFind?.(ns, spec);
  if (plan) return (plan.queryPlanner as Document | undefined) ?? plan;
  return { namespace: nsString(ns), parsedQuery: spec.filter ?? {}, winningPlan: { stage: 'COLLSCAN' }, rejectedPlans: [] };
}

/** Runs `run` (which returns how many documents it produced) and reports it as mongod's executionStats, with the engine's examined counters when it keeps them. */
export function measureExecution(ctx: ServerContext, run: () => number): Document {
  const before = ctx.engine.stats();
  const started = process.hrtime.bigint();
  const nReturned = run();
  const executionTimeMillis = Number((process.hrtime.bigint() - started) / 1_000_000n);
  const after = ctx.engine.stats();
  const stats: Document = { executionSuccess: true, nReturned, executionTimeMillis };
  if (before.keysExamined !== undefined && after.keysExamined !== undefined) stats.totalKeysExamined = after.keysExamined - before.keysExamined;
  if (before.documentsExamined !== undefined && after.documentsExamined !== undefined) stats.totalDocsExamined = after.documentsExamined - before.documentsExamined;
  return stats;
}

/** Pulls an iterator to its end; returns how many items it gave. */
export function drainCount(iterator: Iterator<unknown>): number {
  let n = 0;
  while (!iterator.next().done) n++;
  return n;
}

/** The explain of an aggregate as mongod shapes it: the access plan of the leading `$match` under `$cursor`, then the remaining stages. */
export function aggregateExplain(ctx: ServerContext, ns: { db: string; coll: string | null }, spec: AggregateSpec, withStats: boolean): Document {
  const first = spec.pipeline[0];
  const leadingMatch = first !== undefined && bsonTypeName(first.$match) === 'object' ? (first.$match as Document) : undefined;
  const queryPlanner =
    ns.coll === null ? { namespace: `${ns.db}.$cmd.aggregate`, winningPlan: { stage: 'COLLSCAN' } } : findPlan(ctx, { db: ns.db, coll: ns.coll }, { filter: leadingMatch ?? {} });
  const cursorStage: Document = { queryPlanner };
  if (withStats) cursorStage.executionStats = measureExecution(ctx, () => drainCount(ctx.engine.aggregate(ns, spec)));
  return { explainVersion: '1', stages: [{ $cursor: cursorStage }, ...spec.pipeline.slice(leadingMatch ? 1 : 0)] };
}

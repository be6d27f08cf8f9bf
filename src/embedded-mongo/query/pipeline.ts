/**
 * Aggregation pipelines, run lazily by mingo's Aggregator in this server's
 * operator context (see mingo-context.ts for the operators replaced to
 * follow mongod).
 */
import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { OpType } from 'mingo/core';
import { CommandError } from '../errors.js';
import './aggregation-ops.js';
import { withEqualityLookup, type EqualityLookup } from './lookup-stage.js';
import { mingoOptions, underMingo } from './mingo-context.js';
import { refuseScripts } from './scripts.js';

const REFUSED_STAGES = new Set(['$out', '$merge']);
/** $out/$merge inside $facet, $lookup or $unionWith sub-pipelines are refused like top-level ones. */
function refuseNestedWrites(value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) refuseNestedWrites(v);
  } else if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      if (REFUSED_STAGES.has(k)) throw new CommandError('IllegalOperation', `${k} is not supported by this server`);
      refuseNestedWrites(v);
    }
  }
}

/** Validates the stage shapes this server refuses before anything runs. */
export function validatePipeline(pipeline: Document[]): void {
  if (!Array.isArray(pipeline)) throw new CommandError('TypeMismatch', "'pipeline' option must be specified as an array");
  for (const stage of pipeline) {
    const keys = Object.keys(stage ?? {});
    if (keys.length !== 1) {
      throw new CommandError('BadValue', 'A pipeline stage specification object must contain exactly one field.');
    }
    const name = keys[0]!;
    if (REFUSED_STAGES.has(name)) throw new CommandError('IllegalOperation', `${name} is not supported by this server`);
    if (!mingoOptions().context.getOperator(OpType.PIPELINE, name)) {
      throw new CommandError('Location40324', `Unrecognized pipeline stage name: '${name}'`);
    }
    refuseScripts(stage);
    refuseNestedWrites(stage);
  }
}

/** The other collections of the database a pipeline runs in, for $lookup/$unionWith. */
export interface PipelineCollections {
  /** Every document of a collection, in storage order. */
  resolveCollection(name: string): Iterable<Document>;
  /** Documents of `name` whose `field` equals (or, for an array, holds) one of `values`, through an index; undefined when no index serves `field`. */
  findEqual?: EqualityLookup;
  variables?: Document;
}

/**
 * Runs an aggregation pipeline lazily over `input`; `resolveCollection`
 * supplies other collections of the same database for $lookup/$unionWith.
 */
export function runPipeline(
  input: Iterable<Document>,
  pipeline: Document[],
  context: PipelineCollections,
): Iterator<Document> {
  validatePipeline(pipeline);
  const resolver = (name: string) => Array.from(context.resolveCollection(name));
  const options = mingoOptions({
    // The index path rides on the resolver function, which mingo hands to every stage (and sub-pipeline) as it is.
    collectionResolver: context.findEqual ? withEqualityLookup(resolver, context.findEqual) : resolver,
    ...(context.variables ? { variables: context.variables } : {}),
  });
  const iterator = underMingo(() => new Aggregator(pipeline, options).stream(input as Iterable<Record<string, unknown>>));
  return {
    next(): IteratorResult<Document> {
      const r = underMingo(() => iterator.next());
      return r.done ? { done: true, value: undefined } : { done: false, value: r.value as Document };
    },
  };
}

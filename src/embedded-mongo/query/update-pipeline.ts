/**
 * Pipeline-style updates (`update: [{$set: …}, …]`): the stages mongod
 * allows in an update, run over a copy of the document.
 */
import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { CommandError } from '../errors.js';
import './aggregation-ops.js';
import { cloneDocument } from './clone.js';
import { mingoOptions, underMingo } from './mingo-context.js';
import { refuseScripts } from './scripts.js';

const UPDATE_STAGES = new Set(['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);

/** Runs an update pipeline over a copy of `doc`; other stages => InvalidOptions. */
export function runUpdatePipeline(doc: Document, pipeline: Document[]): Document {
  for (const stage of pipeline) {
    const name = Object.keys(stage ?? {})[0] ?? '';
    if (Object.keys(stage ?? {}).length !== 1) throw new CommandError('FailedToParse', 'A pipeline stage specification object must contain exactly one field.');
    if (!UPDATE_STAGES.has(name)) throw new CommandError('InvalidOptions', `${name} is not allowed to be used within an update`);
    refuseScripts(stage);
  }
  const out = underMingo(() => new Aggregator(pipeline, mingoOptions()).run([cloneDocument(doc) as Record<string, unknown>]));
  const result = out[0];
  if (!result) throw new CommandError('BadValue', 'the update pipeline produced no document');
  return result as Document;
}

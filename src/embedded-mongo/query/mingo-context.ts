/**
 * The mingo operator context this server evaluates expressions and
 * pipelines with: every mingo operator, with scripting disabled, and the
 * operators whose mingo semantics differ from mongod replaced by ours.
 */
import { Context, ProcessingMode } from 'mingo';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import type { Options, AccumulatorOperator, ExpressionOperator, PipelineOperator } from 'mingo/types';
import { CommandError } from '../errors.js';

type OpMap<T> = Record<string, T>;

export interface OperatorOverrides {
  accumulator?: OpMap<AccumulatorOperator>;
  expression?: OpMap<ExpressionOperator>;
  pipeline?: OpMap<PipelineOperator>;
}

const overrides: Required<OperatorOverrides> = { accumulator: {}, expression: {}, pipeline: {} };
let context: Context | null = null;

/** Registers replacement operators; must run before the first evaluation (the context is built once). */
export function overrideOperators(ops: OperatorOverrides): void {
  Object.assign(overrides.accumulator, ops.accumulator);
  Object.assign(overrides.expression, ops.expression);
  Object.assign(overrides.pipeline, ops.pipeline);
  context = null;
}

function buildContext(): Context {
  return Context.init({
    accumulator: { ...(accumulatorOperators as unknown as OpMap<AccumulatorOperator>), ...overrides.accumulator },
    expression: { ...(expressionOperators as unknown as OpMap<ExpressionOperator>), ...overrides.expression },
    pipeline: { ...(pipelineOperators as unknown as OpMap<PipelineOperator>), ...overrides.pipeline },
    projection: projectionOperators as never,
    query: queryOperators as never,
    window: windowOperators as never,
  });
}

/** mingo options with this server's context; `extra` adds variables or a collection resolver. */
export function mingoOptions(extra: Partial<Options> = {}): Options {
  context ??= buildContext();
  return {
    idKey: '_id',
    scriptEnabled: false,
    useStrictMode: true,
    failOnError: true,
    processingMode: ProcessingMode.CLONE_OFF,
    ...extra,
    context,
  };
}

/** Runs `fn`, turning mingo's own errors into BadValue command errors. */
export function underMingo<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CommandError) throw e;
    throw new CommandError('BadValue', (e as Error).message ?? String(e));
  }
}

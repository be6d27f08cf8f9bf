/**
 * Registers this server's replacements for the mingo operators whose
 * semantics differ from mongod (see the modules imported here); importing
 * this module is what puts them into the shared mingo context.
 */
import { accumulatorExpressions, accumulators, orderedAccumulators } from './accumulator-ops.js';
import { conversionExpressions } from './conversion-ops.js';
import { $addFields, $project, $unset } from './field-stages.js';
import { $lookup } from './lookup-stage.js';
import { overrideOperators, type OperatorOverrides } from './mingo-context.js';
import { numericExpressions } from './numeric-ops.js';
import { $bucket, $unwind } from './reshape-stages.js';
import { setExpressions } from './set-ops.js';
import { $group, $limit, $match, $sample, $sort, $sortByCount } from './stream-stages.js';
import { valueExpressions } from './value-ops.js';
import { $setWindowFields } from './window-stage.js';

const expressions = { ...accumulatorExpressions, ...valueExpressions, ...conversionExpressions, ...numericExpressions, ...setExpressions };
const stages = { $match, $sort, $group, $sortByCount, $lookup, $limit, $project, $addFields, $set: $addFields, $sample, $unwind, $bucket, $unset, $setWindowFields };

overrideOperators({ accumulator: { ...accumulators, ...orderedAccumulators }, expression: expressions, pipeline: stages } as unknown as OperatorOverrides);

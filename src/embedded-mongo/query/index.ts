/**
 * The MongoDB query language of the embedded server: value order and keys,
 * filters, projections, sorts, updates and aggregation pipelines.
 */
export { compareValues, valuesEqual } from './compare.js';
export { keyString } from './key-string.js';
export { compileFilter, filterFields, filterPaths } from './filter.js';
export { compileProjection } from './projection.js';
export { compileSort } from './sort.js';
export { pathValues } from './paths.js';
export { applyUpdate, isReplacement } from './update.js';
export { upsertSeed } from './upsert-seed.js';
export { runPipeline, validatePipeline } from './pipeline.js';
export { compileFastGroup, type FastGroup } from './group-fast.js';

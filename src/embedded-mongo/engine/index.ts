/**
 * The storage engine of the embedded server: catalog, indexes, planner,
 * write paths and durability behind the `Engine` contract of `types.ts`.
 */
export { createEngine, EmbeddedEngine } from './embedded-engine.js';
export type * from './types.js';

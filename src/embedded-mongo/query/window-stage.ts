/**
 * `$setWindowFields` through mingo. mingo builds this stage on its own
 * `$function` operator, so the stage runs with scripting enabled; that is
 * safe only because the stage specification itself is refused when it
 * names a JavaScript operator (checked here and for the whole pipeline).
 */
import type { Iterator as LazyIterator } from 'mingo/lazy';
import { $setWindowFields as mingoSetWindowFields } from 'mingo/operators/pipeline';
import type { Options } from 'mingo/types';
import { refuseScripts } from './scripts.js';

/** Runs mingo's `$setWindowFields` after refusing any user-written JavaScript in its spec. */
export function $setWindowFields(coll: LazyIterator, expr: unknown, options: Options): LazyIterator {
  refuseScripts(expr);
  const base = (options as { options?: Options }).options ?? options;
  return mingoSetWindowFields(coll, expr as never, { ...base, scriptEnabled: true });
}

/**
 * Domain errors of the data layer. Each carries a stable `code` that the
 * server's error formatter copies to `extensions.code`; nothing here knows
 * about GraphQL.
 */
import type { StoreName } from './store-name.js';

/** A store did not answer (unreachable, or slower than its configured timeout); `source` names it. */
export class SourceUnavailableError extends Error {
  readonly code = 'SOURCE_UNAVAILABLE';
  readonly source: StoreName;

  constructor(source: StoreName, reason: string) {
    super(`The ${source} store is unavailable: ${reason}`);
    this.name = 'SourceUnavailableError';
    this.source = source;
  }
}

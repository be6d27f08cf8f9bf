/**
 * Errors of the push, review and withdrawal API that refuse a whole call.
 * Each carries a stable `code` (copied to `extensions.code`) and the
 * extensions that say what was wrong; nothing here knows about GraphQL.
 */

/** Codes of errors that refuse a whole call (per-record refusals are outcomes, not errors). */
export type PushErrorCode = 'BATCH_TOO_LARGE' | 'STALE_VERSION' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_USER_INPUT';

/** A refused call; `extensions` holds the named limit and count, the argument, the current version. */
export class PushError extends Error {
  readonly code: PushErrorCode;
  readonly limit?: number;
  readonly actual?: number;
  readonly argumentName?: string;

  constructor(code: PushErrorCode, message: string, extensions: { limit?: number; actual?: number; argumentName?: string } = {}) {
    super(message);
    this.name = 'PushError';
    this.code = code;
    if (extensions.limit !== undefined) this.limit = extensions.limit;
    if (extensions.actual !== undefined) this.actual = extensions.actual;
    if (extensions.argumentName !== undefined) this.argumentName = extensions.argumentName;
  }
}

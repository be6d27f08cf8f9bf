/**
 * Errors the embedded server answers with. Every failure a client can see is
 * a `CommandError` carrying mongod's own numeric `code` and `codeName`, so
 * that the official driver raises the same `MongoServerError` it would raise
 * against a real mongod. Anything else thrown inside a command handler is a
 * bug and is answered as `InternalError` (code 1).
 */
export const ErrorCodes = {
  InternalError: 1,
  BadValue: 2,
  NoSuchKey: 4,
  FailedToParse: 9,
  TypeMismatch: 14,
  InvalidBSON: 22,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CannotCreateIndex: 67,
  InvalidIdField: 53,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  NoMatchingDocument: 47,
  Location40573: 40573,
  Location15974: 15974,
  Location31254: 31254,
  Location40324: 40324,
  Location40352: 40352,
  Location51024: 51024,
  ConflictingUpdateOperators: 40,
  InvalidLength: 16,
  MaxTimeMSExpired: 50,
  Unauthorized: 13,
  DollarPrefixedFieldName: 52,
  EmptyFieldName: 56,
  PathNotViable: 28,
  FailedToParseSort: 15973,
  UnsupportedOpQueryCommand: 352,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

/** A command failure answered as `{ ok: 0, errmsg, code, codeName, ...extra }`. */
export class CommandError extends Error {
  readonly code: number;
  readonly codeName: string;
  /** Extra reply fields, e.g. `keyPattern`/`keyValue` for DuplicateKey. */
  readonly extra: Record<string, unknown>;

  constructor(codeName: ErrorCodeName, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'CommandError';
    this.code = ErrorCodes[codeName];
    this.codeName = codeName.startsWith('Location') ? `Location${this.code}` : codeName;
    this.extra = extra;
  }

  /** The reply document mongod would send for this error. */
  toReply(): Record<string, unknown> {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }
}

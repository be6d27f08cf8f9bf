/**
 * Errors of applications (依申请公开) for the client: each has a stable
 * `code` (copied to `extensions.code`) and never carries an applicant's
 * name or contact.
 */

/** Codes of application errors the client may see. */
export type ApplicationErrorCode =
  | 'APPLICATION_NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'EXTENSION_ALREADY_GRANTED'
  | 'EXTENSION_TOO_LONG'
  | 'EXTENSION_AFTER_DUE_DATE'
  | 'DATE_OUT_OF_ORDER'
  | 'CONCURRENT_UPDATE'
  | 'BAD_USER_INPUT';

/** A refused application request; `argumentName` names the input at fault when there is one. */
export class ApplicationError extends Error {
  readonly code: ApplicationErrorCode;
  readonly argumentName: string | undefined;
  /** The application's state when a transition was refused. */
  readonly state: string | undefined;

  constructor(code: ApplicationErrorCode, message: string, details: { argumentName?: string; state?: string } = {}) {
    super(message);
    this.name = 'ApplicationError';
    this.code = code;
    this.argumentName = details.argumentName;
    this.state = details.state;
  }
}

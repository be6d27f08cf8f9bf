/** Refusals of the annual report, each with a stable code for the client. */

export type ReportErrorCode = 'BAD_USER_INPUT' | 'REPORT_INCONSISTENT' | 'REPORT_YEAR_NOT_ENDED' | 'CONFLICT';

/** A report request refused; `argumentName` names the argument at fault when there is one. */
export class ReportError extends Error {
  constructor(
    readonly code: ReportErrorCode,
    message: string,
    readonly argumentName?: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

/**
 * A placeholder the load generator numbers on every send, so that a planned
 * request cycled over and over can still be a new version each time (a
 * department's correction rather than a retry of the same push).
 */

/** Where a request body wants the send's number: as a JSON string it becomes that number; inside a string, its digits. */
export const SEQUENCE = '__SEQ__';

/** `body` with every SEQUENCE replaced by `n`. */
export function numbered(body: string, n: number): string {
  return body.replaceAll(`"${SEQUENCE}"`, String(n)).replaceAll(SEQUENCE, String(n));
}

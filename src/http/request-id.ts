/**
 * Gives every request an id, echoed in the `x-request-id` response header and
 * used in logs and masked errors. A caller's own id is kept when it is sane
 * (so ids can be followed across services); anything else is replaced, so a
 * header can never inject text into logs.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when it is 1–128 characters of `A-Za-z0-9._:-`, else a fresh UUID. */
export function chooseRequestId(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The request id assigned by `assignRequestId`; throws if that middleware did not run. */
export function requestIdOf(res: Response): string {
  const id: unknown = res.locals.requestId;
  if (typeof id !== 'string') throw new TypeError('requestIdOf() expects the assignRequestId middleware to run first.');
  return id;
}

/** Express middleware: stores the id in `res.locals.requestId` and sets the response header. */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const id = chooseRequestId(req.headers[REQUEST_ID_HEADER]);
  res.locals.requestId = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}

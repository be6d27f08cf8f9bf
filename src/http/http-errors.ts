/**
 * Errors raised by the HTTP layer before GraphQL runs (unreadable or
 * oversized bodies, unknown paths), answered in the GraphQL response shape
 * `{ errors: [{ message, extensions: { code } }] }` so clients need one
 * error reader. Unexpected failures are masked and logged like resolver
 * errors.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';
import { INTERNAL_ERROR_MESSAGE } from '../errors.js';

interface BodyParserError {
  type?: unknown;
  status?: unknown;
  limit?: unknown;
}

/** Express 404 handler for paths the gateway does not serve. */
export function notFound(req: Request, res: Response): void {
  sendError(res, 404, 'NOT_FOUND', `Nothing is served at ${req.method} ${req.path}; the GraphQL endpoint is /graphql.`);
}

/** Express error handler: body-parser failures become 400/413/415; anything else a masked 500. */
export function httpErrorHandler(logger: Logger) {
  return function handleHttpError(error: unknown, _req: Request, res: Response, next: NextFunction): void {
    if (res.headersSent) {
      next(error);
      return;
    }
    const failure = (typeof error === 'object' && error !== null ? error : {}) as BodyParserError;
    switch (failure.type) {
      case 'entity.parse.failed':
        sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON.');
        return;
      case 'entity.too.large':
        sendError(res, 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${String(failure.limit)} bytes.`);
        return;
      case 'encoding.unsupported':
      case 'charset.unsupported':
        sendError(res, 415, 'BAD_REQUEST', 'Request body encoding is not supported; send UTF-8 JSON.');
        return;
      case 'request.aborted':
      case 'request.size.invalid':
      case 'stream.encoding.set':
        sendError(res, 400, 'BAD_REQUEST', 'Request body could not be read.');
        return;
    }
    const requestId = String(res.locals.requestId);
    logger.error({ requestId, err: error }, 'unexpected error in the HTTP layer');
    res.status(500).json({ errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
  };
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * One structured log line per finished request (method, path, status,
 * duration, request id, and the caller's principal id, never a credential), at debug level so production logs stay quiet unless
 * asked (`LOG_LEVEL=debug`). The query string is left out: GET operations
 * carry their variables there.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

/** Express middleware that logs each response when it has been sent. */
export function accessLog(logger: Logger) {
  return function logAccess(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMS = Number(process.hrtime.bigint() - started) / 1e6;
      const principal = (res.locals.principal as { id?: string } | undefined)?.id;
      logger.debug(
        { requestId: res.locals.requestId, method: req.method, path: req.path, status: res.statusCode, durationMS: Math.round(durationMS * 10) / 10, principal },
        'request served',
      );
    });
    next();
  };
}

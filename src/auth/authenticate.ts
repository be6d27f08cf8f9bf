/**
 * The express middleware that authenticates every request after it: it puts
 * the caller's principal on `res.locals.principal`, or answers a refused
 * credential with HTTP 401 and a GraphQL-shaped body before any handler runs.
 * The token is never logged; the log carries the principal's id.
 */
import type { NextFunction, Request, Response } from 'express';
import { SourceUnavailableError } from '../../datasources/errors.js';
import { PUBLIC_PRINCIPAL, type Principal } from '../../datasources/principal.js';
import type { Logger } from '../logger.js';
import { AuthenticationError } from './authentication-error.js';
import type { Authenticator } from './authenticator.js';

export { AuthenticationError, type AuthenticationRefusal } from './authentication-error.js';
export { Authenticator, type AuthenticatorOptions } from './authenticator.js';

/** The principal `authenticate` put on the response, or the public when it did not run. */
export function principalOf(res: Response): Principal {
  return (res.locals.principal as Principal | undefined) ?? PUBLIC_PRINCIPAL;
}

/** Express middleware: sets `res.locals.principal`, or ends the request with 401 (refused) or 503 (key store unavailable). */
export function authenticate(authenticator: Authenticator, logger: Logger) {
  return function authenticateRequest(req: Request, res: Response, next: NextFunction): void {
    authenticator.principalFor(req.headers.authorization).then(
      (principal) => {
        res.locals.principal = principal;
        if (principal.via !== 'none') logger.debug({ requestId: res.locals.requestId, principal: principal.id }, 'caller authenticated');
        next();
      },
      (error: unknown) => {
        if (error instanceof AuthenticationError) {
          logger.info({ requestId: res.locals.requestId, reason: error.reason }, 'credential refused');
          const description = error.reason === 'malformed-header' ? 'invalid_request' : 'invalid_token';
          res.setHeader('www-authenticate', `Bearer realm="disclosure-gateway", error="${description}"`);
          res.status(401).json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED', reason: error.reason } }] });
          return;
        }
        if (error instanceof SourceUnavailableError) {
          // The store's own failure text can name hosts: it goes to the log only.
          logger.warn({ requestId: res.locals.requestId, source: error.source, err: error }, 'credential could not be checked');
          res.setHeader('retry-after', '5');
          res.status(503).json({
            errors: [{ message: `The ${error.source} store, which holds API keys, did not answer; the credential could not be checked.`, extensions: { code: 'SOURCE_UNAVAILABLE', source: error.source } }],
          });
          return;
        }
        next(error);
      },
    );
  };
}

/**
 * A credential that was presented and refused. The message says why (expired,
 * revoked, unknown, malformed, …) and never repeats the credential.
 */

/** Why a presented credential was refused. */
export type AuthenticationRefusal =
  | 'malformed-header'
  | 'malformed'
  | 'unknown'
  | 'revoked'
  | 'expired'
  | 'not-yet-valid'
  | 'bad-signature'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'algorithm-not-accepted'
  | 'invalid-claims'
  | 'jwt-not-accepted';

/** Thrown by the authenticator; the HTTP layer answers 401 with its message and `UNAUTHENTICATED`. */
export class AuthenticationError extends Error {
  readonly code = 'UNAUTHENTICATED';
  readonly reason: AuthenticationRefusal;
  constructor(reason: AuthenticationRefusal, message: string) {
    super(message);
    this.name = 'AuthenticationError';
    this.reason = reason;
  }
}

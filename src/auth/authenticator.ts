/**
 * Who is calling, from the `Authorization` header: `Bearer dgk_…` is an API
 * key, any other bearer token a JWT, no header the public. A credential that
 * is presented and wrong is refused, never downgraded to the public.
 */
import type { ApiKeyStore } from '../../datasources/credentials/api-key-store.js';
import { looksLikeApiKey } from '../../datasources/credentials/api-key-secret.js';
import { PUBLIC_PRINCIPAL, type Principal } from '../../datasources/principal.js';
import type { JwtSettings } from '../config.js';
import { AuthenticationError } from './authentication-error.js';
import { createJwtVerifier, type JwtVerifier } from './jwt-verifier.js';

export interface AuthenticatorOptions {
  /** Where API keys are verified; null refuses every API key as unknown (HTTP-layer tests without stores). */
  apiKeys: Pick<ApiKeyStore, 'verify'> | null;
  jwt: JwtSettings | null;
  /** Organizations whose departments publish without review. */
  directPublicationOrgs: readonly string[];
}

const BEARER = /^Bearer +([^\s]+) *$/i;

const API_KEY_REFUSALS = {
  malformed: 'Malformed API key',
  unknown: 'Unknown API key',
  revoked: 'This API key has been revoked',
} as const;

/** Turns an Authorization header into a principal; throws AuthenticationError (or SourceUnavailableError when the key store does not answer). */
export class Authenticator {
  private readonly verifyJwt: JwtVerifier;
  private readonly directOrgs: ReadonlySet<string>;

  constructor(private readonly options: AuthenticatorOptions) {
    this.verifyJwt = createJwtVerifier(options.jwt);
    this.directOrgs = new Set(options.directPublicationOrgs);
  }

  /** The principal for `authorization` (the header's value, if any). */
  async principalFor(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined) return PUBLIC_PRINCIPAL;
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) throw new AuthenticationError('malformed-header', 'Malformed Authorization header: expected "Bearer <token>"');
    const principal = looksLikeApiKey(token) ? await this.apiKeyPrincipal(token) : await this.verifyJwt(token);
    return {
      ...principal,
      publishesDirectly: principal.role === 'department' && principal.organizationId !== null && this.directOrgs.has(principal.organizationId),
    };
  }

  private async apiKeyPrincipal(token: string): Promise<Omit<Principal, 'publishesDirectly'>> {
    const verified = this.options.apiKeys ? await this.options.apiKeys.verify(token) : { key: null, reason: 'unknown' as const };
    if (verified.key === null) throw new AuthenticationError(verified.reason, API_KEY_REFUSALS[verified.reason]);
    const { key } = verified;
    return { id: `key:${key.id}`, role: key.role, organizationId: key.organizationId, stores: key.stores, sourceSystem: key.sourceSystem, via: 'api-key' };
  }
}

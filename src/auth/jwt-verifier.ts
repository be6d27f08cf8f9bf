/**
 * Verifies JWTs against the configured issuer, audience and keys (HS256 with
 * a shared secret, RS256 or ES256 with a public key) and turns their claims
 * into a principal: `sub`, `role`, `org`, `stores`, `src`; `exp` is required.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { CREDENTIAL_ROLES, type CredentialRole } from '../../datasources/credentials/api-key-input.js';
import type { Principal } from '../../datasources/principal.js';
import { STORE_NAMES, type StoreName } from '../../datasources/store-name.js';
import type { JwtSettings } from '../config.js';
import { AuthenticationError } from './authentication-error.js';

/** How far the identity provider's clock may be off ours when `exp` and `nbf` are checked. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** Claims the gateway reads, beside the registered ones. */
export interface GatewayJwtClaims extends JWTPayload {
  role?: unknown;
  org?: unknown;
  stores?: unknown;
  src?: unknown;
}

/** Checks a token and returns its principal (without `publishesDirectly`, which the authenticator decides); throws AuthenticationError. */
export type JwtVerifier = (token: string) => Promise<Omit<Principal, 'publishesDirectly'>>;

/** A verifier for `settings`, or one that refuses every JWT when `settings` is null. */
export function createJwtVerifier(settings: JwtSettings | null): JwtVerifier {
  if (settings === null) {
    return async () => {
      throw new AuthenticationError('jwt-not-accepted', 'JWTs are not accepted by this gateway');
    };
  }
  const keys = new Map<string, Uint8Array | KeyObject>();
  if (settings.secret) keys.set('HS256', settings.secret);
  if (settings.publicKey) keys.set(settings.publicKey.algorithm, createPublicKey(settings.publicKey.pem));
  const algorithms = [...keys.keys()];
  return async (token) => {
    let payload: GatewayJwtClaims;
    try {
      ({ payload } = await jwtVerify<GatewayJwtClaims>(token, (header) => keys.get(header.alg ?? '') ?? new Uint8Array(0), {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw refusal(error, algorithms);
    }
    return principalOfClaims(payload, settings.issuer);
  };
}

function principalOfClaims(claims: GatewayJwtClaims, issuer: string): Omit<Principal, 'publishesDirectly'> {
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject === '') throw invalidClaims('the "sub" claim must be a non-empty string');
  const role = claims.role;
  if (typeof role !== 'string' || !(CREDENTIAL_ROLES as readonly string[]).includes(role)) {
    throw invalidClaims(`the "role" claim must be one of ${CREDENTIAL_ROLES.join(', ')}`);
  }
  const source = claims.src;
  if (source !== undefined && (typeof source !== 'string' || source === '')) throw invalidClaims('the "src" claim must be a non-empty string when present');
  let organizationId: string | null = null;
  let stores: StoreName[] = [];
  if (role === 'department') {
    if (typeof claims.org !== 'string' || claims.org === '') throw invalidClaims('a department token needs an "org" claim naming its organization');
    const listed = claims.stores;
    if (!Array.isArray(listed) || listed.length === 0 || listed.some((store) => !(STORE_NAMES as readonly unknown[]).includes(store))) {
      throw invalidClaims(`a department token needs a "stores" claim listing some of ${STORE_NAMES.join(', ')}`);
    }
    organizationId = claims.org;
    stores = [...new Set(listed as StoreName[])];
  }
  // Other roles are not bound to an organization: "org" and "stores" are ignored for them.
  return {
    id: `jwt:${issuer}#${subject}`,
    role: role as CredentialRole,
    organizationId,
    stores,
    sourceSystem: typeof source === 'string' ? source : null,
    via: 'jwt',
  };
}

function invalidClaims(problem: string): AuthenticationError {
  return new AuthenticationError('invalid-claims', `The JWT's claims are not usable: ${problem}`);
}

/** The refusal for one of jose's errors; anything unexpected counts as malformed. */
function refusal(error: unknown, algorithms: readonly string[]): AuthenticationError {
  if (error instanceof errors.JWTExpired) return new AuthenticationError('expired', 'The JWT has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new AuthenticationError('wrong-issuer', 'The JWT was issued by an issuer this gateway does not accept');
    if (error.claim === 'aud') return new AuthenticationError('wrong-audience', 'The JWT is meant for another audience');
    if (error.claim === 'nbf') return new AuthenticationError('not-yet-valid', 'The JWT is not valid yet');
    if (error.claim === 'exp') return new AuthenticationError('invalid-claims', 'The JWT lacks a usable "exp" (expiry) claim');
    return new AuthenticationError('invalid-claims', `The JWT's "${error.claim}" claim is missing or not usable`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new AuthenticationError('algorithm-not-accepted', `The JWT is signed with an algorithm this gateway does not accept (accepted: ${algorithms.join(', ')})`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new AuthenticationError('bad-signature', 'The JWT signature does not verify');
  return new AuthenticationError('malformed', 'Malformed JWT');
}

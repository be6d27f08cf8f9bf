/**
 * What an API key may be created for, checked before anything is written:
 * a role that can hold a credential, and for departments the organization
 * and the stores they may write. A bad request fails with a precise
 * `CredentialInputError` naming the field, never with a half-made key.
 */
import { ROLES, type Role } from '../principal.js';
import { STORE_NAMES, type StoreName } from '../store-name.js';

/** Roles a credential can carry: every role but the anonymous public. */
export const CREDENTIAL_ROLES = ROLES.filter((role) => role !== 'public') as ReadonlyArray<Exclude<Role, 'public'>>;
export type CredentialRole = (typeof CREDENTIAL_ROLES)[number];

/** The request to create a key, as a CLI or the admin API receives it. */
export interface ApiKeyRequest {
  role: string;
  organizationId?: string | null;
  stores?: readonly string[] | null;
  sourceSystem?: string | null;
  label?: string | null;
}

/** A request that passed validation. */
export interface ValidApiKeyRequest {
  role: CredentialRole;
  organizationId: string | null;
  stores: StoreName[];
  sourceSystem: string | null;
  label: string | null;
}

/** A field of a credential request that cannot be used; `field` names it (`role`, `organizationId`, `stores`, …). */
export class CredentialInputError extends Error {
  readonly code = 'BAD_USER_INPUT';
  readonly argumentName: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'CredentialInputError';
    this.argumentName = field;
  }
}

const MAX_TEXT = 200;

/** Validates a key request; throws CredentialInputError for the first bad field. Does not check that the organization exists (the store does). */
export function validateApiKeyRequest(request: ApiKeyRequest): ValidApiKeyRequest {
  const role = request.role;
  if (!(CREDENTIAL_ROLES as readonly string[]).includes(role)) {
    throw new CredentialInputError('role', `Unknown role ${JSON.stringify(role)}; a credential's role is one of ${CREDENTIAL_ROLES.join(', ')}`);
  }
  const organizationId = optionalText('organizationId', request.organizationId);
  const stores = [...new Set(request.stores ?? [])];
  for (const store of stores) {
    if (!(STORE_NAMES as readonly string[]).includes(store)) {
      throw new CredentialInputError('stores', `Unknown store ${JSON.stringify(store)}; stores are ${STORE_NAMES.join(', ')}`);
    }
  }
  if (role === 'department') {
    if (organizationId === null) throw new CredentialInputError('organizationId', 'A department credential needs the organization it acts for');
    if (stores.length === 0) throw new CredentialInputError('stores', 'A department credential needs at least one store it may write');
  } else {
    if (organizationId !== null) throw new CredentialInputError('organizationId', `Only department credentials are bound to an organization, not ${role}`);
    if (stores.length > 0) throw new CredentialInputError('stores', `Only department credentials are bound to stores, not ${role}`);
  }
  return {
    role: role as CredentialRole,
    organizationId,
    stores: stores as StoreName[],
    sourceSystem: optionalText('sourceSystem', request.sourceSystem),
    label: optionalText('label', request.label),
  };
}

/** A revocation reason as given (trimmed), or null; throws CredentialInputError on `reason` for an empty, overlong or multi-line one. */
export function validateRevocationReason(reason: string | null | undefined): string | null {
  return optionalText('reason', reason);
}

function optionalText(field: string, value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const text = value.trim();
  if (text === '') throw new CredentialInputError(field, `${field} must not be empty when given`);
  if (text.length > MAX_TEXT) throw new CredentialInputError(field, `${field} must be at most ${MAX_TEXT} characters`);
  // Control characters would let a label forge lines in the CLI's output or the logs.
  if ([...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) throw new CredentialInputError(field, `${field} must not contain control characters`);
  return text;
}

/**
 * Role checks for resolvers. A caller without a credential who asks for
 * something that needs one gets `UNAUTHENTICATED`; an authenticated caller
 * whose role does not allow it gets `FORBIDDEN`. Admins pass every check.
 */
import { GraphQLError } from 'graphql';
import type { Principal, Role } from '../datasources/principal.js';

/** Throws unless the principal has one of `roles` (or is an admin); `action` names what was refused, in the message. */
export function requireRole(principal: Principal, roles: readonly Role[], action: string): void {
  if (principal.role === 'admin' || roles.includes(principal.role)) return;
  if (principal.role === 'public') {
    throw new GraphQLError(`Authentication required to ${action}`, { extensions: { code: 'UNAUTHENTICATED' } });
  }
  throw new GraphQLError(`The ${principal.role} role may not ${action}`, { extensions: { code: 'FORBIDDEN', role: principal.role } });
}

/** Whether the principal may see unpublished state (review states, drafts, the ledger). */
export function seesUnpublished(principal: Principal): boolean {
  return principal.role === 'department' || principal.role === 'reviewer' || principal.role === 'admin';
}

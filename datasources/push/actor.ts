/** Who acts in a push, review or withdrawal, and when: the principal and the request's fixed clock. */
import type { Principal } from '../principal.js';

/** The acting principal and the instant of the request (one `now` for the whole call). */
export interface Actor {
  principal: Principal;
  now: Date;
}

/** Whether the principal may write records of `organizationId` in `store`: its own department's, or anything for an admin. */
export function mayWrite(principal: Principal, organizationId: string, store: string): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'department' && principal.organizationId === organizationId && (principal.stores as readonly string[]).includes(store);
}

/** Whether the principal may read submissions and ledger entries of `organizationId`: reviewers and admins all, departments their own. */
export function mayRead(principal: Principal, organizationId: string): boolean {
  if (principal.role === 'admin' || principal.role === 'reviewer') return true;
  return principal.role === 'department' && principal.organizationId === organizationId;
}

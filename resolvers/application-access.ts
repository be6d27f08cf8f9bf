/**
 * Who may handle applications (office staff): an admin, or a department
 * principal of the office store (`stores` includes `office`), for
 * applications addressed to its own organization and, for a department,
 * to the government directly above it — the general office (党政办)
 * handles the town government's applications (承担镇政府信息公开工作). Everyone else is refused
 * with UNAUTHENTICATED (the public) or FORBIDDEN.
 */
import { GraphQLError } from 'graphql';
import { chinaDate } from '../datasources/calendar/local-date.js';
import type { GatewayContext } from '../src/context.js';
import { requireRole } from './authorize.js';

/** The organizations whose applications the caller handles (null: every one, for admins); throws when the caller is not office staff. */
export async function officeScope(context: GatewayContext, action: string): Promise<readonly string[] | null> {
  const { principal } = context;
  requireRole(principal, ['department'], action);
  if (principal.role === 'admin') return null;
  if (!principal.stores.includes('office') || principal.organizationId === null) {
    throw new GraphQLError(`Only the office's staff (a department credential of the office store) may ${action}`, { extensions: { code: 'FORBIDDEN', role: principal.role } });
  }
  const own = await context.loaders.organization.load(principal.organizationId);
  // Only a department acts for the government above it; a town's own credential does not reach the district's applications.
  return own?.classification === 'DEPARTMENT' && own.parentId ? [own.id, own.parentId] : [principal.organizationId];
}

/** Today in China for this request (the request's fixed `now`). */
export function todayOf(context: GatewayContext): string {
  return chinaDate(context.now);
}

/** Announcements of changed applications to caches of public reads. */
import type { GatewayContext } from '../src/context.js';

/**
 * Tells caches of public reads that an application changed: the applicant's
 * view (`application`) and the annual report are public answers that an
 * office step makes stale. Announced after the write is durable.
 */
export function announced<T extends { id: string; organizationId: string }>(context: GatewayContext, application: T): T {
  context.stores.changes.publish({ store: 'office', recordIds: [application.id], organizationIds: [application.organizationId], kinds: [], searchTerms: [] });
  return application;
}

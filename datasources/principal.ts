/**
 * Who is acting: the identity an authenticated credential stands for, in the
 * terms the data layer needs to enforce ownership and to write the ledger.
 * The HTTP layer turns credentials into principals; nothing here is secret.
 */
import type { StoreName } from './store-name.js';

/** Roles of the gateway (角色): anonymous public, a department's system or staff, reviewers (保密审查), analysts, administrators. */
export const ROLES = ['public', 'department', 'reviewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** An authenticated (or anonymous) caller. */
export interface Principal {
  /** Stable, non-secret identifier written to the ledger: `public`, `key:<keyId>` or `jwt:<issuer>#<subject>`. */
  id: string;
  role: Role;
  /** For department principals: the organization whose records they may write; null otherwise. */
  organizationId: string | null;
  /** For department principals: the stores they may write; empty otherwise. */
  stores: readonly StoreName[];
  /** The source system the credential belongs to (e.g. 财务核算系统), recorded in the ledger; null when none is named. */
  sourceSystem: string | null;
  /** For department principals: whether the department is configured to publish without review (直接公开); false otherwise. */
  publishesDirectly: boolean;
  /** How the caller proved who they are. */
  via: 'none' | 'api-key' | 'jwt';
}

/** The caller without a credential: may read what is published, nothing else. */
export const PUBLIC_PRINCIPAL: Principal = Object.freeze({
  id: 'public',
  role: 'public',
  organizationId: null,
  stores: Object.freeze([]) as readonly StoreName[],
  sourceSystem: null,
  publishesDirectly: false,
  via: 'none',
});

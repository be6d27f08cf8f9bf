/**
 * The ledger (台账) as a connection across stores, newest first, with the
 * field changes of each version; and, on every pushed record type, its
 * review state (`publication`) and history (`revisions`). Reviewers and
 * admins read everything; a department its own organization's records; the
 * public and analysts are refused (UNAUTHENTICATED / FORBIDDEN), so a public
 * query never learns of a pending version.
 */
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { contentChanges, type FieldChange } from '../datasources/ledger/content-changes.js';
import { recordKinds } from '../datasources/push/kinds.js';
import type { StoreName } from '../datasources/store-name.js';
import type { GatewayContext } from '../src/context.js';
import { Appointment } from '../schema/appointment.type.js';
import { FundAllocation } from '../schema/fund-allocation.type.js';
import { FieldChange as FieldChangeType, LedgerConnection, LedgerEntry, LedgerFilter } from '../schema/ledger-entry.type.js';
import { PageArgs } from '../schema/page.args.js';
import { Procurement } from '../schema/procurement.type.js';
import { Submission } from '../schema/review-submission.type.js';
import { ThreePublicExpenseStatement } from '../schema/three-public-expense-statement.type.js';
import { requireRole } from './authorize.js';
import { badUserInput } from './bad-user-input.js';
import { fromGlobalId } from './global-id.js';
import { lazy, type ConnectionValue } from './list-connection.js';
import { pageSize } from './page-size.js';
import { decodeTimeCursor, encodeTimeCursor } from './push-cursor.js';
import { ledgerEntryValue, submissionValue, type LedgerEntryValue, type SubmissionValue } from './push-values.js';
import { deskOf, ledgerEntry, revisionsOf, submissionOfRecord } from './review-loaders.js';
import { readableOrganizations } from './review.resolver.js';

@Resolver(() => LedgerEntry)
export class LedgerResolver {
  @Query(() => LedgerConnection, {
    description: 'The ledger (台账) of every accepted change of pushed records across stores, newest first: who, when, from which system, what (full content and field changes) and why. Append-only: no API changes or removes an entry. Reviewers and admins read all; departments their own organization\'s.',
  })
  async ledger(
    @Arg('filter', () => LedgerFilter, { nullable: true, description: 'Which entries.' }) filter: LedgerFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<LedgerEntryValue>> {
    requireRole(context.principal, ['department', 'reviewer'], 'read the ledger');
    if (page.last != null || page.before != null) throw badUserInput('last', 'The ledger pages forward only (newest first): use `first` and `after`.');
    const { first } = pageSize(page);
    const where = {
      organizationIds: readableOrganizations(context, filter?.organizationId, 'filter.organizationId'),
      ...(filter?.recordId ? { recordId: fromGlobalId(filter.recordId, 'filter.recordId').id } : {}),
      ...(filter?.principalId ? { principalId: filter.principalId } : {}),
      ...(filter?.from ? { from: filter.from } : {}),
      ...(filter?.to ? { to: filter.to } : {}),
    };
    const desk = deskOf(context);
    const result = await desk.ledger.page(where, first!, page.after ? decodeTimeCursor(page.after, 'after') : undefined);
    // The stores that answered give their part; each one that did not is reported at this field.
    for (const error of result.unavailable) context.partial.report(error, info.path);
    const edges = result.items.map((doc) => ({ cursor: encodeTimeCursor({ at: doc.at, id: doc._id }), node: ledgerEntryValue(doc) }));
    return {
      edges,
      pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: page.after != null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: lazy(() => desk.ledger.count(where)),
    };
  }

  @FieldResolver(() => [FieldChangeType], {
    nullable: true,
    description: 'CREATE and UPDATE: the fields that differ from the previous version pushed (for CREATE, every field); null for the other actions.',
  })
  async changes(@Root() entry: LedgerEntryValue, @Ctx() context: GatewayContext): Promise<FieldChange[] | null> {
    const { source } = entry;
    if (source.action !== 'CREATE' && source.action !== 'UPDATE') return null;
    const previous = source.previousEntryId ? await ledgerEntry(context, source.store as StoreName, source.previousEntryId) : null;
    return contentChanges(previous?.content ?? null, source.content);
  }
}

/** The caller may see the review data of a record of `organizationId`; otherwise UNAUTHENTICATED or FORBIDDEN. */
function requireReviewAccess(context: GatewayContext, organizationId: string, what: string): void {
  requireRole(context.principal, ['department', 'reviewer'], what);
  const { principal } = context;
  if (principal.role === 'department' && principal.organizationId !== organizationId) {
    throw new GraphQLError(`A department credential sees the ${what.replace(/^read /u, '')} of its own organization's records only.`, { extensions: { code: 'FORBIDDEN' } });
  }
}

/** What the field resolvers below receive: a published record joined with its catalog entry. */
interface PublishedRecord {
  id: string;
  organizationId: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RecordClass = abstract new (...args: any[]) => unknown;

/** A resolver class adding `publication` and `revisions` to `type`, the live record type of pushed kind `kind` (list it among the schema's resolvers). */
export function reviewFieldsOf(type: RecordClass, kind: string) {
  const store = recordKinds.get(kind).store;

  @Resolver(() => type)
  class RecordReviewResolver {
    @FieldResolver(() => Submission, {
      nullable: true,
      description: 'Review state of this record (审核状态): the latest version pushed and its state, the version public. Null for records not pushed through the gateway. Departments (own organization), reviewers and admins only; refused for anyone else.',
    })
    async publication(@Root() record: PublishedRecord, @Ctx() context: GatewayContext): Promise<SubmissionValue | null> {
      requireReviewAccess(context, record.organizationId, 'read review states');
      const doc = await submissionOfRecord(context, store, record.id);
      return doc ? submissionValue(doc) : null;
    }

    @FieldResolver(() => [LedgerEntry], {
      description: 'History of this record (修订记录): its ledger entries, oldest first, each with its field changes. Empty for records not pushed through the gateway. Departments (own organization), reviewers and admins only.',
    })
    async revisions(@Root() record: PublishedRecord, @Ctx() context: GatewayContext): Promise<LedgerEntryValue[]> {
      requireReviewAccess(context, record.organizationId, 'read revisions');
      return (await revisionsOf(context, store, record.id)).map(ledgerEntryValue);
    }
  }
  return RecordReviewResolver;
}

export const ThreePublicExpenseStatementReviewResolver = reviewFieldsOf(ThreePublicExpenseStatement, 'ThreePublicExpenseStatement');
export const FundAllocationReviewResolver = reviewFieldsOf(FundAllocation, 'FundAllocation');
export const ProcurementReviewResolver = reviewFieldsOf(Procurement, 'Procurement');
export const AppointmentReviewResolver = reviewFieldsOf(Appointment, 'Appointment');

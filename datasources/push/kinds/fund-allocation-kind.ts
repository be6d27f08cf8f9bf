/** The fund allocation kind (下拨资金): one pushed record is one allocation, published as a `fundAllocations` document. */
import type { Decimal128 } from 'mongodb';
import type { ChannelCode } from '../../catalog/catalog-entry.js';
import { ALLOCATIONS } from '../../finance/finance-store.js';
import { catalogEntryOf } from '../catalog-projection.js';
import { FieldChecker } from '../field-checks.js';
import type { RecordKind, Validated } from '../record-kind.js';
import { channels, organizationId, title } from './common-fields.js';

/** An allocation as pushed and stored; `organizationId` is the payer (拨款单位). */
export interface FundAllocationContent {
  [key: string]: unknown;
  organizationId: string;
  recipientOrganizationId: string | null;
  recipientProject: string | null;
  purpose: string;
  amount: Decimal128;
  date: string;
  documentNumber: string | null;
  title: string;
  channels: ChannelCode[];
}

/** The fund allocation kind (finance store). */
export const fundAllocationKind: RecordKind<FundAllocationContent> = {
  name: 'FundAllocation',
  store: 'finance',
  idPrefix: 'alloc',

  validate(fields): Validated<FundAllocationContent> {
    const check = new FieldChecker(fields);
    const payer = organizationId(check, 'organizationId');
    const recipientOrganizationId = organizationId(check, 'recipientOrganizationId', { optional: true });
    const recipientProject = check.string('recipientProject', { optional: true, maxLength: 200 });
    if (recipientOrganizationId === null && recipientProject === null && !check.issues.some((i) => i.path.startsWith('recipient'))) {
      check.fail('recipientOrganizationId', 'or recipientProject is required: who receives the funds');
    }
    const purpose = check.string('purpose', { maxLength: 200 });
    const amount = check.amount('amount');
    const date = check.day('date');
    const documentNumber = check.string('documentNumber', { optional: true, maxLength: 100 });
    const heading = title(check, () => `${recipientProject ?? recipientOrganizationId ?? ''}${purpose ?? ''}下拨情况`);
    const published = channels(check);
    if (check.issues.length > 0) return { ok: false, issues: check.issues };
    return {
      ok: true,
      content: { organizationId: payer!, recipientOrganizationId, recipientProject, purpose: purpose!, amount: amount!, date: date!, documentNumber, title: heading!, channels: published! },
    };
  },

  organizationOf: (content) => content.organizationId,

  namedOrganizations: (content) => (content.recipientOrganizationId === null ? [] : [{ path: 'recipientOrganizationId', organizationId: content.recipientOrganizationId }]),

  project(content, { recordId, publishedAt }) {
    const { organizationId: payerId, title: heading, channels: published, ...allocation } = content;
    const recipient = allocation.recipientProject ?? allocation.recipientOrganizationId;
    return {
      documents: [{ collection: ALLOCATIONS, document: { _id: recordId, payerId, ...allocation } }],
      catalogEntry: catalogEntryOf({
        recordId,
        kind: 'FundAllocation',
        title: heading,
        category: 'FISCAL_FUNDS',
        organizationId: payerId,
        publishedAt,
        year: Number(allocation.date.slice(0, 4)),
        channels: published,
        text: `${allocation.documentNumber ?? ''}：${allocation.date}向${recipient}拨付${allocation.purpose}${allocation.amount.toString()}元。`,
      }),
    };
  },

  retract: (recordId) => [{ collection: ALLOCATIONS, filter: { _id: recordId } }],
};

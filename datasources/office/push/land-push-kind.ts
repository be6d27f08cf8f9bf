/** Push kind of land requisition and compensation notices (LandRequisitionNotice), published into the office store's `landNotices`. */
import type { Decimal128 } from 'mongodb';
import type { ChannelCode } from '../../catalog/catalog-entry.js';
import { catalogEntryOf } from '../../push/catalog-projection.js';
import { FieldChecker } from '../../push/field-checks.js';
import { channels, organizationId, referenceId } from '../../push/kinds/common-fields.js';
import type { RecordKind, Validated } from '../../push/record-kind.js';
import type { LandApprovalDocument, LandNoticeType } from '../land-records.js';
import { LAND_NOTICES } from '../land-store.js';
import { plainDecimal, recordIds } from './office-push-fields.js';

const NOTICE_TYPES: readonly LandNoticeType[] = ['REQUISITION', 'EXPROPRIATION_COMPENSATION'];

/** A notice as pushed and stored: area, rates and amounts are Decimal128 (rates and amounts in 元). */
export interface LandNoticeContent {
  [key: string]: unknown;
  organizationId: string;
  title: string;
  noticeType: LandNoticeType;
  location: string;
  areaMu: Decimal128;
  purpose: string;
  affectedVillageIds: string[];
  announcedOn: string;
  objectionsUntil: string | null;
  approvalDocuments: LandApprovalDocument[];
  standards: Array<{ item: string; rate: Decimal128; unit: string }>;
  compensations: Array<{ villageId: string; item: string; amount: Decimal128; paidOn: string | null; allocationId: string | null }>;
  body: string;
  channels: ChannelCode[];
}

/** The land notice kind: every compensation names one of the affected villages. */
export const landNoticeKind: RecordKind<LandNoticeContent> = {
  name: 'LandRequisitionNotice',
  store: 'office',
  idPrefix: 'land',

  validate(fields): Validated<LandNoticeContent> {
    const check = new FieldChecker(fields);
    const owner = organizationId(check, 'organizationId');
    const heading = check.string('title', { maxLength: 200 });
    const noticeType = check.oneOf('noticeType', NOTICE_TYPES);
    const location = check.string('location', { maxLength: 500 });
    const areaMu = plainDecimal(check, fields, 'areaMu');
    const purpose = check.string('purpose', { maxLength: 500 });
    const villages = recordIds(check, fields, 'affectedVillageIds', { min: 1 });
    const announcedOn = check.day('announcedOn');
    const objectionsUntil = check.day('objectionsUntil', { optional: true });
    if (announcedOn && objectionsUntil && objectionsUntil < announcedOn) check.fail('objectionsUntil', `is before announcedOn (${announcedOn})`);
    const approvals = (check.list('approvalDocuments', { optional: true, max: 50 }) ?? []).map((d) => ({
      documentNumber: d.string('documentNumber', { maxLength: 100 }),
      issuer: d.string('issuer', { maxLength: 200 }),
      issuedOn: d.day('issuedOn'),
    }));
    const standards = (check.list('standards', { optional: true, max: 100 }) ?? []).map((s) => ({ item: s.string('item', { maxLength: 100 }), rate: s.amount('rate'), unit: s.string('unit', { maxLength: 20 }) }));
    const compensations = (check.list('compensations', { optional: true, max: 10_000 }) ?? []).map((c, i) => {
      const villageId = referenceId(c, 'villageId');
      if (villageId && villages && !villages.includes(villageId)) check.fail(`compensations[${i}].villageId`, `is not among affectedVillageIds (${villages.join(', ')})`);
      return { villageId, item: c.string('item', { maxLength: 100 }), amount: c.amount('amount'), paidOn: c.day('paidOn', { optional: true }), allocationId: c.string('allocationId', { optional: true, maxLength: 200 }) };
    });
    const body = check.string('body', { maxLength: 200_000 });
    const published = channels(check);
    if (check.issues.length > 0) return { ok: false, issues: check.issues };
    return {
      ok: true,
      content: {
        organizationId: owner!,
        title: heading!,
        noticeType: noticeType!,
        location: location!,
        areaMu: areaMu!,
        purpose: purpose!,
        affectedVillageIds: villages!,
        announcedOn: announcedOn!,
        objectionsUntil,
        approvalDocuments: approvals as LandApprovalDocument[],
        standards: standards as LandNoticeContent['standards'],
        compensations: compensations as LandNoticeContent['compensations'],
        body: body!,
        channels: published!,
      },
    };
  },

  organizationOf: (content) => content.organizationId,

  project(content, { recordId, publishedAt }) {
    const { organizationId: owner, title: heading, channels: published, ...notice } = content;
    return {
      documents: [{ collection: LAND_NOTICES, document: { _id: recordId, ...notice } }],
      catalogEntry: catalogEntryOf({
        recordId,
        kind: 'LandRequisitionNotice',
        title: heading,
        category: 'URBAN_RURAL_DEVELOPMENT',
        organizationId: owner,
        publishedAt,
        year: Number(notice.announcedOn.slice(0, 4)),
        channels: published,
        text: [notice.body, notice.location, notice.purpose, ...notice.approvalDocuments.map((d) => d.documentNumber)].join('\n'),
      }),
    };
  },

  retract: (recordId) => [{ collection: LAND_NOTICES, filter: { _id: recordId } }],
};

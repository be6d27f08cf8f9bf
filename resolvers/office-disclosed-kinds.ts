/** The office store's record kinds of issue 7 as disclosed kinds: their record types and the loader that reads each by id. */
import type { BroadcastRecord } from '../datasources/office/broadcast-records.js';
import type { LandNoticeRecord } from '../datasources/office/land-records.js';
import type { OfficeLoaders } from '../datasources/office/office-loaders.js';
import type { InterpretationRecord, PolicyRecord } from '../datasources/office/policy-records.js';
import type { PortalArticleRecord } from '../datasources/office/portal-records.js';
import type { PowerListRecord } from '../datasources/office/power-list-records.js';

/** The record of each office kind. */
export interface OfficeRecordByKind {
  PolicyDocument: PolicyRecord;
  Interpretation: InterpretationRecord;
  PowerList: PowerListRecord;
  LandRequisitionNotice: LandNoticeRecord;
  PortalArticle: PortalArticleRecord;
  Broadcast: BroadcastRecord;
}

export type OfficeKind = keyof OfficeRecordByKind;

/** Every office kind is kept by the office store. */
export const OFFICE_KIND_STORES = {
  PolicyDocument: 'office',
  Interpretation: 'office',
  PowerList: 'office',
  LandRequisitionNotice: 'office',
  PortalArticle: 'office',
  Broadcast: 'office',
} as const satisfies Record<OfficeKind, 'office'>;

/** The request's loader of records of `kind`. */
export function officeRecordLoader(kind: OfficeKind, loaders: OfficeLoaders) {
  switch (kind) {
    case 'PolicyDocument':
      return loaders.policy;
    case 'Interpretation':
      return loaders.interpretation;
    case 'PowerList':
      return loaders.powerList;
    case 'LandRequisitionNotice':
      return loaders.landNotice;
    case 'PortalArticle':
      return loaders.portalArticle;
    case 'Broadcast':
      return loaders.broadcast;
  }
}

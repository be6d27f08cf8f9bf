/**
 * The catalog entry (公开目录条目) every store keeps for each record it
 * discloses: the metadata common to all kinds, the record's kind and id, and
 * the search terms of its text. Entries of one store live in its `catalog`
 * collection.
 */

/** Catalog categories (公开目录类别) of the seed's disclosure catalog and portal columns. */
export const CATEGORY_CODES = [
  'ORGANIZATION_PERSONNEL',
  'POLICY_DOCUMENTS',
  'PUBLIC_WELFARE',
  'URBAN_RURAL_DEVELOPMENT',
  'SCIENCE_EDUCATION_CULTURE_HEALTH',
  'WORK_SAFETY_EMERGENCY',
  'ADMINISTRATIVE_APPROVAL_LIST',
  'PUBLIC_SERVICE_LIST',
  'FISCAL_FUNDS',
  'WORK_NEWS',
  'NOTICES',
  'PHOTO_NEWS',
  'POLICY_INTERPRETATIONS',
  'BROADCASTS',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

/** Channels (公开渠道) through which a record is made public. */
export const CHANNEL_CODES = [
  'TOWN_PORTAL',
  'DISTRICT_PORTAL',
  'GOVERNMENT_BULLETIN_BOARD',
  'VILLAGE_BULLETIN_BOARD',
  'SMS_PLATFORM',
  'READING_POINT',
] as const;
export type ChannelCode = (typeof CHANNEL_CODES)[number];

/** The kinds of disclosed record, each kept by one store. */
export const DISCLOSURE_KINDS = [
  'Appointment',
  'ThreePublicExpenseStatement',
  'FundAllocation',
  'Procurement',
  'PublishedDocument',
  'PolicyDocument',
  'Interpretation',
  'PowerList',
  'LandRequisitionNotice',
  'PortalArticle',
  'Broadcast',
] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

/** Catalog entry as stored; `_id` equals the disclosed record's id (ids are unique across stores). */
export interface CatalogEntryDoc {
  _id: string;
  kind: DisclosureKind;
  title: string;
  category: CategoryCode;
  organizationId: string;
  publishedAt: Date;
  /** 索引号, e.g. "XA04101-0100-2015-00003". */
  indexNumber: string;
  channels: ChannelCode[];
  /** Normalised title and text, for verifying a search as a true substring. */
  searchText: string;
  /** Unigrams and bigrams of `searchText` (multikey index). */
  searchTerms: string[];
}

/** A catalog entry as the data layer hands it out (no search internals). */
export interface CatalogEntry {
  id: string;
  kind: DisclosureKind;
  title: string;
  category: CategoryCode;
  organizationId: string;
  publishedAt: Date;
  indexNumber: string;
  channels: ChannelCode[];
}

/** Strips the storage-only fields of an entry. */
export function toCatalogEntry(doc: CatalogEntryDoc): CatalogEntry {
  return {
    id: doc._id,
    kind: doc.kind,
    title: doc.title,
    category: doc.category,
    organizationId: doc.organizationId,
    publishedAt: doc.publishedAt,
    indexNumber: doc.indexNumber,
    channels: doc.channels,
  };
}

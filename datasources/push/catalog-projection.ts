/**
 * Catalog entries of pushed records. Index numbers (索引号) continue the
 * demo's `XA-NC-<block>-<year>-<seq>` shape, with the sequence replaced by
 * `P` and eight hexadecimal digits derived from the record id: the number is
 * known without reading a counter, is the same on every retry and for every
 * version of the record, and cannot collide with a demo number.
 */
import { createHash } from 'node:crypto';
import type { CatalogEntryDoc, CategoryCode, ChannelCode, DisclosureKind } from '../catalog/catalog-entry.js';
import { indexTerms, normalizeText } from '../catalog/search-terms.js';

/** The numeric block of each category in the town's index numbers, as the demo numbers them (a category added later without a block gets 9999). */
export const CATEGORY_BLOCK: Readonly<Record<string, string>> = {
  ORGANIZATION_PERSONNEL: '0101',
  POLICY_DOCUMENTS: '0201',
  PUBLIC_WELFARE: '0301',
  URBAN_RURAL_DEVELOPMENT: '0401',
  SCIENCE_EDUCATION_CULTURE_HEALTH: '0501',
  WORK_SAFETY_EMERGENCY: '0601',
  ADMINISTRATIVE_APPROVAL_LIST: '0701',
  PUBLIC_SERVICE_LIST: '0702',
  FISCAL_FUNDS: '0801',
  WORK_NEWS: '0901',
  NOTICES: '0902',
  PHOTO_NEWS: '0903',
  POLICY_INTERPRETATIONS: '0202',
  BROADCASTS: '1001',
};

/** The index number of pushed record `recordId` in `category`, for the year the record is about. */
export function pushedIndexNumber(category: CategoryCode, year: number, recordId: string): string {
  const digest = createHash('sha256').update(recordId, 'utf8').digest('hex').slice(0, 8).toUpperCase();
  return `XA-NC-${CATEGORY_BLOCK[category] ?? '9999'}-${year}-P${digest}`;
}

/** What a kind says about the publication of one record. */
export interface CatalogFacts {
  recordId: string;
  kind: DisclosureKind;
  title: string;
  category: CategoryCode;
  organizationId: string;
  publishedAt: Date;
  /** The year the record is about (fiscal year, year of the decision). */
  year: number;
  channels: ChannelCode[];
  /** Text searched besides the title. */
  text: string;
}

/** The catalog entry of a pushed record, with its search terms. */
export function catalogEntryOf(facts: CatalogFacts): CatalogEntryDoc {
  return {
    _id: facts.recordId,
    kind: facts.kind,
    title: facts.title,
    category: facts.category,
    organizationId: facts.organizationId,
    publishedAt: facts.publishedAt,
    indexNumber: pushedIndexNumber(facts.category, facts.year, facts.recordId),
    channels: facts.channels,
    searchText: normalizeText(`${facts.title}\n${facts.text}`),
    searchTerms: indexTerms(facts.title, facts.text),
  };
}

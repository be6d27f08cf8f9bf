/** Builds the catalog entries of the demo records: index numbers, publication times and search terms. */
import type { CatalogEntryDoc, CategoryCode, ChannelCode, DisclosureKind } from '../catalog/catalog-entry.js';
import { indexTerms, normalizeText } from '../catalog/search-terms.js';

/** The numeric block of each category in the town's index numbers (索引号). */
const CATEGORY_BLOCK: Record<CategoryCode, string> = {
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

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A publication time given in China Standard Time (UTC+8), e.g. ("2015-03-12", "10:30"). */
export function chinaTime(day: string, time = '09:30'): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

/** What a demo record says about its own publication. */
export interface Publication {
  id: string;
  kind: DisclosureKind;
  title: string;
  category: CategoryCode;
  organizationId: string;
  publishedAt: Date;
  channels: ChannelCode[];
  /** Text searched besides the title. */
  text: string;
}

/** Catalog entries for publications, numbered per category in publication order (索引号 XA-NC-<block>-<year>-<seq>). */
export function catalogEntries(publications: readonly Publication[]): CatalogEntryDoc[] {
  const sorted = [...publications].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || (a.id < b.id ? -1 : 1));
  const sequence = new Map<string, number>();
  return sorted.map((p) => {
    const year = new Date(p.publishedAt.getTime() + 8 * 3600_000).getUTCFullYear();
    const key = `${p.category}-${year}`;
    const seq = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, seq);
    return {
      _id: p.id,
      kind: p.kind,
      title: p.title,
      category: p.category,
      organizationId: p.organizationId,
      publishedAt: p.publishedAt,
      indexNumber: `XA-NC-${CATEGORY_BLOCK[p.category]}-${year}-${String(seq).padStart(5, '0')}`,
      channels: p.channels,
      searchText: normalizeText(`${p.title}\n${p.text}`),
      searchTerms: indexTerms(p.title, p.text),
    };
  });
}

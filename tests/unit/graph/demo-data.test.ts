import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES, CHANNEL_CODES, DISCLOSURE_KINDS } from '../../../datasources/catalog/catalog-entry.js';
import { demoCollections } from '../../../datasources/demo/index.js';
import { DELEGATED_APPROVAL_ITEMS, PUBLIC_SERVICE_ITEMS } from '../../../datasources/demo/demo-power-list.js';
import { Channel } from '../../../schema/channel.enum.js';
import { DisclosureCategory } from '../../../schema/disclosure-category.enum.js';
import { DisclosureKind } from '../../../schema/disclosure-kind.enum.js';

const collections = demoCollections();
const catalog = Object.values(collections).flatMap((store) => store.catalog ?? []);
const from = new Date('2015-01-01T00:00:00+08:00');
const to = new Date('2015-12-01T00:00:00+08:00');

describe('the Neicuo 2015 demo data', () => {
  it('reproduces the report figures for January to November 2015', () => {
    const counts: Record<string, number> = {};
    for (const entry of catalog) {
      if (entry.publishedAt >= from && entry.publishedAt < to) counts[entry.category] = (counts[entry.category] ?? 0) + 1;
    }
    expect(counts).toMatchObject({
      ORGANIZATION_PERSONNEL: 18,
      POLICY_DOCUMENTS: 5,
      PUBLIC_WELFARE: 5,
      URBAN_RURAL_DEVELOPMENT: 4,
      SCIENCE_EDUCATION_CULTURE_HEALTH: 5,
      WORK_SAFETY_EMERGENCY: 5,
      ADMINISTRATIVE_APPROVAL_LIST: 1,
      PUBLIC_SERVICE_LIST: 1,
      WORK_NEWS: 28,
      NOTICES: 8,
      PHOTO_NEWS: 9,
    });
  });

  it('lists 15 delegated approval items and 29 public service items, and the SMS figure', () => {
    expect(DELEGATED_APPROVAL_ITEMS).toHaveLength(15);
    expect(PUBLIC_SERVICE_ITEMS).toHaveLength(29);
    expect(catalog.some((entry) => entry.searchText.includes('19073'))).toBe(true);
  });

  it('is the same on every load', () => {
    expect(JSON.stringify(demoCollections())).toBe(JSON.stringify(collections));
  });

  it('is internally consistent: every reference resolves and index numbers are unique', () => {
    const orgIds = new Set(collections.office.organizations!.map((o) => o._id));
    for (const org of collections.office.organizations!) if (org.parentId) expect(orgIds).toContain(org.parentId);
    for (const entry of catalog) expect(orgIds).toContain(entry.organizationId);
    const people = new Set(collections.personnel.people!.map((p) => p._id));
    const posts = new Set(collections.personnel.posts!.map((p) => p._id));
    for (const a of collections.personnel.appointments!) {
      expect(people).toContain(a.personId);
      expect(posts).toContain(a.postId);
    }
    const suppliers = new Set(collections.procurement.suppliers!.map((s) => s._id));
    for (const release of collections.procurement.releases!) {
      for (const award of release.awards) for (const s of award.suppliers) expect(suppliers).toContain(s.id);
    }
    const statements = new Set(collections.finance.threePublicStatements!.map((s) => s._id));
    for (const expense of collections.finance.threePublicExpenses!) expect(statements).toContain(expense.statementId);
    expect(collections.finance.threePublicExpenses!).toHaveLength(statements.size * 4);
    expect(new Set(catalog.map((e) => e.indexNumber)).size).toBe(catalog.length);
    expect(new Set(catalog.map((e) => e._id)).size).toBe(catalog.length);
  });

  it('holds more than one page of 200 records, and the newest five are of five different kinds', () => {
    expect(catalog.length).toBeGreaterThan(200);
    const newest = [...catalog].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, 5);
    expect(new Set(newest.map((e) => e.kind)).size).toBe(5);
  });

  it('uses the same codes as the GraphQL enums', () => {
    expect([...CATEGORY_CODES]).toEqual(Object.values(DisclosureCategory));
    expect([...CHANNEL_CODES]).toEqual(Object.values(Channel));
    expect([...DISCLOSURE_KINDS]).toEqual(Object.values(DisclosureKind));
  });
});

/**
 * The office kinds' demo data is consistent: every reference between
 * records (replacement chains, interpretations, list items, compensations,
 * announced and delivered records) names a record that exists and is in the
 * catalog, and the seed's figures hold in the raw data.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from 'mongodb';
import { demoCollections } from '../../../datasources/demo/index.js';
import { SMS_MESSAGES_2015 } from '../../../datasources/demo/demo-office-broadcasts.js';

const collections = demoCollections();
const catalog = Object.values(collections).flatMap((store) => (store.catalog ?? []) as Document[]);
const entries = new Map(catalog.map((entry) => [entry._id as string, entry]));
const office = collections.office;
const ids = (name: string) => new Set((office[name] ?? []).map((d) => d._id as string));

describe('the office kinds in the demo data', () => {
  it('every record of an office kind has a catalog entry of its kind, and every entry a record', () => {
    const kinds: Record<string, string> = { policies: 'PolicyDocument', interpretations: 'Interpretation', powerLists: 'PowerList', landNotices: 'LandRequisitionNotice', portalArticles: 'PortalArticle', broadcasts: 'Broadcast' };
    for (const [collection, kind] of Object.entries(kinds)) {
      const records = ids(collection);
      expect(records.size).toBeGreaterThan(0);
      for (const id of records) expect(entries.get(id)?.kind).toBe(kind);
      expect(catalog.filter((e) => e.kind === kind).length).toBe(records.size);
    }
  });

  it('references resolve: replacement chains, interpretations, list items, compensations, announced and delivered records', () => {
    const policies = ids('policies');
    for (const p of office.policies!) for (const id of p.replacedByIds as string[]) expect(policies).toContain(id);
    for (const i of office.interpretations!) for (const id of i.policyIds as string[]) expect(policies).toContain(id);
    const lists = ids('powerLists');
    for (const item of office.powerListItems!) expect(lists).toContain(item.listId);
    const organizations = ids('organizations');
    for (const item of office.powerListItems!) expect(organizations).toContain(item.handlingOrganizationId);
    const allocations = new Set(collections.finance.fundAllocations!.map((a) => a._id as string));
    for (const notice of office.landNotices!) {
      for (const c of notice.compensations as Document[]) {
        expect(notice.affectedVillageIds).toContain(c.villageId);
        if (c.allocationId) expect(allocations).toContain(c.allocationId);
      }
    }
    const refs = [...office.broadcasts!.flatMap((b) => b.announced as Document[]), ...office.deliveries!.flatMap((d) => d.records as Document[])];
    for (const ref of refs) expect(entries.get(ref.id as string)?.kind).toBe(ref.kind);
    const points = ids('readingPoints');
    for (const d of office.deliveries!) expect(points).toContain(d.readingPointId);
    for (const file of office.attachmentFiles!) expect(policies).toContain(file.policyId);
  });

  it('the SMS platform sent the report\'s 19,073 messages up to the report', () => {
    const reportDay = new Date('2015-11-26T00:00:00+08:00');
    const sms = office.broadcasts!.filter((b) => b.channel === 'SMS_PLATFORM' && (b.sentAt as Date) < reportDay);
    expect(sms.reduce((sum, b) => sum + (b.messageCount as number), 0)).toBe(SMS_MESSAGES_2015);
    expect(SMS_MESSAGES_2015).toBe(19073);
  });
});

/**
 * Broadcasts and reading points over HTTP: the SMS platform's messages sum
 * to the seed report's 19,073 (in the store), every broadcast links to the
 * records it announced in any store, and reading points list what was
 * delivered to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true });
});

afterAll(async () => {
  await gateway?.stop();
});

const TOTALS = `
  query Totals($channels: [Channel!], $from: DateTimeISO, $to: DateTimeISO) {
    broadcastTotals(channels: $channels, from: $from, to: $to) { channel broadcasts messages }
  }`;

describe('broadcasts', () => {
  it('the SMS platform sent 19,073 messages in 2015 up to the report', async () => {
    const result = await gateway.graphql<{ broadcastTotals: Array<{ channel: string; broadcasts: number; messages: number }> }>(TOTALS, {
      channels: ['SMS_PLATFORM'],
      from: '2015-01-01T00:00:00+08:00',
      to: '2015-11-26T00:00:00+08:00',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.broadcastTotals).toEqual([{ channel: 'SMS_PLATFORM', broadcasts: 15, messages: 19073 }]);
  });

  it('totals every channel, and the sum of single broadcasts equals the store\'s total', async () => {
    const totals = await gateway.graphql<{ broadcastTotals: Array<{ channel: string; broadcasts: number; messages: number }> }>(TOTALS, {});
    expect(totals.data!.broadcastTotals).toEqual([
      { channel: 'GOVERNMENT_BULLETIN_BOARD', broadcasts: 2, messages: 2 },
      { channel: 'SMS_PLATFORM', broadcasts: 15, messages: 19073 },
      { channel: 'VILLAGE_BULLETIN_BOARD', broadcasts: 3, messages: 24 },
    ]);
    const list = await gateway.graphql<{ disclosures: { totalCount: number; edges: Array<{ node: { channel: string; messageCount: number } }> } }>(
      `{ disclosures(first: 100, filter: { kinds: [Broadcast] }) { totalCount edges { node { ... on Broadcast { channel messageCount } } } } }`,
    );
    const sms = list.data!.disclosures.edges.filter((e) => e.node.channel === 'SMS_PLATFORM');
    expect(sms.reduce((sum, e) => sum + e.node.messageCount, 0)).toBe(19073);
    expect(list.data!.disclosures.totalCount).toBe(20);
  });

  it('a broadcast links to the records it announced, across stores', async () => {
    const result = await gateway.graphql<{ disclosures: { edges: Array<{ node: { title: string; category: string; sentAt: string; announced: Array<Record<string, unknown>> } }> } }>(
      `{ disclosures(first: 5, filter: { kinds: [Broadcast], search: "莲塘村征地补偿款" }) { edges { node { title category ... on Broadcast { sentAt announced {
          __typename title ... on FundAllocation { amount } ... on LandRequisitionNotice { totalCompensation } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const [broadcast] = result.data!.disclosures.edges.map((e) => e.node);
    expect(broadcast).toMatchObject({
      title: '短信平台：莲塘村征地补偿款拨付',
      category: 'BROADCASTS',
      announced: [
        { __typename: 'FundAllocation', amount: '1286450.00' },
        { __typename: 'LandRequisitionNotice', title: '内厝镇莲塘村征地信息公告', totalCompensation: '1286450.00' },
      ],
    });
  });

  it('refuses a channel that carries no broadcasts and a period that ends before it starts', async () => {
    const portal = await gateway.graphql(TOTALS, { channels: ['TOWN_PORTAL'] });
    expect(portal.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'channels' });
    const backwards = await gateway.graphql(TOTALS, { from: '2015-06-01T00:00:00+08:00', to: '2015-01-01T00:00:00+08:00' });
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'to' });
  });
});

describe('reading points', () => {
  it('list address, hours and the deliveries they received, with the records delivered', async () => {
    const result = await gateway.graphql<{ readingPoints: Array<{ id: string; name: string; type: string; address: string; openingHours: string; deliveries: { totalCount: number; edges: Array<{ node: { deliveredOn: string; copies: number; description: string; records: Array<{ __typename: string; title: string }> } }> } }> }>(
      `{ readingPoints { id name type address openingHours deliveries(first: 10) { totalCount edges { node { deliveredOn copies description records { __typename title } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const points = Object.fromEntries(result.data!.readingPoints.map((p) => [p.type, p]));
    expect(Object.keys(points).sort()).toEqual(['ARCHIVES', 'LIBRARY', 'SERVICE_CENTER']);
    const library = points.LIBRARY!;
    expect(library).toMatchObject({ name: '翔安区图书馆政府信息公开查阅点', openingHours: expect.stringContaining('周一闭馆') });
    expect(library.deliveries.totalCount).toBe(3);
    expect(library.deliveries.edges.map((e) => e.node.deliveredOn)).toEqual(['2015-04-10', '2015-07-24', '2015-11-18']);
    expect(library.deliveries.edges[0]!.node.records.map((r) => r.__typename)).toEqual(['PolicyDocument', 'PolicyDocument', 'PowerList', 'PowerList']);
    expect(points.SERVICE_CENTER!.deliveries.edges[0]!.node).toMatchObject({ copies: 20, records: [{ __typename: 'PolicyDocument' }, { __typename: 'LandRequisitionNotice' }, { __typename: 'LandRequisitionNotice' }] });
    const node = await gateway.graphql<{ node: { __typename: string; name: string } }>(`query($id: ID!) { node(id: $id) { __typename ... on ReadingPoint { name } } }`, { id: library.id });
    expect(node.data!.node).toEqual({ __typename: 'ReadingPoint', name: library.name });
  });
});

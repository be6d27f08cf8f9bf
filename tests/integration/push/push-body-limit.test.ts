/**
 * Body limits per caller: a department pushing 1,000 procurement releases
 * (well over the public's 1 MiB) is accepted under the larger limit for
 * callers with a credential, while the same body from the public, or a
 * credentialed body over its own limit, is refused with 413
 * PAYLOAD_TOO_LARGE naming the limit that applies, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../src/config.js';
import { issueKey, type IssuedKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

const PLANNING = 'org-neicuo-gjb';
const PUSH = 'mutation($records: [ProcurementPushInput!]!) { pushProcurements(records: $records) { totals { created updated unchanged rejected } } }';

let gateway: TestGateway;
let key: IssuedKey;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true, limits: { authenticatedBodyLimitBytes: 4 * 1_048_576 } });
  key = await issueKey(gateway, { role: 'department', organizationId: PLANNING, stores: ['procurement'], sourceSystem: '采购系统' });
});

afterAll(async () => {
  await gateway?.stop();
});

/** The n-th release of a batch of a department's purchases (采购), with a tender, an award and a contract. */
function release(n: number): Record<string, unknown> {
  const code = String(n).padStart(4, '0');
  const project = `莲塘村第${n}段排水沟清淤及沿线道路边沟修复工程（含土方开挖、垃圾清运、边沟护砌及施工期间交通疏导）`;
  return {
    sourceId: `limit-${code}`,
    version: 1,
    organizationId: PLANNING,
    ocid: `ocds-nc2016-XANC-LIMIT-${code}`,
    tag: ['award', 'contract'],
    date: '2016-06-20',
    title: `${project}成交公告`,
    tender: { id: `t-${code}`, title: project, procurementMethod: 'limited', procurementMethodDetails: '询价（邀请三家供应商报价，最低价成交）', value: '90000.00', tenderPeriod: { startDate: '2016-05-20', endDate: '2016-06-10' }, numberOfTenderers: 3 },
    awards: [{ id: `a-${code}`, title: '成交结果', status: 'active', date: '2016-06-20', value: '86500.00', suppliers: [{ id: 'supplier-limit', name: '厦门测试工程有限公司', creditCode: '91350213MA2XN3KQ9Y', locality: '厦门市翔安区' }] }],
    contracts: [{ id: `c-${code}`, awardId: `a-${code}`, title: '合同', status: 'active', value: '86500.00', dateSigned: '2016-06-27', period: { startDate: '2016-06-27', endDate: '2016-08-31' } }],
  };
}

function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

async function releasesWritten(): Promise<number> {
  return gateway.stores.connections.procurement.run((db) => db.collection('submissions').countDocuments({ sourceId: /^limit-/ }));
}

describe('request body limits', () => {
  const batch = JSON.stringify({ query: PUSH, variables: { records: Array.from({ length: 1_000 }, (_, i) => release(i + 1)) } });

  it('refuses 1,000 releases from the public at the public limit, before GraphQL runs', async () => {
    expect(Buffer.byteLength(batch)).toBeGreaterThan(DEFAULTS.bodyLimitBytes);
    const response = await post(batch);
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0]?.message).toContain(String(DEFAULTS.bodyLimitBytes));
    expect(await releasesWritten()).toBe(0);
  });

  it('accepts the same 1,000 releases from a department under the limit for callers with a credential', async () => {
    const response = await post(batch, key.headers);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: { pushProcurements: { totals: Record<string, number> } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.pushProcurements.totals).toEqual({ created: 1_000, updated: 0, unchanged: 0, rejected: 0 });
    expect(await releasesWritten()).toBe(1_000);
  });

  it('refuses a credentialed body over its own limit, naming that limit', async () => {
    const oversized = JSON.stringify({ query: PUSH, variables: { records: [{ ...release(1), title: '长'.repeat(1_500_000) }] } });
    expect(Buffer.byteLength(oversized)).toBeGreaterThan(4 * 1_048_576);
    const response = await post(oversized, key.headers);
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0]?.message).toContain(String(4 * 1_048_576));
  });
});

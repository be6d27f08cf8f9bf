/**
 * The catalog's queries are served from indexes, on the embedded server as
 * on MongoDB: a search needs only the documents holding its n-grams, and a
 * page after a cursor walks the sort index from the cursor on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'mongodb';
import { catalogFilterQuery, positionQuery, sortSpec } from '../../../datasources/catalog/catalog-query.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true });
});

afterAll(async () => {
  await gateway?.stop();
});

function explainOffice(filter: Document, options: Document = {}): Promise<Document> {
  return gateway.stores.connections.office.run((db) => db.collection('catalog').find(filter, options).explain('executionStats'));
}

describe('catalog queries use indexes', () => {
  it('a Chinese search is answered from the multikey index of n-grams', async () => {
    const plan = await explainOffice(catalogFilterQuery({ search: '征地' }));
    expect(JSON.stringify(plan.queryPlanner.winningPlan)).toContain('searchTerms_1');
    expect(plan.executionStats.nReturned).toBeGreaterThan(0);
    // Only the documents holding the bigram are read, not the 73 of the collection.
    expect(plan.executionStats.totalDocsExamined).toBeLessThanOrEqual(plan.executionStats.nReturned + 2);
  });

  it('a page after a cursor walks the publishedAt index from the cursor', async () => {
    const order = { field: 'publishedAt', direction: -1 } as const;
    const position = { value: new Date('2015-06-01T00:00:00Z'), id: 'doc-2015-000' };
    const plan = await explainOffice(positionQuery(order, position, 'after'), { sort: sortSpec(order, false), limit: 6 });
    expect(JSON.stringify(plan.queryPlanner.winningPlan)).toContain('publishedAt_-1__id_-1');
    expect(plan.executionStats.nReturned).toBe(6);
    expect(plan.executionStats.totalDocsExamined).toBeLessThan(20);
  });
});

/** The push pipeline over the driver: per-record outcomes, versions, what reaches the live collections, the ledger, store round trips. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'mongodb';
import { PushError } from '../../../datasources/push/push-errors.js';
import type { Actor } from '../../../datasources/push/actor.js';
import { ADMIN, FINANCE_DEPT, FINANCE_ORG, PLANNING_DIRECT, PLANNING_ORG, record, startPushFixture, statementFields, type PushFixture } from './push-fixture.js';

let fx: PushFixture;
const at = (iso: string) => new Date(iso);
const finance = (now = '2016-03-01T02:00:00Z'): Actor => ({ principal: FINANCE_DEPT, now: at(now) });

async function docs(store: 'finance' | 'procurement' | 'personnel', collection: string, filter: Document = {}): Promise<Document[]> {
  return fx.connections[store].run((db) => db.collection(collection).find(filter).sort({ _id: 1 }).toArray());
}

beforeAll(async () => {
  fx = await startPushFixture();
});
afterAll(async () => {
  await fx.stop();
});

describe('a mixed batch', () => {
  it('reports every record with its exact outcome and the totals, and writes only the accepted ones', async () => {
    const first = await fx.desk.push(finance(), 'ThreePublicExpenseStatement', [
      record('s-01', 1, statementFields(FINANCE_ORG, 1)),
      record('s-02', 5, statementFields(FINANCE_ORG, 2)),
      record('s-03', 1, statementFields(FINANCE_ORG, 3)),
    ]);
    expect(first.totals).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });

    const report = await fx.desk.push(finance('2016-03-02T02:00:00Z'), 'ThreePublicExpenseStatement', [
      record('s-01', 1, statementFields(FINANCE_ORG, 1)), // retry of the same version
      record('s-02', 4, statementFields(FINANCE_ORG, 2)), // older than the stored 5
      record('s-04', 1, statementFields(FINANCE_ORG, 4, { items: [{ item: 'OFFICIAL_RECEPTION', amount: '-3.00' }, { item: 'LUNCH', amount: '1.00' }] })),
      record('s-05', 1, statementFields(FINANCE_ORG, 5, { month: 13, year: undefined })),
      record('s-06', 1, statementFields(PLANNING_ORG, 6)), // another department's record
      record('s-07', 1, statementFields(FINANCE_ORG, 7)), // new
      record('s-03', 2, statementFields(FINANCE_ORG, 3, { items: [{ item: 'VEHICLE_OPERATION', amount: '99.99' }] })), // newer
    ]);
    expect(report.totals).toEqual({ created: 1, updated: 1, unchanged: 1, rejected: 4 });
    const summary = report.outcomes.map((o) => [o.sourceId, o.outcome, o.problems.map((p) => `${p.code}@${p.path}`)]);
    expect(summary).toEqual([
      ['s-01', 'UNCHANGED', []],
      ['s-02', 'REJECTED', ['STALE_VERSION@version']],
      ['s-04', 'REJECTED', ['INVALID_RECORD@items[0].amount', 'INVALID_RECORD@items[1].item']],
      ['s-05', 'REJECTED', ['INVALID_RECORD@year', 'INVALID_RECORD@month']],
      ['s-06', 'REJECTED', ['FORBIDDEN@organizationId']],
      ['s-07', 'CREATED', []],
      ['s-03', 'UPDATED', []],
    ]);
    expect(report.outcomes[1]!.problems[0]!.message).toBe('Version 4 is older than the stored version 5; the stored record is unchanged.');
    expect(report.outcomes[2]!.problems[0]!.message).toBe('items[0].amount must not be negative (got -3.00)');
    const stored = await docs('finance', 'submissions', { _id: { $in: ['ThreePublicExpenseStatement:org-neicuo-czs:s-02', 'ThreePublicExpenseStatement:org-neicuo-czs:s-03'] } });
    expect(stored.map((s) => [s.sourceId, s.version, s.state, s.applied])).toEqual([
      ['s-02', 5, 'PENDING_REVIEW', true],
      ['s-03', 2, 'PENDING_REVIEW', true],
    ]);
    // Nothing of a rejected record was written.
    expect(await docs('finance', 'submissions', { sourceId: { $in: ['s-04', 's-05', 's-06'] } })).toEqual([]);
  });

  it('keeps pending versions out of the live collections and the catalog', async () => {
    expect(await docs('finance', 'threePublicStatements')).toEqual([]);
    expect(await docs('finance', 'threePublicExpenses')).toEqual([]);
    expect(await docs('finance', 'catalog')).toEqual([]);
  });

  it('writes one ledger entry per accepted change, with the previous version and the full content', async () => {
    const entries = await docs('finance', 'ledger', { sourceId: 's-03' });
    expect(entries.map((e) => [e.action, e.version, e.previousVersion, e.principalId, e.sourceSystem])).toEqual([
      ['CREATE', 1, null, 'key:finance', '财务核算系统'],
      ['UPDATE', 2, 1, 'key:finance', '财务核算系统'],
    ]);
    expect(entries[1]!.content.items.map((i: Document) => [i.item, i.amount.toString()])).toEqual([['VEHICLE_OPERATION', '99.99']]);
    expect(entries[1]!.previousEntryId).toBe(entries[0]!._id);
    expect(await docs('finance', 'ledger', { sourceId: { $in: ['s-01', 's-02', 's-04'] } })).toHaveLength(2);
  });
});

describe('versions', () => {
  it('compares timestamps as instants and refuses a mix of integers and timestamps in one record', async () => {
    const push = (sourceId: string, version: unknown) => fx.desk.push(finance(), 'ThreePublicExpenseStatement', [record(sourceId, version, statementFields(FINANCE_ORG, 8))]);
    expect((await push('t-01', '2016-03-01T10:00:00+08:00')).outcomes[0]!.outcome).toBe('CREATED');
    // The same instant written in UTC is the same version.
    expect((await push('t-01', '2016-03-01T02:00:00Z')).outcomes[0]!.outcome).toBe('UNCHANGED');
    expect((await push('t-01', '2016-03-01T02:00:00.5Z')).outcomes[0]!.outcome).toBe('UPDATED');
    expect((await push('t-01', '2016-02-29T23:59:59Z')).outcomes[0]!.problems[0]!.code).toBe('STALE_VERSION');
    const mixed = (await push('t-01', 7)).outcomes[0]!;
    expect([mixed.outcome, mixed.problems[0]!.code, mixed.problems[0]!.path]).toEqual(['REJECTED', 'INVALID_RECORD', 'version']);
    expect(mixed.problems[0]!.message).toMatch(/timestamps/u);
    const bad = (await push('t-02', '2015-02-30T00:00:00Z')).outcomes[0]!;
    expect([bad.problems[0]!.path, bad.problems[0]!.message]).toEqual(['version', 'version is not a real instant: 2015-02-30T00:00:00Z']);
  });
});

describe('batch limits and duplicates', () => {
  it('refuses more than 1,000 records as a whole, naming the limit and the count, and writes nothing', async () => {
    const before = (await docs('finance', 'submissions')).length;
    const records = Array.from({ length: 1001 }, (_, i) => record(`big-${i}`, 1, statementFields(FINANCE_ORG, 1)));
    const error = await fx.desk.push(finance(), 'ThreePublicExpenseStatement', records).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PushError);
    expect([(error as PushError).code, (error as PushError).limit, (error as PushError).actual]).toEqual(['BATCH_TOO_LARGE', 1000, 1001]);
    expect((await docs('finance', 'submissions')).length).toBe(before);
  });

  it('refuses a second copy of a record in the same batch', async () => {
    const report = await fx.desk.push(finance(), 'ThreePublicExpenseStatement', [record('d-01', 1, statementFields(FINANCE_ORG, 1)), record('d-01', 2, statementFields(FINANCE_ORG, 1))]);
    expect(report.outcomes.map((o) => [o.outcome, o.problems[0]?.code ?? null])).toEqual([['CREATED', null], ['REJECTED', 'DUPLICATE_RECORD']]);
  });
});

describe('direct publication', () => {
  it('publishes a directly publishing department at once, and an update replaces the live content and drops lines it no longer has', async () => {
    const actor: Actor = { principal: PLANNING_DIRECT, now: at('2016-04-01T00:00:00Z') };
    const created = await fx.desk.push(actor, 'ThreePublicExpenseStatement', [record('p-01', 1, statementFields(PLANNING_ORG, 3))]);
    expect(created.outcomes[0]!.state).toBe('APPROVED');
    const recordId = created.outcomes[0]!.recordId!;
    expect(recordId).toBe('tpe-org-neicuo-gjb-p-01');
    expect((await docs('finance', 'threePublicExpenses', { statementId: recordId })).map((e) => [e.item, e.amount.toString()])).toEqual([
      ['OFFICIAL_RECEPTION', '800.00'],
      ['VEHICLE_OPERATION', '1200.50'],
    ]);
    const [entry] = await docs('finance', 'catalog', { _id: recordId });
    expect(entry).toMatchObject({ kind: 'ThreePublicExpenseStatement', category: 'FISCAL_FUNDS', organizationId: PLANNING_ORG, title: '2016年3月“三公”经费支出情况公开' });
    expect(entry!.indexNumber).toMatch(/^XA-NC-0801-2016-P[0-9A-F]{8}$/u);
    expect(fx.announced.at(-1)).toMatchObject({ store: 'finance', organizationIds: [PLANNING_ORG] });

    await fx.desk.push({ ...actor, now: at('2016-04-02T00:00:00Z') }, 'ThreePublicExpenseStatement', [
      record('p-01', 2, statementFields(PLANNING_ORG, 3, { items: [{ item: 'VEHICLE_OPERATION', amount: '1300.00' }] })),
    ]);
    expect((await docs('finance', 'threePublicExpenses', { statementId: recordId })).map((e) => [e.item, e.amount.toString()])).toEqual([['VEHICLE_OPERATION', '1300.00']]);
    const [again] = await docs('finance', 'catalog', { _id: recordId });
    expect(again!.indexNumber).toBe(entry!.indexNumber);
  });
});

describe('store round trips', () => {
  it('costs the same number of store commands for 10 and for 1,000 records', async () => {
    const count = async (n: number, prefix: string) => {
      const actor: Actor = { principal: PLANNING_DIRECT, now: at('2016-05-01T00:00:00Z') };
      const records = Array.from({ length: n }, (_, i) => record(`${prefix}-${i}`, 1, statementFields(PLANNING_ORG, (i % 12) + 1)));
      const creating = fx.commands.length;
      await fx.desk.push(actor, 'ThreePublicExpenseStatement', records); // also warms the indexes
      const created = fx.commands.slice(creating).map((c) => c.commandName);
      const updated = records.map((r) => ({ ...r, version: 2 }));
      const start = fx.commands.length;
      const report = await fx.desk.push({ ...actor, now: at('2016-05-02T00:00:00Z') }, 'ThreePublicExpenseStatement', updated);
      expect(report.totals.updated).toBe(n);
      return { created, updated: fx.commands.slice(start).map((c) => c.commandName) };
    };
    const { created, updated: small } = await count(10, 'rt10');
    const { updated: large } = await count(1000, 'rt1000');
    expect(large).toEqual(small);
    // New statements are public only once all their documents are written: their catalog entries after the lines' delete.
    expect(created).toEqual(['find', 'update', 'find', 'insert', 'update', 'update', 'delete', 'update', 'update']);
    // Submissions read; their new versions written beside a read of the catalog entries as they were; then together the ledger, statements, expense lines and, the statements being public already, their catalog entries (started before the dropped lines' delete, which the lines' bulk write sends after its updates); marks.
    expect(small).toEqual(['find', 'update', 'find', 'insert', 'update', 'update', 'update', 'delete', 'update']);
  });
});

describe('admins', () => {
  it('may push for any organization; the push still waits for review', async () => {
    const report = await fx.desk.push({ principal: ADMIN, now: at('2016-06-01T00:00:00Z') }, 'FundAllocation', [
      record('a-01', 1, { organizationId: PLANNING_ORG, recipientProject: '道路工程', purpose: '进度款', amount: '1000.00', date: '2016-05-30' }),
    ]);
    expect(report.outcomes[0]).toMatchObject({ outcome: 'CREATED', state: 'PENDING_REVIEW', recordId: 'alloc-org-neicuo-gjb-a-01' });
  });

  it('may not push for an organization the directory does not hold, nor name one as a recipient; each record on its own', async () => {
    const allocation = (sourceId: string, organizationId: string, recipientOrganizationId: string) =>
      record(sourceId, 1, { organizationId, recipientOrganizationId, purpose: '进度款', amount: '1000.00', date: '2016-05-30' });
    const report = await fx.desk.push({ principal: ADMIN, now: at('2016-06-01T00:00:00Z') }, 'FundAllocation', [
      allocation('a-02', 'org-no-such-office', FINANCE_ORG),
      allocation('a-03', PLANNING_ORG, 'org-no-such-village'),
      allocation('a-04', PLANNING_ORG, FINANCE_ORG),
    ]);
    expect(report.outcomes.map((o) => [o.sourceId, o.outcome, o.problems.map((p) => [p.code, p.path])])).toEqual([
      ['a-02', 'REJECTED', [['INVALID_RECORD', 'organizationId']]],
      ['a-03', 'REJECTED', [['INVALID_RECORD', 'recipientOrganizationId']]],
      ['a-04', 'CREATED', []],
    ]);
    expect(await docs('finance', 'submissions', { sourceId: { $in: ['a-02', 'a-03'] } })).toEqual([]);
  });
});

describe('concurrent pushes of one record', () => {
  it('accept each version at most once, keep the newest, and record one ledger entry per accepted version', async () => {
    const pushes = [3, 1, 2, 5, 4].map((version) => fx.desk.push(finance('2016-08-01T00:00:00Z'), 'ThreePublicExpenseStatement', [record('c-01', version, statementFields(FINANCE_ORG, 9))]));
    const outcomes = (await Promise.all(pushes)).map((r) => r.outcomes[0]!);
    const accepted = outcomes.filter((o) => o.outcome === 'CREATED' || o.outcome === 'UPDATED');
    expect(outcomes.filter((o) => o.outcome === 'CREATED')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'REJECTED').every((o) => ['CONFLICT', 'STALE_VERSION'].includes(o.problems[0]!.code))).toBe(true);
    const [stored] = await docs('finance', 'submissions', { sourceId: 'c-01' });
    expect(stored!.version).toBe(Math.max(...accepted.map((o) => o.version as number)));
    // A record refused by a concurrent write is read again: the newest version wins unless it lost three rounds in a row.
    const newest = outcomes.find((o) => o.version === 5)!;
    if (newest.problems[0]?.code !== 'CONFLICT') expect(stored!.version).toBe(5);
    const ledger = await docs('finance', 'ledger', { sourceId: 'c-01' });
    expect(ledger.map((e) => e.version).sort()).toEqual(accepted.map((o) => o.version).sort());
  });
});

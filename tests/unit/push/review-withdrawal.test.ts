/** Review and withdrawal over the driver: decisions, their guards, completion of a decision cut short, resubmission. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'mongodb';
import type { Actor } from '../../../datasources/push/actor.js';
import { PushError } from '../../../datasources/push/push-errors.js';
import { FINANCE_DEPT, FINANCE_ORG, record, REVIEWER, startPushFixture, statementFields, type PushFixture } from './push-fixture.js';

let fx: PushFixture;
const at = (iso: string) => new Date(iso);
const department = (iso: string): Actor => ({ principal: FINANCE_DEPT, now: at(iso) });
const reviewer = (iso: string): Actor => ({ principal: REVIEWER, now: at(iso) });
const SUBMISSION = `ThreePublicExpenseStatement:${FINANCE_ORG}:w-1`;
const RECORD = `tpe-${FINANCE_ORG}-w-1`;

async function docs(collection: string, filter: Document = {}): Promise<Document[]> {
  return fx.connections.finance.run((db) => db.collection(collection).find(filter).sort({ at: 1, _id: 1 }).toArray());
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof PushError ? error.code : String(error);
}

beforeAll(async () => {
  fx = await startPushFixture();
});
afterAll(async () => {
  await fx.stop();
});

describe('review', () => {
  it('refuses departments, a rejection without comment, and unknown submissions', async () => {
    await fx.desk.push(department('2016-01-01T00:00:00Z'), 'ThreePublicExpenseStatement', [record('w-1', 1, statementFields(FINANCE_ORG, 1))]);
    expect(await refusal(fx.desk.review(department('2016-01-01T01:00:00Z'), SUBMISSION, 'APPROVED', {}))).toBe('FORBIDDEN');
    expect(await refusal(fx.desk.review(reviewer('2016-01-01T01:00:00Z'), SUBMISSION, 'REJECTED', { comment: ' ' }))).toBe('BAD_USER_INPUT');
    expect(await refusal(fx.desk.review(reviewer('2016-01-01T01:00:00Z'), `ThreePublicExpenseStatement:${FINANCE_ORG}:nope`, 'APPROVED', {}))).toBe('NOT_FOUND');
    expect(await refusal(fx.desk.review(reviewer('2016-01-01T01:00:00Z'), 'Nothing:x:y', 'APPROVED', {}))).toBe('NOT_FOUND');
    expect(await refusal(fx.desk.review(reviewer('2016-01-01T01:00:00Z'), SUBMISSION, 'APPROVED', { version: 9 }))).toBe('NOT_FOUND');
    expect(await docs('catalog')).toEqual([]);
  });

  it('completes an approval cut short after its decision was written, and records it once', async () => {
    // The state a crash leaves between the decision and its effect: the submission says APPROVED, applied false; nothing live yet.
    const [pending] = await docs('submissions', { _id: SUBMISSION });
    const decidedAt = at('2016-01-02T00:00:00Z');
    const ledger = { ...pending!.effect.ledger, _id: `approve:${SUBMISSION}:${pending!.versionKey}`, at: decidedAt, action: 'APPROVE', principalId: REVIEWER.id, role: 'reviewer', published: true, comment: '可以公开', previousEntryId: null, previousVersion: null };
    await fx.connections.finance.run((db) =>
      db.collection<{ _id: string } & Document>('submissions').updateOne(
        { _id: SUBMISSION },
        { $set: { state: 'APPROVED', review: { decision: 'APPROVED', by: REVIEWER.id, at: decidedAt, comment: '可以公开', version: 1 }, publishedVersion: 1, publishedVersionKey: pending!.versionKey, publishedAt: decidedAt, applied: false, effect: { live: 'publish', ledger } } },
      ),
    );
    expect(await docs('catalog')).toEqual([]);
    const again = await fx.desk.review(reviewer('2016-01-02T00:05:00Z'), SUBMISSION, 'APPROVED', { comment: '可以公开' });
    expect([again.state, again.applied]).toEqual(['APPROVED', true]);
    const [entry] = await docs('catalog');
    expect([entry!._id, entry!.publishedAt]).toEqual([RECORD, decidedAt]);
    expect((await docs('ledger')).map((e) => e.action)).toEqual(['CREATE', 'APPROVE']);
    // Once more: the decision stands, nothing is added.
    await fx.desk.review(reviewer('2016-01-02T00:10:00Z'), SUBMISSION, 'APPROVED', {});
    expect((await docs('ledger')).map((e) => e.action)).toEqual(['CREATE', 'APPROVE']);
  });

  it('refuses approving a version a newer push replaced, and a rejection keeps the approved version public', async () => {
    await fx.desk.push(department('2016-01-03T00:00:00Z'), 'ThreePublicExpenseStatement', [record('w-1', 2, statementFields(FINANCE_ORG, 1, { title: '第二版' }))]);
    expect(await refusal(fx.desk.review(reviewer('2016-01-03T01:00:00Z'), SUBMISSION, 'APPROVED', { version: 1 }))).toBe('STALE_VERSION');
    const rejected = await fx.desk.review(reviewer('2016-01-03T01:00:00Z'), SUBMISSION, 'REJECTED', { version: 2, comment: '标题不规范' });
    expect([rejected.state, rejected.publishedVersion]).toEqual(['REJECTED', 1]);
    const [entry] = await docs('catalog');
    expect(entry!.title).toBe('2016年1月“三公”经费支出情况公开');
    expect(await refusal(fx.desk.review(reviewer('2016-01-03T02:00:00Z'), SUBMISSION, 'APPROVED', {}))).toBe('CONFLICT');
  });
});

describe('withdrawal', () => {
  it('removes the public version, needs a reason, is the department\'s own, and a newer push resubmits', async () => {
    expect(await refusal(fx.desk.withdraw(department('2016-01-04T00:00:00Z'), 'ThreePublicExpenseStatement', FINANCE_ORG, 'w-1', '  '))).toBe('BAD_USER_INPUT');
    expect(await refusal(fx.desk.withdraw(department('2016-01-04T00:00:00Z'), 'ThreePublicExpenseStatement', 'org-neicuo-gjb', 'w-1', '错报'))).toBe('FORBIDDEN');
    expect(await refusal(fx.desk.withdraw(department('2016-01-04T00:00:00Z'), 'Budget', FINANCE_ORG, 'w-1', '错报'))).toBe('BAD_USER_INPUT');
    const withdrawn = await fx.desk.withdraw(department('2016-01-04T00:00:00Z'), 'ThreePublicExpenseStatement', FINANCE_ORG, 'w-1', '数据重复报送');
    expect([withdrawn.state, withdrawn.publishedVersion]).toEqual(['WITHDRAWN', null]);
    expect(await docs('catalog')).toEqual([]);
    expect(await docs('threePublicStatements')).toEqual([]);
    expect(await docs('threePublicExpenses')).toEqual([]);
    expect(fx.announced.at(-1)).toMatchObject({ store: 'finance', recordIds: [RECORD], organizationIds: [FINANCE_ORG] });

    const same = await fx.desk.push(department('2016-01-05T00:00:00Z'), 'ThreePublicExpenseStatement', [record('w-1', 2, statementFields(FINANCE_ORG, 1))]);
    expect([same.outcomes[0]!.outcome, same.outcomes[0]!.state]).toEqual(['UNCHANGED', 'WITHDRAWN']);
    const newer = await fx.desk.push(department('2016-01-05T00:00:00Z'), 'ThreePublicExpenseStatement', [record('w-1', 3, statementFields(FINANCE_ORG, 1))]);
    expect([newer.outcomes[0]!.outcome, newer.outcomes[0]!.state]).toEqual(['UPDATED', 'PENDING_REVIEW']);
    expect((await docs('ledger')).map((e) => [e.action, e.version, e.reason ?? e.comment])).toEqual([
      ['CREATE', 1, null],
      ['APPROVE', 1, '可以公开'],
      ['UPDATE', 2, null],
      ['REJECT', 2, '标题不规范'],
      ['WITHDRAW', 2, '数据重复报送'],
      ['UPDATE', 3, null],
    ]);
  });
});

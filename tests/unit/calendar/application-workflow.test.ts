import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES, type ApplicationRecord, type ApplicationState } from '../../../datasources/applications/application-records.js';
import { ALLOWED_FROM, applyStep, type StepRequest } from '../../../datasources/applications/application-workflow.js';
import { officialCalendar } from '../../../datasources/calendar/official-calendar.js';

const calendar = officialCalendar();
const context = { by: 'key:office', today: '2015-06-30', recordedAt: new Date('2015-06-30T01:00:00Z') };
const reply = { title: '答复书', documentNumber: null, text: null };

/** An application received on 2 March 2015 and brought to `state` by a plausible history. */
function application(state: ApplicationState): ApplicationRecord {
  const history: ApplicationRecord['history'] = [{ seq: 1, action: 'FILE', fromState: null, toState: 'REGISTERED', on: '2015-03-02', recordedAt: new Date(), by: 'applicant', reason: null }];
  const step = (action: ApplicationRecord['history'][number]['action'], extra: Partial<ApplicationRecord['history'][number]> = {}) =>
    history.push({ seq: history.length + 1, action, fromState: null, toState: state, on: '2015-03-03', recordedAt: new Date(), by: 'key:office', reason: 'x', ...extra });
  if (state === 'CORRECTION_REQUESTED') step('REQUEST_CORRECTION');
  if (state === 'CONSULTING_THIRD_PARTY') step('CONSULT_THIRD_PARTY', { party: 'THIRD_PARTY' });
  if (state === 'CONSULTING_OTHER_AGENCY') step('CONSULT_OTHER_AGENCY', { party: 'OTHER_AGENCY' });
  if (state === 'EXTENDED') step('EXTEND', { workingDays: 5 });
  if (state === 'ANSWERED' || state === 'IN_REVIEW_OR_LITIGATION') step('ANSWER');
  if (state === 'WITHDRAWN') step('WITHDRAW');
  if (state === 'IN_REVIEW_OR_LITIGATION') step('FILE_REVIEW', { reviewIndex: 0 });
  return {
    id: 'a',
    trackingNumber: 'YSQ-20150302-AAAAAA',
    organizationId: 'org',
    applicantType: 'NATURAL_PERSON',
    description: 'x',
    deliveryForm: 'EMAIL',
    receivedOn: '2015-03-02',
    state,
    history,
    answer: state === 'ANSWERED' || state === 'IN_REVIEW_OR_LITIGATION' ? { outcome: 'GRANTED', reason: null, answeredOn: '2015-03-03', replyDocument: reply, disclosedRecordIds: [] } : null,
    reviews: state === 'IN_REVIEW_OR_LITIGATION' ? [{ kind: 'ADMINISTRATIVE_REVIEW', filedOn: '2015-03-03', result: null, decidedOn: null }] : [],
    version: history.length,
  };
}

const on = '2015-03-04';
const STEPS: StepRequest[] = [
  { action: 'REQUEST_CORRECTION', on, reason: '请补正' },
  { action: 'RECEIVE_CORRECTION', on, reason: null },
  { action: 'CONSULT_THIRD_PARTY', on, reason: '征求意见' },
  { action: 'CONSULT_OTHER_AGENCY', on, reason: '征求意见' },
  { action: 'END_CONSULTATION', on, reason: null },
  { action: 'EXTEND', on, reason: '延期', workingDays: 5 },
  { action: 'ANSWER', on, reason: null, answer: { outcome: 'GRANTED', reason: null, replyDocument: reply, disclosedRecordIds: [] } },
  { action: 'WITHDRAW', on, reason: '撤回' },
  { action: 'FILE_REVIEW', on, reason: null, kind: 'LITIGATION_WITHOUT_REVIEW' },
  { action: 'DECIDE_REVIEW', on, reason: null, reviewIndex: 0, result: 'CORRECTED' },
];

function codeOf(work: () => unknown): string {
  try {
    work();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('the state machine', () => {
  it('allows each step exactly from its states and refuses it from every other with INVALID_TRANSITION', () => {
    const outcomes: string[] = [];
    for (const state of APPLICATION_STATES) {
      for (const step of STEPS) {
        const code = codeOf(() => applyStep(calendar, application(state), step, context));
        const allowed = ALLOWED_FROM[step.action].includes(state);
        outcomes.push(`${state} ${step.action} ${code}`);
        if (!allowed) expect(code, `${step.action} from ${state}`).toBe('INVALID_TRANSITION');
      }
    }
    // The allowed ones succeed, except those another rule refuses (named here).
    const refusedByOtherRules = outcomes.filter((o) => !o.endsWith(' ok') && !o.endsWith(' INVALID_TRANSITION'));
    expect(refusedByOtherRules).toEqual(['EXTENDED EXTEND EXTENSION_ALREADY_GRANTED']);
    expect(outcomes).toContain('CORRECTION_REQUESTED ANSWER INVALID_TRANSITION');
    expect(outcomes).toContain('REGISTERED ANSWER ok');
  });

  it('leads each step to its state and records who, when and why', () => {
    const consulted = applyStep(calendar, application('EXTENDED'), { action: 'CONSULT_THIRD_PARTY', on, reason: '征求第三方意见' }, context);
    expect(consulted.state).toBe('CONSULTING_THIRD_PARTY');
    expect(consulted.entry).toMatchObject({ seq: 3, action: 'CONSULT_THIRD_PARTY', fromState: 'EXTENDED', toState: 'CONSULTING_THIRD_PARTY', on, by: 'key:office', reason: '征求第三方意见', party: 'THIRD_PARTY' });
    const back = applyStep(calendar, { ...application('EXTENDED'), state: 'CONSULTING_THIRD_PARTY', history: [...application('EXTENDED').history, consulted.entry] }, { action: 'END_CONSULTATION', on, reason: null }, context);
    expect(back.state).toBe('EXTENDED');
    const decided = applyStep(calendar, application('IN_REVIEW_OR_LITIGATION'), { action: 'DECIDE_REVIEW', on, reason: null, reviewIndex: 0, result: 'UPHELD' }, context);
    expect(decided.state).toBe('ANSWERED');
    expect(decided.reviews).toEqual([{ kind: 'ADMINISTRATIVE_REVIEW', filedOn: '2015-03-03', result: 'UPHELD', decidedOn: on }]);
  });

  it('closes an application awaiting its correction only as not corrected in time', () => {
    const late = applyStep(calendar, application('CORRECTION_REQUESTED'), { action: 'ANSWER', on, reason: null, answer: { outcome: 'OTHER_HANDLING', reason: 'NO_CORRECTION_IN_TIME', replyDocument: reply, disclosedRecordIds: [] } }, context);
    expect(late.state).toBe('ANSWERED');
    expect(codeOf(() => applyStep(calendar, application('REGISTERED'), { action: 'ANSWER', on, reason: null, answer: { outcome: 'OTHER_HANDLING', reason: 'NO_CORRECTION_IN_TIME', replyDocument: reply, disclosedRecordIds: [] } }, context))).toBe('INVALID_TRANSITION');
  });

  it('needs a decided review before a lawsuit after review, and an undecided review to decide', () => {
    expect(codeOf(() => applyStep(calendar, application('ANSWERED'), { action: 'FILE_REVIEW', on, reason: null, kind: 'LITIGATION_AFTER_REVIEW' }, context))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => applyStep(calendar, application('IN_REVIEW_OR_LITIGATION'), { action: 'DECIDE_REVIEW', on, reason: null, reviewIndex: 1, result: 'UPHELD' }, context))).toBe('BAD_USER_INPUT');
  });

  it('needs a reason for corrections, consultations, extensions and withdrawals', () => {
    for (const step of STEPS.filter((s) => ['REQUEST_CORRECTION', 'CONSULT_THIRD_PARTY', 'EXTEND', 'WITHDRAW'].includes(s.action))) {
      expect(codeOf(() => applyStep(calendar, application('REGISTERED'), { ...step, reason: '  ' }, context))).toBe('BAD_USER_INPUT');
    }
  });
});
